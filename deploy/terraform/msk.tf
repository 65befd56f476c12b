################################################################################
# Amazon MSK (provisioned): two kafka.t3.small brokers, one per AZ, TLS in transit
#
# Why provisioned and not MSK Serverless: Serverless bills about 0.75 USD per cluster-hour plus partition-hours
# (roughly 600 USD a month before any traffic), and accepts only IAM authentication, whose client library needs
# extra reflection registration in native images. Two t3.small brokers cost about 70 USD a month.
# Client access: TLS, restricted by security group to the service tasks (no SASL, so no extra client library).
################################################################################

resource "aws_security_group" "kafka" {
  name        = "${local.name}-kafka"
  description = "MSK brokers, reachable from the service tasks only"
  vpc_id      = module.vpc.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "kafka_from_tasks" {
  security_group_id            = aws_security_group.kafka.id
  description                  = "Kafka TLS from the service tasks"
  referenced_security_group_id = aws_security_group.tasks.id
  from_port                    = 9094
  to_port                      = 9094
  ip_protocol                  = "tcp"
}

resource "aws_msk_configuration" "main" {
  name           = "${local.name}-kafka"
  kafka_versions = [var.kafka_version]

  # Topics are created on first use with these defaults (the producers and consumers use the names in
  # io.tiktimer.contracts.Topics; local.kafka_topics lists them). Replication 2 over the two AZs.
  server_properties = <<-PROPERTIES
    auto.create.topics.enable=true
    default.replication.factor=2
    min.insync.replicas=1
    num.partitions=6
    unclean.leader.election.enable=false
    log.retention.hours=168
  PROPERTIES
}

resource "aws_cloudwatch_log_group" "kafka" {
  name              = "/msk/${local.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_msk_cluster" "main" {
  cluster_name           = local.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = 2
  # per-topic MessagesInPerSec: what the dead-letter alarms read (monitoring.tf)
  enhanced_monitoring = "PER_TOPIC_PER_BROKER"

  broker_node_group_info {
    instance_type   = var.kafka_instance_type
    client_subnets  = module.vpc.private_subnets
    security_groups = [aws_security_group.kafka.id]

    storage_info {
      ebs_storage_info {
        volume_size = var.kafka_volume_size
      }
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.main.arn
    revision = aws_msk_configuration.main.latest_revision
  }

  client_authentication {
    unauthenticated = true
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.kafka.name
      }
    }
  }
}
