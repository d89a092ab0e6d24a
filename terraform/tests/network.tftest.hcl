# The VPC spans two availability zones with a public and a private subnet in each.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name = "slotpoll-test"
  cidr = "10.40.0.0/16"
}

run "two_zones_with_a_nat_gateway_each" {
  command = plan

  module {
    source = "./modules/network"
  }

  variables {
    single_nat_gateway = false
  }

  assert {
    condition     = length(aws_subnet.public) == 2 && length(aws_subnet.private) == 2
    error_message = "two public and two private subnets"
  }
  assert {
    condition     = toset(aws_subnet.public[*].availability_zone) == toset(["eu-west-1a", "eu-west-1b"])
    error_message = "public subnets in two distinct zones"
  }
  assert {
    condition     = toset(aws_subnet.private[*].availability_zone) == toset(["eu-west-1a", "eu-west-1b"])
    error_message = "private subnets in two distinct zones"
  }
  assert {
    condition     = alltrue([for s in aws_subnet.public : !s.map_public_ip_on_launch])
    error_message = "nothing gets a public address by default"
  }
  assert {
    condition     = length(aws_nat_gateway.this) == 2
    error_message = "one NAT gateway per zone in production"
  }
  assert {
    condition     = aws_subnet.private[0].cidr_block == "10.40.10.0/24" && aws_subnet.public[1].cidr_block == "10.40.1.0/24"
    error_message = "subnets are /24s carved from the VPC"
  }
}

run "one_shared_nat_gateway_for_dev" {
  command = plan

  module {
    source = "./modules/network"
  }

  variables {
    single_nat_gateway = true
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 1 && length(aws_route_table.private) == 2
    error_message = "dev shares one NAT gateway between both private route tables"
  }
}
