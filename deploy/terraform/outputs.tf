output "alb_dns_name" {
  description = "DNS name of the ALB; point public_hostname at it (CNAME or alias record)."
  value       = aws_lb.main.dns_name
}

output "alb_zone_id" {
  description = "Hosted zone id of the ALB, for a Route 53 alias record."
  value       = aws_lb.main.zone_id
}

output "ecr_repositories" {
  description = "ECR repository URL per service; images.yml pushes <url>:<git sha>-native and -jvm."
  value       = { for name, repository in aws_ecr_repository.service : name => repository.repository_url }
}

output "ecs_cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.main.name
}

output "media_bucket" {
  description = "Name of the S3 media bucket."
  value       = aws_s3_bucket.media.bucket
}

output "kafka_bootstrap_brokers_tls" {
  description = "MSK bootstrap servers (TLS)."
  value       = aws_msk_cluster.main.bootstrap_brokers_tls
}

output "db_endpoint" {
  description = "RDS PostgreSQL endpoint."
  value       = aws_db_instance.main.address
}

output "tiktok_app_secret_arn" {
  description = "Secret to fill with the TikTok app's {client_key, client_secret} before tiktok-service can start."
  value       = aws_secretsmanager_secret.secret["tiktok-app"].arn
}

output "github_images_role_arn" {
  description = "Role for .github/workflows/images.yml (repository variable AWS_IMAGES_ROLE_ARN)."
  value       = var.github_repository == "" ? null : aws_iam_role.github_images[0].arn
}

output "db_init_run_task" {
  description = "Command that creates or updates the service schemas and roles in RDS."
  value = join(" ", [
    "aws ecs run-task --region ${local.region} --cluster ${aws_ecs_cluster.main.name}",
    "--launch-type FARGATE --task-definition ${aws_ecs_task_definition.db_init.family}",
    "--network-configuration 'awsvpcConfiguration={subnets=[${join(",", module.vpc.private_subnets)}],securityGroups=[${aws_security_group.tasks.id}],assignPublicIp=DISABLED}'",
  ])
}
