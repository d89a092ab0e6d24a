variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "cidr" {
  description = "CIDR of the VPC."
  type        = string
}

variable "single_nat_gateway" {
  description = "One NAT gateway for both AZs instead of one per AZ."
  type        = bool
}
