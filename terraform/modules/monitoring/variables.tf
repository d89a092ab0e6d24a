variable "name" {
  type = string
}

variable "region" {
  type = string
}

variable "alb_arn_suffix" {
  type = string
}

variable "target_group_arn_suffix" {
  type = string
}

variable "autoscaling_group_name" {
  type = string
}

variable "db_instance_id" {
  type = string
}

variable "db_allocated_storage_gb" {
  type = number
}

variable "metrics_namespace" {
  type = string
}

variable "alarm_email" {
  type = string
}
