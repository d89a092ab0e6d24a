# RDS MySQL 8.4: Multi-AZ, encrypted, backed up, protected, watched, private, and
# reachable from the app's security group only. The master password lives in Secrets Manager.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                  = "slotpoll-prod"
  vpc_id                = "vpc-0123456789abcdef0"
  subnet_ids            = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
  app_security_group_id = "sg-0app0000000000001"
  instance_class        = "db.m6g.large"
  allocated_storage_gb  = 20
  multi_az              = true
  backup_retention_days = 14
  deletion_protection   = true
}

run "production_database" {
  command = plan

  module {
    source = "./modules/database"
  }

  assert {
    condition     = aws_db_instance.this.engine == "mysql" && aws_db_instance.this.engine_version == "8.4" && aws_db_parameter_group.this.family == "mysql8.4"
    error_message = "MySQL 8.4, with an 8.4 parameter group"
  }
  assert {
    condition     = aws_db_instance.this.multi_az
    error_message = "Multi-AZ"
  }
  assert {
    condition     = aws_db_instance.this.storage_encrypted
    error_message = "encrypted storage"
  }
  assert {
    condition     = aws_db_instance.this.backup_retention_period == 14
    error_message = "automated backups kept 14 days"
  }
  assert {
    condition     = aws_db_instance.this.deletion_protection && !aws_db_instance.this.skip_final_snapshot
    error_message = "deletion protection and a final snapshot"
  }
  assert {
    condition     = aws_db_instance.this.performance_insights_enabled
    error_message = "Performance Insights"
  }
  assert {
    condition     = aws_db_instance.this.manage_master_user_password && aws_db_instance.this.password == null
    error_message = "the master password is managed by RDS in Secrets Manager, never in Terraform"
  }
  assert {
    condition     = !aws_db_instance.this.publicly_accessible
    error_message = "not reachable from the internet"
  }
  assert {
    condition     = aws_db_subnet_group.this.subnet_ids == toset(var.subnet_ids)
    error_message = "in the private subnets"
  }
  assert {
    condition     = contains([for p in aws_db_parameter_group.this.parameter : "${p.name}=${p.value}"], "require_secure_transport=1")
    error_message = "TLS required"
  }
}

run "only_the_app_reaches_mysql" {
  command = apply

  module {
    source = "./modules/database"
  }

  assert {
    condition = (aws_vpc_security_group_ingress_rule.mysql_from_app.referenced_security_group_id == var.app_security_group_id
      && aws_vpc_security_group_ingress_rule.mysql_from_app.from_port == 3306
      && aws_vpc_security_group_ingress_rule.mysql_from_app.to_port == 3306
    && aws_vpc_security_group_ingress_rule.mysql_from_app.cidr_ipv4 == null)
    error_message = "MySQL from the app security group only"
  }
  assert {
    condition     = output.master_secret_arn == "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0123"
    error_message = "the secret's ARN is handed to the app"
  }
}

run "dev_database_can_go" {
  command = plan

  module {
    source = "./modules/database"
  }

  variables {
    multi_az              = false
    deletion_protection   = false
    backup_retention_days = 3
  }

  assert {
    condition     = !aws_db_instance.this.deletion_protection && aws_db_instance.this.skip_final_snapshot
    error_message = "dev databases can be destroyed without a final snapshot"
  }
}
