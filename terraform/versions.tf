terraform {
  required_version = ">= 1.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Remote state: S3 with a DynamoDB lock table. Configured per environment with
  # `terraform init -backend-config=environments/<env>.s3.tfbackend`; tests and
  # `terraform init -backend=false` do not need it.
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "slotpoll"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
