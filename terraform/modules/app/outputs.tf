output "app_security_group_id" {
  value = aws_security_group.app.id
}

output "alb_security_group_id" {
  value = aws_security_group.alb.id
}

output "alb_dns_name" {
  value = aws_lb.this.dns_name
}

output "alb_arn_suffix" {
  value = aws_lb.this.arn_suffix
}

output "target_group_arn_suffix" {
  value = aws_lb_target_group.app.arn_suffix
}

output "autoscaling_group_name" {
  value = aws_autoscaling_group.app.name
}

output "ecr_repository_url" {
  value = aws_ecr_repository.app.repository_url
}

output "instance_policy" {
  description = "The instance role's policy document, for review and tests."
  value       = local.instance_policy
}

output "ses_dkim_tokens" {
  description = "With mail on: the DKIM tokens of the sending domain, each published as <token>._domainkey.<domain> CNAME <token>.dkim.amazonses.com."
  value       = try(aws_sesv2_email_identity.mail[0].dkim_signing_attributes[0].tokens, [])
}
