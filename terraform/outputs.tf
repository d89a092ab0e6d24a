output "alb_dns_name" {
  description = "Point the public DNS name (CNAME or alias) here."
  value       = module.app.alb_dns_name
}

output "ecr_repository_url" {
  description = "Where the pipeline pushes images."
  value       = module.app.ecr_repository_url
}

output "autoscaling_group_name" {
  description = "For instance refreshes after a deploy."
  value       = module.app.autoscaling_group_name
}

output "db_secret_arn" {
  description = "The RDS-managed master secret the service reads (DB_SECRET_ID)."
  value       = module.database.master_secret_arn
}

output "alarm_topic_arn" {
  description = "SNS topic every alarm notifies."
  value       = module.monitoring.alarm_topic_arn
}

output "dashboard_name" {
  description = "CloudWatch dashboard of the service."
  value       = module.monitoring.dashboard_name
}

output "ses_dkim_tokens" {
  description = "With mail_from set: publish each as <token>._domainkey.<domain> CNAME <token>.dkim.amazonses.com."
  value       = module.app.ses_dkim_tokens
}
