################################################################################
# ECS cluster, task definitions and services
################################################################################

resource "aws_ecs_cluster" "main" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }
}

resource "aws_cloudwatch_log_group" "service" {
  for_each = local.services

  name              = "/ecs/${local.name}/${each.key}"
  retention_in_days = var.log_retention_days
}

resource "aws_ecs_task_definition" "service" {
  for_each = local.services

  family                   = "${local.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.service_sizes[each.key].cpu
  memory                   = var.service_sizes[each.key].memory
  execution_role_arn       = aws_iam_role.execution[each.key].arn
  task_role_arn            = aws_iam_role.task[each.key].arn

  # x86_64: native Kafka compression codecs and some JNI libraries have broken on arm64 native images.
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  # The root filesystem is read-only; /tmp (Vert.x file cache, uploads in flight) is this task volume.
  volume {
    name = "tmp"
  }

  # The service, and (for the Quarkus services) the OpenTelemetry collector beside it: otel-collector.yaml.
  # (a filtered list rather than concat(): the descriptor tests' HCL reader evaluates only the former)
  container_definitions = jsonencode([for container in [
    {
      name                   = each.key
      image                  = "${aws_ecr_repository.service[each.key].repository_url}:${var.image_tag}-${var.image_flavour}"
      essential              = true
      readonlyRootFilesystem = true
      # Fargate Spot gives two minutes' notice; the worker needs time to finish or hand back a publish attempt.
      stopTimeout = each.value.spot ? 120 : 30

      portMappings = [
        {
          name          = "http"
          containerPort = each.value.port
          protocol      = "tcp"
        }
      ]

      environment = [for key in sort(keys(merge(local.platform_environment, each.value.environment))) : {
        name = key, value = merge(local.platform_environment, each.value.environment)[key]
      }]
      secrets = [for key in sort(keys(each.value.secrets)) : {
        name = key
        valueFrom = length(split(":", each.value.secrets[key])) > 1 ? format("%s:%s::",
          aws_secretsmanager_secret.secret[split(":", each.value.secrets[key])[0]].arn,
        split(":", each.value.secrets[key])[1]) : aws_secretsmanager_secret.secret[each.value.secrets[key]].arn
      }]

      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        }
      ]

      # The images have bash but no curl: the probe speaks HTTP over /dev/tcp.
      healthCheck = {
        command     = ["CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${each.value.port} && printf 'GET /q/health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && read -r status <&3 && [[ $status == *' 200 '* ]]"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 60
      }

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = local.region
          awslogs-stream-prefix = each.key
        }
      }
    },
    {
      # Not essential: if it stops, the service goes on (its spans and the alarm metrics pause, the logs do not).
      name                   = "otel-collector"
      image                  = var.otel_collector_image
      essential              = false
      readonlyRootFilesystem = true
      command                = ["--config=env:OTEL_COLLECTOR_CONFIG"]

      environment = [
        { name = "OTEL_COLLECTOR_CONFIG", value = file("${path.module}/otel-collector.yaml") },
        { name = "SERVICE_NAME", value = each.key },
        { name = "SERVICE_PORT", value = tostring(each.value.port) },
        { name = "METRICS_LOG_GROUP", value = aws_cloudwatch_log_group.metrics.name },
        { name = "AWS_REGION", value = local.region },
      ]

      healthCheck = {
        command     = ["CMD", "/healthcheck"]
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 10
      }

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = local.region
          awslogs-stream-prefix = "otel-collector"
        }
      }
    }
  ] : container if container.name == each.key || each.key != "gateway"])
}

# The collector's embedded-metric-format records, from which CloudWatch makes the TikTimer namespace's metrics.
resource "aws_cloudwatch_log_group" "metrics" {
  name              = "/ecs/${local.name}/metrics"
  retention_in_days = 7
}

resource "aws_ecs_service" "service" {
  for_each = local.services

  name                   = each.key
  cluster                = aws_ecs_cluster.main.id
  task_definition        = aws_ecs_task_definition.service[each.key].arn
  desired_count          = var.service_sizes[each.key].min_count
  enable_execute_command = var.enable_execute_command
  propagate_tags         = "SERVICE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = each.value.public ? 60 : null

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # The worker runs one task on regular Fargate and the rest on Fargate Spot (about 70 % cheaper): a reclaimed
  # task's Kafka partitions move to the others, and publish attempts are idempotent (publish_id persisted first).
  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = each.value.spot ? 0 : 1
  }

  dynamic "capacity_provider_strategy" {
    for_each = each.value.spot ? ["FARGATE_SPOT"] : []

    content {
      capacity_provider = capacity_provider_strategy.value
      weight            = 1
    }
  }

  network_configuration {
    subnets = module.vpc.private_subnets
    # The gateway has a group of its own that RDS and MSK do not admit (main.tf).
    security_groups  = [each.key == "gateway" ? aws_security_group.gateway.id : aws_security_group.tasks.id]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = each.value.public ? [each.key] : []

    content {
      target_group_arn = aws_lb_target_group.service[load_balancer.value].arn
      container_name   = load_balancer.value
      container_port   = each.value.port
    }
  }

  service_registries {
    registry_arn = aws_service_discovery_service.service[each.key].arn
  }

  lifecycle {
    # Autoscaling owns the running count after the first apply.
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.https, aws_iam_role_policy.execution]
}

################################################################################
# Autoscaling: target tracking on CPU between the service's min and max count
################################################################################

resource "aws_appautoscaling_target" "service" {
  for_each = local.services

  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.service[each.key].name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.service_sizes[each.key].min_count
  max_capacity       = var.service_sizes[each.key].max_count
}

resource "aws_appautoscaling_policy" "cpu" {
  for_each = local.services

  name               = "${local.name}-${each.key}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.service[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.service[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
