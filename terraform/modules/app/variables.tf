variable "name" {
  type = string
}

variable "environment" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "app_port" {
  type = number
}

variable "image_tag" {
  type = string
}

variable "instance_type" {
  type = string
}

variable "min_size" {
  type = number
}

variable "max_size" {
  type = number
}

variable "desired_capacity" {
  type = number
}

variable "cpu_target_percent" {
  type = number
}

variable "certificate_arn" {
  type = string
}

variable "public_base_url" {
  type = string
}

variable "deregistration_delay_seconds" {
  type = number
}

variable "deletion_protection" {
  type = bool
}

variable "log_retention_days" {
  type = number
}

variable "metrics_namespace" {
  type = string
}

variable "db_address" {
  type = string
}

variable "db_name" {
  type = string
}

variable "db_secret_arn" {
  type = string
}

variable "mail_from" {
  description = "Sender address of the service's mail (MAIL_FROM) through Amazon SES v2 in this region; empty turns mail off."
  type        = string
  default     = ""
  validation {
    condition     = var.mail_from == "" || can(regex("^[^@\\s]+@[a-z0-9.-]+\\.[a-z]{2,}$", var.mail_from))
    error_message = "mail_from must be one address such as polls@slotpoll.example, or empty."
  }
}
