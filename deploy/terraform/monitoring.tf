################################################################################
# Alarms, all to one SNS topic (optionally e-mailed)
################################################################################

resource "aws_sns_topic" "alarms" {
  name = "${local.name}-alarms"
}

resource "aws_sns_topic_subscription" "alarm_email" {
  count = var.alarm_email == "" ? 0 : 1

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

resource "aws_cloudwatch_metric_alarm" "service_cpu" {
  for_each = local.services

  alarm_name          = "${local.name}-${each.key}-cpu-high"
  alarm_description   = "${each.key} CPU above 85 % for 15 minutes although autoscaling should have added tasks"
  namespace           = "AWS/ECS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 85
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  dimensions = {
    ClusterName = aws_ecs_cluster.main.name
    ServiceName = aws_ecs_service.service[each.key].name
  }
}

resource "aws_cloudwatch_metric_alarm" "service_memory" {
  for_each = local.services

  alarm_name          = "${local.name}-${each.key}-memory-high"
  alarm_description   = "${each.key} memory above 85 % for 15 minutes"
  namespace           = "AWS/ECS"
  metric_name         = "MemoryUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 85
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  dimensions = {
    ClusterName = aws_ecs_cluster.main.name
    ServiceName = aws_ecs_service.service[each.key].name
  }
}

resource "aws_cloudwatch_metric_alarm" "service_running_tasks" {
  for_each = local.services

  alarm_name          = "${local.name}-${each.key}-tasks-missing"
  alarm_description   = "${each.key} runs fewer tasks than its minimum (crash loop, failed deployment, Spot shortage)"
  namespace           = "ECS/ContainerInsights"
  metric_name         = "RunningTaskCount"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 5
  threshold           = var.service_sizes[each.key].min_count
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  dimensions = {
    ClusterName = aws_ecs_cluster.main.name
    ServiceName = aws_ecs_service.service[each.key].name
  }
}

resource "aws_cloudwatch_metric_alarm" "alb_5xx" {
  alarm_name          = "${local.name}-alb-5xx"
  alarm_description   = "The ALB answered 5xx itself (no healthy target, timeouts) more than 10 times in 5 minutes"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_ELB_5XX_Count"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    LoadBalancer = aws_lb.main.arn_suffix
  }
}

resource "aws_cloudwatch_metric_alarm" "target_unhealthy" {
  for_each = aws_lb_target_group.service

  alarm_name          = "${local.name}-${each.key}-unhealthy-targets"
  alarm_description   = "${each.key} has targets failing /q/health/ready"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "UnHealthyHostCount"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  dimensions = {
    LoadBalancer = aws_lb.main.arn_suffix
    TargetGroup  = each.value.arn_suffix
  }
}

resource "aws_cloudwatch_metric_alarm" "target_5xx" {
  for_each = aws_lb_target_group.service

  alarm_name          = "${local.name}-${each.key}-5xx"
  alarm_description   = "${each.key} answered 5xx more than 20 times in 5 minutes"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 20
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    LoadBalancer = aws_lb.main.arn_suffix
    TargetGroup  = each.value.arn_suffix
  }
}

resource "aws_cloudwatch_metric_alarm" "db_cpu" {
  alarm_name          = "${local.name}-db-cpu-high"
  alarm_description   = "PostgreSQL CPU above 80 % for 15 minutes"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  dimensions = {
    DBInstanceIdentifier = aws_db_instance.main.identifier
  }
}

resource "aws_cloudwatch_metric_alarm" "db_storage" {
  alarm_name          = "${local.name}-db-storage-low"
  alarm_description   = "PostgreSQL has less than 2 GiB free (storage autoscaling at its maximum?)"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 2147483648
  comparison_operator = "LessThanThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  dimensions = {
    DBInstanceIdentifier = aws_db_instance.main.identifier
  }
}

resource "aws_cloudwatch_metric_alarm" "kafka_disk" {
  for_each = toset(["1", "2"])

  alarm_name          = "${local.name}-kafka-broker-${each.value}-disk"
  alarm_description   = "MSK broker ${each.value} data disk above 80 %"
  namespace           = "AWS/Kafka"
  metric_name         = "KafkaDataLogsDiskUsed"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  dimensions = {
    "Cluster Name" = aws_msk_cluster.main.cluster_name
    "Broker ID"    = each.value
  }
}

