# Values AWS would compute, for `mock_provider "aws" { source = "./tests/mocks" }`: valid
# ARNs and ids where the provider checks their form, and data sources with content.

mock_data "aws_availability_zones" {
  defaults = { names = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }
}

mock_data "aws_caller_identity" {
  defaults = { account_id = "123456789012" }
}

mock_data "aws_region" {
  defaults = { name = "eu-west-1" }
}

mock_data "aws_elb_service_account" {
  defaults = { arn = "arn:aws:iam::156460612806:root" }
}

mock_data "aws_ssm_parameter" {
  defaults = { value = "ami-0123456789abcdef0" }
}

mock_data "aws_vpc" {
  defaults = { cidr_block = "10.40.0.0/16" }
}

mock_resource "aws_db_instance" {
  defaults = {
    address    = "slotpoll-prod.abc.eu-west-1.rds.amazonaws.com"
    identifier = "slotpoll-prod"
    master_user_secret = [{
      secret_arn    = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0123"
      kms_key_id    = "arn:aws:kms:eu-west-1:123456789012:key/0123"
      secret_status = "active"
    }]
  }
}

mock_resource "aws_ecr_repository" {
  defaults = {
    arn            = "arn:aws:ecr:eu-west-1:123456789012:repository/slotpoll-prod"
    repository_url = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/slotpoll-prod"
  }
}

mock_resource "aws_s3_bucket" {
  defaults = { arn = "arn:aws:s3:::slotpoll-prod-alb-logs-0001" }
}

mock_resource "aws_lb" {
  defaults = {
    arn        = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/slotpoll-prod/0123456789abcdef"
    arn_suffix = "app/slotpoll-prod/0123456789abcdef"
    dns_name   = "slotpoll-prod-0123.eu-west-1.elb.amazonaws.com"
  }
}

mock_resource "aws_lb_target_group" {
  defaults = {
    arn        = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/slotpoll-prod/0123456789abcdef"
    arn_suffix = "targetgroup/slotpoll-prod/0123456789abcdef"
  }
}

mock_resource "aws_lb_listener" {
  defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/slotpoll-prod/0123456789abcdef/0123456789abcdef" }
}

mock_resource "aws_iam_instance_profile" {
  defaults = { arn = "arn:aws:iam::123456789012:instance-profile/slotpoll-prod-instance-0001" }
}

mock_resource "aws_iam_role" {
  defaults = { arn = "arn:aws:iam::123456789012:role/slotpoll-prod-instance-0001" }
}

mock_resource "aws_launch_template" {
  defaults = { id = "lt-0123456789abcdef0", latest_version = 3 }
}

mock_resource "aws_security_group" {
  defaults = { id = "sg-0123456789abcdef0" }
}

mock_resource "aws_sns_topic" {
  defaults = { arn = "arn:aws:sns:eu-west-1:123456789012:slotpoll-prod-alarms" }
}

mock_resource "aws_eip" {
  defaults = { id = "eipalloc-0123456789abcdef0" }
}

mock_resource "aws_nat_gateway" {
  defaults = { id = "nat-0123456789abcdef0" }
}
