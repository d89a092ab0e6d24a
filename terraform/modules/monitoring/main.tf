# One SNS topic for every alarm, the alarms an operator acts on (docs/deploy.md says
# what each means and what to do), and a dashboard of the service at a glance.

# Not encrypted with the AWS-managed key aws/sns on purpose: CloudWatch alarms cannot
# publish to a topic under that key (its policy cannot grant cloudwatch.amazonaws.com),
# and alarm notices carry no data worth a customer-managed key.
resource "aws_sns_topic" "alarms" {
  name = "${var.name}-alarms"
}

resource "aws_sns_topic_subscription" "email" {
  count     = var.alarm_email == "" ? 0 : 1
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

locals {
  alb = { LoadBalancer = var.alb_arn_suffix }
  tg  = { LoadBalancer = var.alb_arn_suffix, TargetGroup = var.target_group_arn_suffix }
  asg = { AutoScalingGroupName = var.autoscaling_group_name }
  db  = { DBInstanceIdentifier = var.db_instance_id }

  alarm_actions = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "error_rate" {
  alarm_name          = "${var.name}-5xx-rate"
  alarm_description   = "More than 1% of requests answered 5xx (by the targets or the load balancer) for 5 minutes."
  comparison_operator = "GreaterThanThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "rate"
    expression  = "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / MAX([requests, 1])"
    label       = "5xx %"
    return_data = true
  }
  metric_query {
    id = "target5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      dimensions  = local.alb
      period      = 60
      stat        = "Sum"
    }
  }
  metric_query {
    id = "elb5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_5XX_Count"
      dimensions  = local.alb
      period      = 60
      stat        = "Sum"
    }
  }
  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = local.alb
      period      = 60
      stat        = "Sum"
    }
  }
}

# Alarms on one metric against a threshold; docs/deploy.md says what to do for each.
locals {
  threshold_alarms = {
    "latency-p99" = {
      description = "p99 target response time above 1 s for 5 minutes."
      namespace   = "AWS/ApplicationELB", metric = "TargetResponseTime", dimensions = local.alb
      statistic   = null, extended_statistic = "p99", period = 60, evaluation_periods = 5
      threshold   = 1, comparison = "GreaterThanThreshold", missing = "notBreaching"
    }
    "unhealthy-hosts" = {
      description = "At least one target failed the /health check for 3 minutes."
      namespace   = "AWS/ApplicationELB", metric = "UnHealthyHostCount", dimensions = local.tg
      statistic   = "Maximum", extended_statistic = null, period = 60, evaluation_periods = 3
      threshold   = 0, comparison = "GreaterThanThreshold", missing = "notBreaching"
    }
    "app-cpu" = {
      description = "App instances above 80% CPU for 10 minutes although scaling targets 50%: at max size, or scaling is stuck."
      namespace   = "AWS/EC2", metric = "CPUUtilization", dimensions = local.asg
      statistic   = "Average", extended_statistic = null, period = 60, evaluation_periods = 10
      threshold   = 80, comparison = "GreaterThanThreshold", missing = "missing"
    }
    "db-cpu" = {
      description = "Database above 80% CPU for 10 minutes."
      namespace   = "AWS/RDS", metric = "CPUUtilization", dimensions = local.db
      statistic   = "Average", extended_statistic = null, period = 60, evaluation_periods = 10
      threshold   = 80, comparison = "GreaterThanThreshold", missing = "missing"
    }
    "db-free-storage" = {
      description = "Database free storage below 10% of the allocated size."
      namespace   = "AWS/RDS", metric = "FreeStorageSpace", dimensions = local.db
      statistic   = "Minimum", extended_statistic = null, period = 300, evaluation_periods = 2
      threshold   = var.db_allocated_storage_gb * 1024 * 1024 * 1024 / 10, comparison = "LessThanThreshold", missing = "missing"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "threshold" {
  for_each            = local.threshold_alarms
  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  dimensions          = each.value.dimensions
  statistic           = each.value.statistic
  extended_statistic  = each.value.extended_statistic
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  threshold           = each.value.threshold
  comparison_operator = each.value.comparison
  treat_missing_data  = each.value.missing
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name
  dashboard_body = jsonencode({
    widgets = [
      {
        type = "metric", x = 0, y = 0, width = 8, height = 6
        properties = {
          title   = "Requests", region = var.region, stat = "Sum", period = 60
          metrics = [["AWS/ApplicationELB", "RequestCount", "LoadBalancer", var.alb_arn_suffix]]
        }
      },
      {
        type = "metric", x = 8, y = 0, width = 8, height = 6
        properties = {
          title = "5xx answers", region = var.region, stat = "Sum", period = 60
          metrics = [
            ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", var.alb_arn_suffix],
            ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", var.alb_arn_suffix],
          ]
        }
      },
      {
        type = "metric", x = 16, y = 0, width = 8, height = 6
        properties = {
          title   = "Latency p99 (s)", region = var.region, stat = "p99", period = 60
          metrics = [["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", var.alb_arn_suffix]]
        }
      },
      {
        type = "metric", x = 0, y = 6, width = 8, height = 6
        properties = {
          title = "Healthy and unhealthy hosts", region = var.region, stat = "Minimum", period = 60
          metrics = [
            ["AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", var.target_group_arn_suffix, "LoadBalancer", var.alb_arn_suffix],
            ["AWS/ApplicationELB", "UnHealthyHostCount", "TargetGroup", var.target_group_arn_suffix, "LoadBalancer", var.alb_arn_suffix],
          ]
        }
      },
      {
        type = "metric", x = 8, y = 6, width = 8, height = 6
        properties = {
          title = "Auto-scaling group size", region = var.region, stat = "Average", period = 60
          metrics = [
            ["AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName", var.autoscaling_group_name],
            ["AWS/AutoScaling", "GroupDesiredCapacity", "AutoScalingGroupName", var.autoscaling_group_name],
          ]
        }
      },
      {
        type = "metric", x = 16, y = 6, width = 8, height = 6
        properties = {
          title   = "App CPU %", region = var.region, stat = "Average", period = 60
          metrics = [["AWS/EC2", "CPUUtilization", "AutoScalingGroupName", var.autoscaling_group_name]]
        }
      },
      {
        type = "metric", x = 0, y = 12, width = 8, height = 6
        properties = {
          title = "Database CPU % and connections", region = var.region, stat = "Average", period = 60
          metrics = [
            ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", var.db_instance_id],
            ["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", var.db_instance_id, { yAxis = "right" }],
          ]
        }
      },
      {
        type = "metric", x = 8, y = 12, width = 8, height = 6
        properties = {
          title   = "Database free storage (bytes)", region = var.region, stat = "Minimum", period = 300
          metrics = [["AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier", var.db_instance_id]]
        }
      },
      {
        type = "metric", x = 16, y = 12, width = 8, height = 6
        properties = {
          title = "Recommendation compute (ms)", region = var.region, period = 60
          metrics = [
            [var.metrics_namespace, "recommendation.compute.avg", { stat = "Average" }],
            [var.metrics_namespace, "recommendation.compute.max", { stat = "Maximum" }],
          ]
        }
      },
    ]
  })
}
