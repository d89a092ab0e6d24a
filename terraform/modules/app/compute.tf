data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

locals {
  image = "${aws_ecr_repository.app.repository_url}:${var.image_tag}"
  # The service drains (/health answers 503) for all but 5 s of the deregistration delay,
  # then finishes requests in flight; docker waits for both before it kills the container.
  drain_seconds = max(var.deregistration_delay_seconds - 5, 0)
  grace_seconds = 20
  environment = merge({
    PORT                   = tostring(var.app_port)
    PUBLIC_BASE_URL        = var.public_base_url
    DB_URL                 = "jdbc:mysql://${var.db_address}:3306/${var.db_name}?sslMode=REQUIRED"
    DB_SECRET_ID           = var.db_secret_arn
    AWS_REGION             = data.aws_region.this.name
    CLOUDWATCH_NAMESPACE   = var.metrics_namespace
    TRUST_PROXY            = "true"
    LOG_FORMAT             = "json"
    SHUTDOWN_DRAIN_SECONDS = tostring(local.drain_seconds)
    SHUTDOWN_GRACE_SECONDS = tostring(local.grace_seconds)
    }, local.mail_on ? {
    SES_REGION = data.aws_region.this.name
    MAIL_FROM  = var.mail_from
  } : {})
}

resource "aws_launch_template" "app" {
  name_prefix            = "${var.name}-"
  image_id               = data.aws_ssm_parameter.al2023.value
  instance_type          = var.instance_type
  vpc_security_group_ids = [aws_security_group.app.id]
  update_default_version = true

  iam_instance_profile {
    arn = aws_iam_instance_profile.instance.arn
  }

  # IMDSv2 only; hop limit 2 so the container reaches the instance role's credentials.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = 20
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  monitoring {
    enabled = true
  }

  user_data = base64encode(templatefile("${path.module}/user_data.sh.tftpl", {
    region           = data.aws_region.this.name
    registry         = split("/", aws_ecr_repository.app.repository_url)[0]
    image            = local.image
    app_port         = var.app_port
    app_log_group    = aws_cloudwatch_log_group.app.name
    system_log_group = aws_cloudwatch_log_group.system.name
    stop_timeout     = local.drain_seconds + local.grace_seconds + 5
    environment      = local.environment
  }))

  tag_specifications {
    resource_type = "instance"
    tags          = { Name = var.name }
  }

  tag_specifications {
    resource_type = "volume"
    tags          = { Name = var.name }
  }
}

resource "aws_autoscaling_group" "app" {
  name_prefix               = "${var.name}-"
  min_size                  = var.min_size
  max_size                  = var.max_size
  desired_capacity          = var.desired_capacity
  vpc_zone_identifier       = var.private_subnet_ids
  target_group_arns         = [aws_lb_target_group.app.arn]
  health_check_type         = "ELB"
  health_check_grace_period = 180
  default_instance_warmup   = 120
  termination_policies      = ["OldestLaunchTemplate", "Default"]

  launch_template {
    id      = aws_launch_template.app.id
    version = aws_launch_template.app.latest_version
  }

  # A new launch template version (a new image tag) replaces instances a few at a time,
  # keeping at least half of the capacity healthy behind the load balancer.
  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 50
      instance_warmup        = 120
      auto_rollback          = true
    }
  }

  tag {
    key                 = "Name"
    value               = var.name
    propagate_at_launch = true
  }

  lifecycle {
    ignore_changes = [desired_capacity]
  }
}

resource "aws_autoscaling_policy" "cpu" {
  name                   = "${var.name}-cpu-target"
  autoscaling_group_name = aws_autoscaling_group.app.name
  policy_type            = "TargetTrackingScaling"

  target_tracking_configuration {
    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
    target_value = var.cpu_target_percent
  }
}
