locals {
  name = "slotpoll-${var.environment}"
}

module "network" {
  source             = "./modules/network"
  name               = local.name
  cidr               = var.vpc_cidr
  single_nat_gateway = var.single_nat_gateway
}

module "database" {
  source                = "./modules/database"
  name                  = local.name
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  app_security_group_id = module.app.app_security_group_id
  instance_class        = var.db_instance_class
  allocated_storage_gb  = var.db_allocated_storage_gb
  multi_az              = var.db_multi_az
  backup_retention_days = var.db_backup_retention_days
  deletion_protection   = var.deletion_protection
}

module "app" {
  source                       = "./modules/app"
  name                         = local.name
  environment                  = var.environment
  vpc_id                       = module.network.vpc_id
  public_subnet_ids            = module.network.public_subnet_ids
  private_subnet_ids           = module.network.private_subnet_ids
  app_port                     = var.app_port
  image_tag                    = var.image_tag
  instance_type                = var.instance_type
  min_size                     = var.min_size
  max_size                     = var.max_size
  desired_capacity             = var.desired_capacity
  cpu_target_percent           = var.cpu_target_percent
  certificate_arn              = var.certificate_arn
  public_base_url              = var.public_base_url
  deregistration_delay_seconds = var.deregistration_delay_seconds
  deletion_protection          = var.deletion_protection
  log_retention_days           = var.log_retention_days
  metrics_namespace            = var.metrics_namespace
  db_address                   = module.database.address
  db_name                      = module.database.db_name
  db_secret_arn                = module.database.master_secret_arn
  mail_from                    = var.mail_from
}

module "monitoring" {
  source                  = "./modules/monitoring"
  name                    = local.name
  region                  = var.region
  alb_arn_suffix          = module.app.alb_arn_suffix
  target_group_arn_suffix = module.app.target_group_arn_suffix
  autoscaling_group_name  = module.app.autoscaling_group_name
  db_instance_id          = module.database.instance_id
  db_allocated_storage_gb = var.db_allocated_storage_gb
  metrics_namespace       = var.metrics_namespace
  alarm_email             = var.alarm_email
}
