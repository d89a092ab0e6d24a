# Alarms notify one topic; the dashboard shows what docs/deploy.md tells the operator to read.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                    = "slotpoll-prod"
  region                  = "eu-west-1"
  alb_arn_suffix          = "app/slotpoll-prod/0123456789abcdef"
  target_group_arn_suffix = "targetgroup/slotpoll-prod/0123456789abcdef"
  autoscaling_group_name  = "slotpoll-prod-0001"
  db_instance_id          = "slotpoll-prod"
  db_allocated_storage_gb = 20
  metrics_namespace       = "Slotpoll"
  alarm_email             = "oncall@slotpoll.example"
}

run "alarms_and_dashboard" {
  command = apply

  module {
    source = "./modules/monitoring"
  }

  assert {
    condition = (alltrue([for a in concat([aws_cloudwatch_metric_alarm.error_rate], values(aws_cloudwatch_metric_alarm.threshold)) :
    a.alarm_actions == toset([aws_sns_topic.alarms.arn]) && a.ok_actions == toset([aws_sns_topic.alarms.arn])]))
    error_message = "every alarm notifies the topic when it fires and when it clears"
  }
  assert {
    condition = output.alarm_names == ["slotpoll-prod-5xx-rate", "slotpoll-prod-app-cpu", "slotpoll-prod-db-cpu",
    "slotpoll-prod-db-free-storage", "slotpoll-prod-latency-p99", "slotpoll-prod-unhealthy-hosts"]
    error_message = "the six alarms docs/deploy.md explains"
  }
  assert {
    condition     = aws_sns_topic_subscription.email[0].endpoint == "oncall@slotpoll.example"
    error_message = "the on-call address is subscribed"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.threshold["latency-p99"].extended_statistic == "p99" && aws_cloudwatch_metric_alarm.threshold["latency-p99"].threshold == 1
    error_message = "p99 latency above 1 s"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.error_rate.threshold == 1 && length(aws_cloudwatch_metric_alarm.error_rate.metric_query) == 4
    error_message = "5xx rate above 1% from target and load balancer 5xx over requests"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.threshold["unhealthy-hosts"].metric_name == "UnHealthyHostCount" && aws_cloudwatch_metric_alarm.threshold["unhealthy-hosts"].threshold == 0
    error_message = "any unhealthy host"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.threshold["db-free-storage"].threshold == 2147483648 && aws_cloudwatch_metric_alarm.threshold["db-free-storage"].comparison_operator == "LessThanThreshold"
    error_message = "database free storage below 10% of 20 GiB"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.threshold["app-cpu"].threshold == 80 && aws_cloudwatch_metric_alarm.threshold["db-cpu"].threshold == 80
    error_message = "CPU alarms for the app and the database"
  }
  assert {
    condition = toset([for w in jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets : w.properties.title]) == toset([
      "Requests", "5xx answers", "Latency p99 (s)", "Healthy and unhealthy hosts", "Auto-scaling group size", "App CPU %",
    "Database CPU % and connections", "Database free storage (bytes)", "Recommendation compute (ms)"])
    error_message = "the dashboard shows requests, 5xx, p99, hosts, group size, CPU, the database and the service's own latency"
  }
}
