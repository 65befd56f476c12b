################################################################################
# db-init: a one-off ECS task that creates the service schemas and least-privilege roles in RDS, running the same
# deploy/compose/postgres/init-roles.sql as docker compose. Idempotent; run it after the first apply and after
# rotating a database password (deploy/README.md has the run-task command, see output db_init_run_task).
################################################################################

resource "aws_cloudwatch_log_group" "db_init" {
  name              = "/ecs/${local.name}/db-init"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "db_init_execution" {
  name               = "${local.name}-db-init-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "db_init_execution" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.db_init.arn}:*"]
  }

  statement {
    sid     = "ReadDatabaseSecrets"
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      aws_db_instance.main.master_user_secret[0].secret_arn,
      aws_secretsmanager_secret.secret["db-auth-service"].arn,
      aws_secretsmanager_secret.secret["db-tiktok-service"].arn,
      aws_secretsmanager_secret.secret["db-post-service"].arn,
      aws_secretsmanager_secret.secret["db-publisher-worker"].arn,
    ]
  }
}

resource "aws_iam_role_policy" "db_init_execution" {
  name   = "task-execution"
  role   = aws_iam_role.db_init_execution.id
  policy = data.aws_iam_policy_document.db_init_execution.json
}

resource "aws_ecs_task_definition" "db_init" {
  family                   = "${local.name}-db-init"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.db_init_execution.arn

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([
    {
      name                   = "db-init"
      image                  = "public.ecr.aws/docker/library/postgres:17-alpine"
      essential              = true
      readonlyRootFilesystem = true
      command = [
        "sh", "-c",
        "printf '%s\\n' \"$INIT_SQL\" | psql -v ON_ERROR_STOP=1 -v db_name=\"$PGDATABASE\" -v auth_password=\"$AUTH_DB_PASSWORD\" -v tiktok_password=\"$TIKTOK_DB_PASSWORD\" -v post_password=\"$POST_DB_PASSWORD\" -v publisher_password=\"$PUBLISHER_DB_PASSWORD\"",
      ]

      environment = [
        { name = "PGHOST", value = aws_db_instance.main.address },
        { name = "PGDATABASE", value = local.db_name },
        { name = "PGSSLMODE", value = "require" },
        { name = "INIT_SQL", value = file("${path.module}/../compose/postgres/init-roles.sql") },
      ]
      secrets = [
        { name = "PGUSER", valueFrom = "${aws_db_instance.main.master_user_secret[0].secret_arn}:username::" },
        { name = "PGPASSWORD", valueFrom = "${aws_db_instance.main.master_user_secret[0].secret_arn}:password::" },
        { name = "AUTH_DB_PASSWORD", valueFrom = aws_secretsmanager_secret.secret["db-auth-service"].arn },
        { name = "TIKTOK_DB_PASSWORD", valueFrom = aws_secretsmanager_secret.secret["db-tiktok-service"].arn },
        { name = "POST_DB_PASSWORD", valueFrom = aws_secretsmanager_secret.secret["db-post-service"].arn },
        { name = "PUBLISHER_DB_PASSWORD", valueFrom = aws_secretsmanager_secret.secret["db-publisher-worker"].arn },
      ]

      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        }
      ]

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.db_init.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "db-init"
        }
      }
    }
  ])
}
