variable "environment" {
  description = "Environment name: dev or prod. Names every resource."
  type        = string
  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}

variable "region" {
  description = "AWS region."
  type        = string
  default     = "eu-west-1"
}

variable "vpc_cidr" {
  description = "CIDR of the VPC; public and private /24 subnets are carved from it."
  type        = string
  default     = "10.40.0.0/16"
}

variable "single_nat_gateway" {
  description = "One NAT gateway for both AZs (cheaper, dev) instead of one per AZ (prod)."
  type        = bool
  default     = false
}

variable "app_port" {
  description = "Port the service listens on inside the instance (PORT)."
  type        = number
  default     = 8080
}

variable "image_tag" {
  description = "Tag of the slotpoll image in the ECR repository (the pipeline passes the commit SHA)."
  type        = string
}

variable "instance_type" {
  description = "EC2 instance type of the app instances."
  type        = string
  default     = "t3.small"
}

variable "min_size" {
  description = "Fewest app instances."
  type        = number
  default     = 1
}

variable "max_size" {
  description = "Most app instances."
  type        = number
  default     = 4
}

variable "desired_capacity" {
  description = "App instances at start; target tracking moves it between min and max."
  type        = number
  default     = 2
}

variable "cpu_target_percent" {
  description = "Average CPU the auto-scaling group keeps its instances at."
  type        = number
  default     = 50
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener. Empty: HTTP only (dev); set: HTTP redirects to HTTPS."
  type        = string
  default     = ""
}

variable "public_base_url" {
  description = "PUBLIC_BASE_URL of the service, e.g. https://slotpoll.example.com."
  type        = string
}

variable "deregistration_delay_seconds" {
  description = "ALB deregistration delay; the service drains for most of it (SHUTDOWN_DRAIN_SECONDS)."
  type        = number
  default     = 30
}

variable "db_instance_class" {
  description = "RDS instance class (Performance Insights needs at least a medium class)."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_allocated_storage_gb" {
  description = "Initial RDS storage; storage autoscaling may grow it to four times this."
  type        = number
  default     = 20
}

variable "db_multi_az" {
  description = "RDS Multi-AZ standby."
  type        = bool
  default     = true
}

variable "db_backup_retention_days" {
  description = "Days of automated RDS backups (point-in-time recovery window)."
  type        = number
  default     = 14
}

variable "deletion_protection" {
  description = "Protect the database and the load balancer from deletion."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "Retention of the CloudWatch log groups and of ALB access logs in S3."
  type        = number
  default     = 90
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the service's own metrics (CLOUDWATCH_NAMESPACE)."
  type        = string
  default     = "Slotpoll"
}

variable "alarm_email" {
  description = "Address subscribed to the alarm topic; empty for none."
  type        = string
  default     = ""
}

variable "mail_from" {
  description = "Sender address of the service's mail through Amazon SES v2 (MAIL_FROM, SES_REGION is the stack's region); its domain becomes an SES identity (publish its DKIM records). Empty: no mail."
  type        = string
  default     = ""
}
