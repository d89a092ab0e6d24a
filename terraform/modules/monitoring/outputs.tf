output "alarm_topic_arn" {
  value = aws_sns_topic.alarms.arn
}

output "dashboard_name" {
  value = aws_cloudwatch_dashboard.this.dashboard_name
}

output "alarm_names" {
  value = concat([aws_cloudwatch_metric_alarm.error_rate.alarm_name],
  [for a in aws_cloudwatch_metric_alarm.threshold : a.alarm_name])
}
