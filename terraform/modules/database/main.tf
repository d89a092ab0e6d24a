# RDS MySQL 8.4 (the LTS release the tests run on through Testcontainers mysql:8.4) in the private subnets, reachable only from the app's security group.
# The master password is managed by RDS in Secrets Manager (manage_master_user_password):
# it never passes through Terraform state, and RDS rotates it; the service reads it
# through DB_SECRET_ID and fetches it again when a rotation makes the database refuse it.

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_security_group" "db" {
  name        = "${var.name}-db"
  description = "slotpoll database: MySQL from the app instances only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "mysql_from_app" {
  security_group_id            = aws_security_group.db.id
  description                  = "MySQL from the app instances"
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  referenced_security_group_id = var.app_security_group_id
}

# The family is part of the name: moving to a new major version creates the new group
# before the instance switches to it and the old one is destroyed.
resource "aws_db_parameter_group" "this" {
  name   = "${var.name}-mysql84"
  family = "mysql8.4"

  lifecycle {
    create_before_destroy = true
  }

  parameter {
    name  = "character_set_server"
    value = "utf8mb4"
  }
  parameter {
    name  = "collation_server"
    value = "utf8mb4_unicode_ci"
  }
  parameter {
    name  = "require_secure_transport"
    value = "1"
  }
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "mysql"
  engine_version = "8.4"
  # 8.0 -> 8.4 is a major upgrade; RDS refuses it unless allowed.
  allow_major_version_upgrade = true
  instance_class              = var.instance_class

  db_name                     = "slotpoll"
  username                    = "slotpoll"
  manage_master_user_password = true

  allocated_storage     = var.allocated_storage_gb
  max_allocated_storage = var.allocated_storage_gb * 4
  storage_type          = "gp3"
  storage_encrypted     = true

  multi_az               = var.multi_az
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = false
  parameter_group_name   = aws_db_parameter_group.this.name

  backup_retention_period = var.backup_retention_days
  backup_window           = "02:00-03:00"
  maintenance_window      = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot   = true

  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = !var.deletion_protection
  final_snapshot_identifier = var.deletion_protection ? "${var.name}-final" : null

  performance_insights_enabled          = true
  performance_insights_retention_period = 7
  enabled_cloudwatch_logs_exports       = ["error", "slowquery"]
  auto_minor_version_upgrade            = true
  apply_immediately                     = false
}
