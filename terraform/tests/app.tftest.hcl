# The load balancer, the instances and their permissions.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                         = "slotpoll-prod"
  environment                  = "prod"
  vpc_id                       = "vpc-0123456789abcdef0"
  public_subnet_ids            = ["subnet-0public00000000001", "subnet-0public00000000002"]
  private_subnet_ids           = ["subnet-0private0000000001", "subnet-0private0000000002"]
  app_port                     = 8080
  image_tag                    = "3f2a9c1"
  instance_type                = "t3.medium"
  min_size                     = 1
  max_size                     = 4
  desired_capacity             = 2
  cpu_target_percent           = 50
  certificate_arn              = "arn:aws:acm:eu-west-1:123456789012:certificate/test"
  public_base_url              = "https://slotpoll.example"
  deregistration_delay_seconds = 30
  deletion_protection          = true
  log_retention_days           = 90
  metrics_namespace            = "Slotpoll"
  db_address                   = "slotpoll-prod.abc.eu-west-1.rds.amazonaws.com"
  db_name                      = "slotpoll"
  db_secret_arn                = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0123"
}

run "load_balancer" {
  command = plan

  module {
    source = "./modules/app"
  }

  assert {
    condition     = aws_lb.this.load_balancer_type == "application" && !aws_lb.this.internal
    error_message = "an internet-facing application load balancer"
  }
  assert {
    condition     = aws_lb.this.subnets == toset(var.public_subnet_ids)
    error_message = "in the public subnets"
  }
  assert {
    condition     = aws_lb.this.drop_invalid_header_fields && aws_lb.this.enable_deletion_protection
    error_message = "drops invalid headers and is protected from deletion"
  }
  assert {
    condition     = aws_lb_target_group.app.health_check[0].path == "/health" && aws_lb_target_group.app.health_check[0].matcher == "200"
    error_message = "the target group checks /health for a 200"
  }
  assert {
    condition     = aws_lb_target_group.app.port == 8080 && aws_lb_target_group.app.deregistration_delay == "30"
    error_message = "targets on the app port with a 30 s deregistration delay"
  }
  assert {
    condition = (aws_lb_listener.http.default_action[0].type == "redirect"
      && aws_lb_listener.http.default_action[0].redirect[0].protocol == "HTTPS"
    && aws_lb_listener.http.default_action[0].redirect[0].status_code == "HTTP_301")
    error_message = "HTTP redirects to HTTPS when a certificate is given"
  }
  assert {
    condition = (length(aws_lb_listener.https) == 1 && aws_lb_listener.https[0].port == 443
      && aws_lb_listener.https[0].certificate_arn == var.certificate_arn
    && aws_lb_listener.https[0].ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06")
    error_message = "an HTTPS listener with the certificate and a TLS 1.2+ policy"
  }
  assert {
    condition     = aws_lb.this.access_logs[0].enabled && aws_lb.this.access_logs[0].prefix == "alb"
    error_message = "access logs on"
  }
  assert {
    condition     = one(one(aws_s3_bucket_server_side_encryption_configuration.access_logs.rule).apply_server_side_encryption_by_default).sse_algorithm == "AES256"
    error_message = "access logs encrypted (SSE-S3, the one ALB log delivery supports)"
  }
  assert {
    condition     = aws_s3_bucket_lifecycle_configuration.access_logs.rule[0].expiration[0].days == 90
    error_message = "access logs expire after the retention"
  }
  assert {
    condition = (aws_s3_bucket_public_access_block.access_logs.block_public_acls
      && aws_s3_bucket_public_access_block.access_logs.block_public_policy
      && aws_s3_bucket_public_access_block.access_logs.ignore_public_acls
    && aws_s3_bucket_public_access_block.access_logs.restrict_public_buckets)
    error_message = "the log bucket is never public"
  }
}

run "instances" {
  command = plan

  module {
    source = "./modules/app"
  }

  assert {
    condition     = aws_launch_template.app.metadata_options[0].http_tokens == "required"
    error_message = "IMDSv2 required"
  }
  assert {
    condition     = alltrue([for b in aws_launch_template.app.block_device_mappings : b.ebs[0].encrypted == "true"])
    error_message = "encrypted volumes"
  }
  assert {
    condition     = aws_autoscaling_group.app.min_size == 1 && aws_autoscaling_group.app.max_size == 4 && aws_autoscaling_group.app.desired_capacity == 2
    error_message = "min 1, max 4, desired 2"
  }
  assert {
    condition     = aws_autoscaling_group.app.vpc_zone_identifier == toset(var.private_subnet_ids)
    error_message = "instances in the private subnets"
  }
  assert {
    condition     = aws_autoscaling_group.app.health_check_type == "ELB"
    error_message = "the group replaces instances the load balancer finds unhealthy"
  }
  assert {
    condition = (aws_autoscaling_group.app.instance_refresh[0].strategy == "Rolling"
    && aws_autoscaling_group.app.instance_refresh[0].preferences[0].min_healthy_percentage == 50)
    error_message = "rolling instance refresh keeping half the capacity"
  }
  assert {
    condition = (aws_autoscaling_policy.cpu.policy_type == "TargetTrackingScaling"
      && aws_autoscaling_policy.cpu.target_tracking_configuration[0].target_value == 50
    && aws_autoscaling_policy.cpu.target_tracking_configuration[0].predefined_metric_specification[0].predefined_metric_type == "ASGAverageCPUUtilization")
    error_message = "target tracking on 50% average CPU"
  }
  assert {
    condition     = aws_cloudwatch_log_group.app.retention_in_days == 90 && aws_cloudwatch_log_group.system.retention_in_days == 90
    error_message = "log groups with retention"
  }
  assert {
    condition     = aws_ecr_repository.app.image_tag_mutability == "IMMUTABLE" && aws_ecr_repository.app.image_scanning_configuration[0].scan_on_push
    error_message = "immutable, scanned images"
  }
}

run "wiring_and_least_privilege" {
  command = apply

  module {
    source = "./modules/app"
  }

  assert {
    condition = (aws_vpc_security_group_ingress_rule.app_from_alb.referenced_security_group_id == aws_security_group.alb.id
      && aws_vpc_security_group_ingress_rule.app_from_alb.from_port == 8080
    && aws_vpc_security_group_ingress_rule.app_from_alb.cidr_ipv4 == null)
    error_message = "the app port is reachable from the load balancer's security group only"
  }
  assert {
    condition     = aws_vpc_security_group_egress_rule.alb_to_app.referenced_security_group_id == aws_security_group.app.id
    error_message = "the load balancer talks only to the app instances"
  }
  assert {
    condition     = alltrue([for s in output.instance_policy.Statement : !contains(s.Action, "*") && !anytrue([for a in s.Action : endswith(a, ":*")])])
    error_message = "no wildcard actions"
  }
  assert {
    condition = alltrue([for s in output.instance_policy.Statement :
      !contains(s.Resource, "*") || (
        s.Action == ["ecr:GetAuthorizationToken"]) || (
        s.Action == ["cloudwatch:PutMetricData"] && try(s.Condition.StringEquals["cloudwatch:namespace"], []) == ["Slotpoll", "CWAgent"]
    )])
    error_message = "resources are named, except the two actions IAM cannot scope (PutMetricData pinned to the namespaces)"
  }
  assert {
    condition     = [for s in output.instance_policy.Statement : s.Resource if s.Sid == "ReadDatabaseSecret"][0] == [var.db_secret_arn]
    error_message = "reads exactly the database secret"
  }
  assert {
    condition     = [for s in output.instance_policy.Statement : s.Resource if s.Sid == "PullImage"][0] == ["arn:aws:ecr:eu-west-1:123456789012:repository/slotpoll-prod"]
    error_message = "pulls from its own repository only"
  }
  assert {
    condition = [for s in output.instance_policy.Statement : s.Resource if s.Sid == "WriteOwnLogs"][0] == [
      "arn:aws:logs:eu-west-1:123456789012:log-group:/slotpoll/prod/app",
      "arn:aws:logs:eu-west-1:123456789012:log-group:/slotpoll/prod/system",
      "arn:aws:logs:eu-west-1:123456789012:log-group:/slotpoll/prod/app:log-stream:*",
      "arn:aws:logs:eu-west-1:123456789012:log-group:/slotpoll/prod/system:log-stream:*",
    ]
    error_message = "writes to its own log groups only"
  }
  assert {
    condition = (jsondecode(aws_s3_bucket_policy.access_logs.policy).Statement[0].Principal.AWS == "arn:aws:iam::156460612806:root"
      && jsondecode(aws_s3_bucket_policy.access_logs.policy).Statement[0].Action == "s3:PutObject"
    && jsondecode(aws_s3_bucket_policy.access_logs.policy).Statement[0].Resource == "arn:aws:s3:::slotpoll-prod-alb-logs-0001/alb/AWSLogs/123456789012/*")
    error_message = "only this region's load balancer log delivery may write, under this account's prefix"
  }
  assert {
    condition     = strcontains(base64decode(aws_launch_template.app.user_data), "DB_SECRET_ID=arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0123")
    error_message = "the instance runs the service with the secret's id"
  }
  assert {
    condition = alltrue([for line in ["TRUST_PROXY=true", "CLOUDWATCH_NAMESPACE=Slotpoll", "SHUTDOWN_DRAIN_SECONDS=25",
      "DB_URL=jdbc:mysql://slotpoll-prod.abc.eu-west-1.rds.amazonaws.com:3306/slotpoll?sslMode=REQUIRED",
      "docker pull 123456789012.dkr.ecr.eu-west-1.amazonaws.com/slotpoll-prod:3f2a9c1", "--log-driver awslogs",
    "awslogs-group=/slotpoll/prod/app", "amazon-cloudwatch-agent-ctl"] : strcontains(base64decode(aws_launch_template.app.user_data), line)])
    error_message = "user data runs the image with its environment, ships logs and starts the CloudWatch agent"
  }
  assert {
    condition     = !strcontains(base64decode(aws_launch_template.app.user_data), "DB_PASSWORD")
    error_message = "no password in user data"
  }
}

run "dev_without_a_certificate_serves_http" {
  command = plan

  module {
    source = "./modules/app"
  }

  variables {
    certificate_arn     = ""
    public_base_url     = "http://dev.slotpoll.example"
    deletion_protection = false
  }

  assert {
    condition     = length(aws_lb_listener.https) == 0 && aws_lb_listener.http.default_action[0].type == "forward"
    error_message = "without a certificate port 80 forwards to the targets"
  }
}

run "an_https_url_without_a_certificate_is_refused" {
  command = plan

  module {
    source = "./modules/app"
  }

  variables {
    certificate_arn     = ""
    public_base_url     = "https://slotpoll.example"
    deletion_protection = false
  }

  expect_failures = [aws_lb_listener.http]
}

run "an_http_url_with_a_certificate_is_refused" {
  command = plan

  module {
    source = "./modules/app"
  }

  variables {
    public_base_url = "http://slotpoll.example"
  }

  expect_failures = [aws_lb_listener.http]
}

run "mail_off_by_default" {
  command = plan

  module {
    source = "./modules/app"
  }

  assert {
    condition     = length(aws_sesv2_email_identity.mail) == 0 && !anytrue([for s in output.instance_policy.Statement : anytrue([for a in s.Action : startswith(a, "ses:")])])
    error_message = "without mail_from: no SES identity and no SES permission"
  }
  assert {
    condition     = !strcontains(base64decode(aws_launch_template.app.user_data), "MAIL_FROM") && !strcontains(base64decode(aws_launch_template.app.user_data), "SES_REGION")
    error_message = "without mail_from the service runs with mail off"
  }
}

run "mail_through_ses_from_one_address" {
  command = plan

  module {
    source = "./modules/app"
  }

  variables {
    mail_from = "polls@slotpoll.example"
  }

  assert {
    condition     = aws_sesv2_email_identity.mail[0].email_identity == "slotpoll.example"
    error_message = "the sending domain is an SES v2 identity"
  }
  assert {
    condition = [for s in output.instance_policy.Statement : s if s.Sid == "SendMailFromOwnAddress"][0] == {
      Sid       = "SendMailFromOwnAddress"
      Effect    = "Allow"
      Action    = ["ses:SendEmail", "ses:SendRawEmail"]
      Resource  = ["arn:aws:ses:eu-west-1:123456789012:identity/slotpoll.example"]
      Condition = { StringEquals = { "ses:FromAddress" = "polls@slotpoll.example" } }
    }
    error_message = "sends through its own identity only, from MAIL_FROM only"
  }
  assert {
    condition     = alltrue([for line in ["SES_REGION=eu-west-1", "MAIL_FROM=polls@slotpoll.example"] : strcontains(base64decode(aws_launch_template.app.user_data), line)])
    error_message = "the instance runs the service with SES_REGION and MAIL_FROM"
  }
}

run "mail_from_must_be_an_address" {
  command = plan

  module {
    source = "./modules/app"
  }

  variables {
    mail_from = "Polls <polls@slotpoll.example>"
  }

  expect_failures = [var.mail_from]
}
