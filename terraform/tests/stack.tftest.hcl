# The whole stack wired together, as prod and as dev, with every AWS value mocked.

mock_provider "aws" {
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
}

run "prod" {
  command = apply

  variables {
    environment     = "prod"
    image_tag       = "3f2a9c1"
    public_base_url = "https://slotpoll.example"
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/test"
  }

  assert {
    condition     = output.db_secret_arn == "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0123"
    error_message = "the app reads the RDS-managed secret"
  }
  assert {
    condition     = output.ecr_repository_url == "123456789012.dkr.ecr.eu-west-1.amazonaws.com/slotpoll-prod"
    error_message = "the pipeline pushes to the stack's repository"
  }
  assert {
    condition     = [for s in module.app.instance_policy.Statement : s.Resource if s.Sid == "ReadDatabaseSecret"][0] == [output.db_secret_arn]
    error_message = "the instance role reads exactly the database's secret"
  }
  assert {
    condition     = output.dashboard_name == "slotpoll-prod" && output.alarm_topic_arn == "arn:aws:sns:eu-west-1:123456789012:slotpoll-prod-alarms"
    error_message = "dashboard and alarm topic exist"
  }
}

run "dev" {
  command = plan

  variables {
    environment              = "dev"
    image_tag                = "3f2a9c1"
    public_base_url          = "http://dev.slotpoll.example"
    single_nat_gateway       = true
    db_multi_az              = false
    deletion_protection      = false
    db_backup_retention_days = 3
  }

  assert {
    condition     = output.autoscaling_group_name != ""
    error_message = "dev plans the same shape, smaller"
  }
}

run "environment_is_checked" {
  command = plan

  variables {
    environment     = "staging"
    image_tag       = "3f2a9c1"
    public_base_url = "https://slotpoll.example"
  }

  expect_failures = [var.environment]
}
