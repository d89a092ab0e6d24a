# The whole stack wired together, as prod and as dev, with every AWS value mocked.

mock_provider "aws" {
  source = "./tests/mocks"
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
