variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  description = "Private subnets, one per AZ."
  type        = list(string)
}

variable "app_security_group_id" {
  description = "The only security group allowed to reach MySQL."
  type        = string
}

variable "instance_class" {
  type = string
}

variable "allocated_storage_gb" {
  type = number
}

variable "multi_az" {
  type = bool
}

variable "backup_retention_days" {
  type = number
  validation {
    condition     = var.backup_retention_days >= 1
    error_message = "automated backups must be kept at least one day."
  }
}

variable "deletion_protection" {
  type = bool
}
