# The committed settings files plan cleanly and say what they claim. terraform/check.sh
# runs this directory once per environment:
#   terraform test -test-directory=tests/environments -var-file=environments/<env>.tfvars

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  image_tag = "ci"
}

run "settings" {
  command = plan

  assert {
    condition = var.environment != "prod" || (var.db_multi_az && var.deletion_protection && var.certificate_arn != ""
    && !var.single_nat_gateway && var.max_size == 4 && var.desired_capacity == 2 && var.db_backup_retention_days >= 7)
    error_message = "prod is Multi-AZ, protected, HTTPS, one NAT per zone, 1..4 instances with 2 desired, a week of backups or more"
  }
  assert {
    condition     = startswith(var.public_base_url, var.certificate_arn == "" ? "http://" : "https://")
    error_message = "the public URL uses HTTPS exactly when there is a certificate"
  }
  assert {
    condition     = var.min_size <= var.desired_capacity && var.desired_capacity <= var.max_size
    error_message = "min <= desired <= max"
  }
  assert {
    condition     = output.dashboard_name == "slotpoll-${var.environment}"
    error_message = "resources are named after the environment"
  }
}
