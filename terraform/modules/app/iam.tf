# The instance role may do exactly what the instance does: pull its image, read the one
# database secret, write its own log groups, publish metrics to its own namespaces, and
# (with mail on) send mail through the one SES identity, from MAIL_FROM only.
# Two actions have no resource-level permissions in IAM (ecr:GetAuthorizationToken and
# cloudwatch:PutMetricData): the first is harmless alone, the second is pinned to the
# namespaces by a condition.

data "aws_caller_identity" "this" {}

data "aws_region" "this" {}

locals {
  mail_on     = var.mail_from != ""
  mail_domain = local.mail_on ? split("@", var.mail_from)[1] : ""
  ses_identity_arn = local.mail_on ? (
  "arn:aws:ses:${data.aws_region.this.name}:${data.aws_caller_identity.this.account_id}:identity/${local.mail_domain}") : ""

  log_group_arns = [for g in [aws_cloudwatch_log_group.app, aws_cloudwatch_log_group.system] :
  "arn:aws:logs:${data.aws_region.this.name}:${data.aws_caller_identity.this.account_id}:log-group:${g.name}"]

  instance_policy = {
    Version = "2012-10-17"
    Statement = concat([
      {
        Sid      = "ReadDatabaseSecret"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = [var.db_secret_arn]
      },
      {
        Sid      = "PullImage"
        Effect   = "Allow"
        Action   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]
        Resource = [aws_ecr_repository.app.arn]
      },
      {
        Sid      = "EcrLogin"
        Effect   = "Allow"
        Action   = ["ecr:GetAuthorizationToken"]
        Resource = ["*"]
      },
      {
        Sid      = "WriteOwnLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
        Resource = concat(local.log_group_arns, [for arn in local.log_group_arns : "${arn}:log-stream:*"])
      },
      {
        Sid       = "PublishOwnMetrics"
        Effect    = "Allow"
        Action    = ["cloudwatch:PutMetricData"]
        Resource  = ["*"]
        Condition = { StringEquals = { "cloudwatch:namespace" = [var.metrics_namespace, "CWAgent"] } }
      },
      ], local.mail_on ? [{
        Sid       = "SendMailFromOwnAddress"
        Effect    = "Allow"
        Action    = ["ses:SendEmail", "ses:SendRawEmail"]
        Resource  = [local.ses_identity_arn]
        Condition = { StringEquals = { "ses:FromAddress" = var.mail_from } }
    }] : [])
  }
}

# The sending domain as an SES v2 identity with Easy DKIM; its three CNAME records (the
# ses_dkim_tokens output) go into the domain's DNS before SES lets it send.
resource "aws_sesv2_email_identity" "mail" {
  count          = local.mail_on ? 1 : 0
  email_identity = local.mail_domain
}

resource "aws_iam_role" "instance" {
  name_prefix = "${var.name}-instance-"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "instance" {
  name   = "slotpoll-instance"
  role   = aws_iam_role.instance.id
  policy = jsonencode(local.instance_policy)
}

# Session Manager instead of SSH: no inbound port, every session audited.
resource "aws_iam_role_policy_attachment" "ssm" {
  role       = aws_iam_role.instance.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "instance" {
  name_prefix = "${var.name}-instance-"
  role        = aws_iam_role.instance.name
}

resource "aws_ecr_repository" "app" {
  name                 = var.name
  image_tag_mutability = "IMMUTABLE"
  force_delete         = !var.deletion_protection

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "keep the 30 newest images (rollback targets)"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 30 }
      action       = { type = "expire" }
    }]
  })
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/slotpoll/${var.environment}/app"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "system" {
  name              = "/slotpoll/${var.environment}/system"
  retention_in_days = var.log_retention_days
}