# Consumer lag: due posts not picked up by the worker, or outcomes not applied by post-service.
resource "aws_cloudwatch_metric_alarm" "consumer_lag" {
  for_each = local.consumer_lag_alarms

  alarm_name          = "${local.name}-lag-${each.key}"
  alarm_description   = "Consumer group ${each.value.group} is more than 500 messages behind on ${each.value.topic}"
  namespace           = "AWS/Kafka"
  metric_name         = "SumOffsetLag"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = 500
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  dimensions = {
    "Cluster Name"   = aws_msk_cluster.main.cluster_name
    "Consumer Group" = each.value.group
    "Topic"          = each.value.topic
  }
}

################################################################################
# The figures that matter to a scheduler, from the services' own metrics (namespace TikTimer, written by the
# collector sidecar: otel-collector.yaml)
################################################################################

# Posts are claimed late: the dispatchers cannot keep up, or PostgreSQL is slow. tiktimer_dispatch_lag_seconds_max is
# the longest lag of the last minutes (EMF carries no percentiles of a Prometheus histogram, so the max it is).
resource "aws_cloudwatch_metric_alarm" "dispatch_lag" {
  alarm_name          = "${local.name}-dispatch-lag"
  alarm_description   = "Posts were claimed more than 5 s after their time for 5 minutes in a row"
  namespace           = "TikTimer"
  metric_name         = "tiktimer_dispatch_lag_seconds_max"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  threshold           = 5
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  dimensions = {
    service = "post-service"
  }
}

# Events committed but not on Kafka: the relay cannot reach the broker (or PostgreSQL).
resource "aws_cloudwatch_metric_alarm" "outbox_age" {
  for_each = { for name, service in local.services : name => service if name != "gateway" }

  alarm_name          = "${local.name}-${each.key}-outbox-age"
  alarm_description   = "${each.key} has held an event for Kafka longer than a minute, 3 minutes in a row"
  namespace           = "TikTimer"
  metric_name         = "tiktimer_outbox_oldest_age_seconds"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 60
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  dimensions = {
    service = each.key
  }
}

# The first sign of a TikTok change or outage: more than a fifth of the attempts that ended in 15 minutes failed or
# could not be confirmed. Ten ended attempts at least, so two failures at night do not page anyone.
resource "aws_cloudwatch_metric_alarm" "publish_failures" {
  alarm_name          = "${local.name}-publish-failures"
  alarm_description   = "Over 20 % of publish attempts failed or ended unconfirmed in 15 minutes (10 at least)"
  evaluation_periods  = 1
  threshold           = 20
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "share"
    expression  = "IF(bad + good >= 10, 100 * bad / (bad + good), 0)"
    label       = "failed or unconfirmed, % of ended attempts"
    return_data = true
  }

  metric_query {
    id         = "bad"
    expression = "FILL(failed, 0) + FILL(unconfirmed, 0)"
  }

  metric_query {
    id         = "good"
    expression = "FILL(published, 0) + FILL(inbox, 0)"
  }

  dynamic "metric_query" {
    for_each = {
      failed      = "failed"
      unconfirmed = "unconfirmed"
      published   = "published"
      inbox       = "inbox_delivered"
    }

    content {
      id = metric_query.key

      metric {
        namespace   = "TikTimer"
        metric_name = "tiktimer_publish_attempts_total"
        stat        = "Sum"
        period      = 900
        dimensions = {
          outcome = metric_query.value
        }
      }
    }
  }
}

# A record on a dead-letter topic is an event a consumer could not read: its post may be stuck until a person looks
# (docs/operations.md, Dead-letter topics).
resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  for_each = toset(local.dead_letter_topics)

  alarm_name          = "${local.name}-dlq-${replace(each.value, ".", "-")}"
  alarm_description   = "A record reached ${each.value}"
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "incoming"
    expression  = "FILL(broker1, 0) + FILL(broker2, 0)"
    label       = "records per second into ${each.value}"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = toset(["1", "2"])

    content {
      id = "broker${metric_query.value}"

      metric {
        namespace   = "AWS/Kafka"
        metric_name = "MessagesInPerSec"
        stat        = "Maximum"
        period      = 300
        dimensions = {
          "Cluster Name" = aws_msk_cluster.main.cluster_name
          "Broker ID"    = metric_query.value
          "Topic"        = each.value
        }
      }
    }
  }
}
