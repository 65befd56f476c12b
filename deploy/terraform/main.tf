################################################################################
# TikTimer on ECS Fargate: one root module.
#
# The ALB routes the API: its path rules (alb.tf, local.alb_routes) mirror gateway/src/main/resources/routes.yaml and
# send each API path straight to its service. The gateway runs as a service of its own only to serve the web app
# (/app/ and the root). Services reach each other through Cloud Map DNS (<service>.<name>.internal).
# deploy/src/test checks these descriptors against the code.
################################################################################

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_caller_identity" "current" {}

locals {
  name   = "${var.name}-${var.environment}"
  region = var.region
  azs    = slice(data.aws_availability_zones.available.names, 0, 2)

  tags = merge(var.tags, {
    Project     = var.name
    Environment = var.environment
    ManagedBy   = "terraform"
  })

  # Private DNS namespace for service-to-service calls: http://auth-service.tiktimer.internal:8082
  discovery_namespace = "${var.name}.internal"
  auth_url            = "http://auth-service.${local.discovery_namespace}:8082"
  jwks_url            = "http://auth-service.${local.discovery_namespace}:8082/.well-known/jwks.json"
  tiktok_service_url  = "http://tiktok-service.${local.discovery_namespace}:8083"
  # Only the gateway calls these two.
  post_service_url     = "http://post-service.${local.discovery_namespace}:8084"
  publisher_worker_url = "http://publisher-worker.${local.discovery_namespace}:8085"

  db_name             = "tiktimer"
  db_url              = "jdbc:postgresql://${aws_db_instance.main.address}:5432/tiktimer?sslmode=require"
  kafka               = aws_msk_cluster.main.bootstrap_brokers_tls
  bucket              = aws_s3_bucket.media.bucket
  jwt_iss             = "tiktimer-auth"
  jwt_aud             = "tiktimer"
  tiktok_redirect_uri = "https://${var.public_hostname}/api/v1/auth/tiktok/callback"

  # Set in every task: JSON log lines (service-kit's LOG_JSON), which CloudWatch Logs Insights can query by field.
  platform_environment = {
    LOG_JSON = "true"
    # the collector sidecar in the task (ecs.tf, otel-collector.yaml)
    OTLP_ENDPOINT      = "http://127.0.0.1:4317"
    TRACE_SAMPLE_RATIO = var.trace_sample_ratio
  }

  # One entry per ECS service. environment: plain variables; secrets: variable name = "<secret id>" or
  # "<secret id>:<json key>" (ids from local.secrets). Each task's execution role may read exactly these secrets.
  # s3: "none", "read" or "read-write" on the media bucket. public: gets an ALB target group.
  services = {
    auth-service = {
      port   = 8082
      public = true
      spot   = false
      s3     = "none"
      environment = {
        PORT                    = "8082"
        DB_URL                  = local.db_url
        DB_USER                 = "auth_service"
        KAFKA_BOOTSTRAP_SERVERS = local.kafka
        KAFKA_SECURITY_PROTOCOL = "SSL"
        JWT_ISSUER              = local.jwt_iss
        JWT_AUDIENCE            = local.jwt_aud
        # The ALB sets X-Forwarded-For; only addresses inside the VPC are trusted to set it.
        AUTH_PROXY_FORWARDING = "true"
        AUTH_TRUSTED_PROXIES  = var.vpc_cidr
        TIKTOK_SERVICE_URL    = local.tiktok_service_url
      }
      secrets = {
        DB_PASSWORD                         = "db-auth-service"
        AUTH_JWT_KEY_ID                     = "jwt-signing-key:key_id"
        AUTH_JWT_PRIVATE_KEY                = "jwt-signing-key:private_key"
        AUTH_CLIENT_SECRET_POST_SERVICE     = "service-client-post-service"
        AUTH_CLIENT_SECRET_PUBLISHER_WORKER = "service-client-publisher-worker"
        AUTH_CLIENT_SECRET_TIKTOK_SERVICE   = "service-client-tiktok-service"
      }
    }
    tiktok-service = {
      port   = 8083
      public = true
      spot   = false
      s3     = "none"
      environment = {
        PORT                    = "8083"
        DB_URL                  = local.db_url
        DB_USER                 = "tiktok_service"
        KAFKA_BOOTSTRAP_SERVERS = local.kafka
        KAFKA_SECURITY_PROTOCOL = "SSL"
        JWT_JWKS_URL            = local.jwks_url
        JWT_ISSUER              = local.jwt_iss
        JWT_AUDIENCE            = local.jwt_aud
        TIKTOK_AUTH_BASE_URL    = "https://www.tiktok.com"
        TIKTOK_API_BASE_URL     = "https://open.tiktokapis.com"
        TIKTOK_REDIRECT_URI     = local.tiktok_redirect_uri
        # After TikTok's consent the browser goes back to the web app, which shows the outcome.
        TIKTOK_CLIENT_REDIRECT_URL = "https://${var.public_hostname}/app/accounts"
      }
      secrets = {
        DB_PASSWORD                = "db-tiktok-service"
        TIKTOK_CLIENT_KEY          = "tiktok-app:client_key"
        TIKTOK_CLIENT_SECRET       = "tiktok-app:client_secret"
        TIKTOK_TOKEN_KEYS          = "tiktok-token-keys:keys"
        TIKTOK_TOKEN_ACTIVE_KEY_ID = "tiktok-token-keys:active_key_id"
      }
    }
    post-service = {
      port   = 8084
      public = true
      spot   = false
      s3     = "read-write"
      environment = {
        PORT                    = "8084"
        DB_URL                  = local.db_url
        DB_USER                 = "post_service"
        KAFKA_BOOTSTRAP_SERVERS = local.kafka
        KAFKA_SECURITY_PROTOCOL = "SSL"
        JWT_JWKS_URL            = local.jwks_url
        JWT_ISSUER              = local.jwt_iss
        JWT_AUDIENCE            = local.jwt_aud
        AUTH_URL                = local.auth_url
        TIKTOK_SERVICE_URL      = local.tiktok_service_url
        MEDIA_BUCKET            = local.bucket
        AWS_REGION              = local.region
      }
      secrets = {
        DB_PASSWORD           = "db-post-service"
        SERVICE_CLIENT_SECRET = "service-client-post-service"
      }
    }
    publisher-worker = {
      port   = 8085
      public = false
      spot   = true
      s3     = "read"
      environment = {
        PORT                    = "8085"
        DB_URL                  = local.db_url
        DB_USER                 = "publisher_worker"
        KAFKA_BOOTSTRAP_SERVERS = local.kafka
        KAFKA_SECURITY_PROTOCOL = "SSL"
        JWT_JWKS_URL            = local.jwks_url
        JWT_ISSUER              = local.jwt_iss
        JWT_AUDIENCE            = local.jwt_aud
        AUTH_URL                = local.auth_url
        TIKTOK_SERVICE_URL      = local.tiktok_service_url
        TIKTOK_API_BASE_URL     = "https://open.tiktokapis.com"
        AWS_REGION              = local.region
      }
      secrets = {
        DB_PASSWORD           = "db-publisher-worker"
        SERVICE_CLIENT_SECRET = "service-client-publisher-worker"
      }
    }
    # Serves the web app built into its image; the ALB sends it nothing but the web app's paths (alb_routes). It
    # still gets every service's address: it does not start without them, and its /health and /openapi ask them.
    gateway = {
      port   = 8080
      public = true
      spot   = false
      s3     = "none"
      environment = {
        PORT                 = "8080"
        AUTH_SERVICE_URL     = local.auth_url
        POST_SERVICE_URL     = local.post_service_url
        TIKTOK_SERVICE_URL   = local.tiktok_service_url
        PUBLISHER_WORKER_URL = local.publisher_worker_url
      }
      secrets = {}
    }
  }

  # Public routes: the ALB's copy of gateway/src/main/resources/routes.yaml ("/x/**" matches /x and below), each
  # straight to its service, then the web app: the gateway's /app/ and the root, which sends a browser there.
  # API paths never pass through the gateway here: it would replace the ALB's X-Forwarded-For with the ALB's own
  # address, and auth-service throttles sign-in by the client's (docs/operations.md).
  # Everything else, /internal/** and /oauth/token included, gets the listener's default 404.
  alb_routes = {
    "/register"                  = { service = "auth-service", priority = 100 }
    "/token"                     = { service = "auth-service", priority = 110 }
    "/auth/**"                   = { service = "auth-service", priority = 120 }
    "/users/**"                  = { service = "auth-service", priority = 130 }
    "/.well-known/jwks.json"     = { service = "auth-service", priority = 140 }
    "/posts/**"                  = { service = "post-service", priority = 200 }
    "/media/**"                  = { service = "post-service", priority = 210 }
    "/api/v1/tiktok/posts/**"    = { service = "post-service", priority = 220 }
    "/api/v1/auth/tiktok/**"     = { service = "tiktok-service", priority = 300 }
    "/api/v1/tiktok/accounts/**" = { service = "tiktok-service", priority = 310 }
    "/"                          = { service = "gateway", priority = 400 }
    "/app/**"                    = { service = "gateway", priority = 410 }
  }

  # Topics of io.tiktimer.contracts.Topics and the consumers' dead-letter topics. MSK creates them on first use
  # (msk.tf); the list drives the consumer-lag alarms and is checked against the code.
  kafka_topics = [
    "post.due",
    "post.publishing",
    "post.published",
    "post.failed",
    "user.deleted",
    "tiktok.account",
    "sessions.revoked",
    "post.due.publisher-worker.dlq",
    "post.publishing.post-service.dlq",
    "post.published.post-service.dlq",
    "post.failed.post-service.dlq",
    "tiktok.account.post-service.dlq",
    "user.deleted.post-service.dlq",
    "user.deleted.tiktok-service.dlq",
    "user.deleted.publisher-worker.dlq",
  ]

  # Consumer group => topic whose lag is alarmed on (monitoring.tf).
  consumer_lag_alarms = {
    publisher-worker-post-due   = { group = "publisher-worker", topic = "post.due" }
    post-service-post-published = { group = "post-service", topic = "post.published" }
    post-service-post-failed    = { group = "post-service", topic = "post.failed" }
    tiktok-service-user-deleted = { group = "tiktok-service", topic = "user.deleted" }
  }

  # The dead-letter topics of kafka_topics (which a test checks against the code): any record there is an event a
  # consumer could not read.
  dead_letter_topics = [for topic in local.kafka_topics : topic if endswith(topic, ".dlq")]
}

################################################################################
# Network
################################################################################

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 6.0"

  name = local.name
  cidr = var.vpc_cidr
  azs  = local.azs

  public_subnets  = [for i, az in local.azs : cidrsubnet(var.vpc_cidr, 8, i)]
  private_subnets = [for i, az in local.azs : cidrsubnet(var.vpc_cidr, 8, i + 10)]

  enable_nat_gateway   = true
  single_nat_gateway   = var.single_nat_gateway
  enable_dns_hostnames = true
  enable_dns_support   = true
}

# S3 traffic (video uploads and reads) bypasses the NAT gateway: gateway endpoints cost nothing.
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = module.vpc.vpc_id
  service_name      = "com.amazonaws.${local.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = module.vpc.private_route_table_ids
}

resource "aws_security_group" "alb" {
  name        = "${local.name}-alb"
  description = "Public HTTPS entry point"
  vpc_id      = module.vpc.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  for_each = toset(var.allowed_ingress_cidrs)

  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from clients"
  cidr_ipv4         = each.value
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  for_each = toset(var.allowed_ingress_cidrs)

  security_group_id = aws_security_group.alb.id
  description       = "HTTP from clients, redirected to HTTPS"
  cidr_ipv4         = each.value
  from_port         = 80
  to_port           = 80
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_tasks" {
  for_each = toset(["auth-service", "tiktok-service", "post-service"])

  security_group_id            = aws_security_group.alb.id
  description                  = "ALB to ${each.value}"
  referenced_security_group_id = aws_security_group.tasks.id
  from_port                    = local.services[each.value].port
  to_port                      = local.services[each.value].port
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_gateway" {
  security_group_id            = aws_security_group.alb.id
  description                  = "ALB to gateway (web app)"
  referenced_security_group_id = aws_security_group.gateway.id
  from_port                    = local.services["gateway"].port
  to_port                      = local.services["gateway"].port
  ip_protocol                  = "tcp"
}

# All service tasks but the gateway share one group: they may call each other on the service ports (Cloud Map DNS),
# and RDS and MSK accept connections from this group only.
resource "aws_security_group" "tasks" {
  name        = "${local.name}-tasks"
  description = "TikTimer ECS tasks"
  vpc_id      = module.vpc.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "tasks_from_alb" {
  for_each = toset(["auth-service", "tiktok-service", "post-service"])

  security_group_id            = aws_security_group.tasks.id
  description                  = "ALB to ${each.value}"
  referenced_security_group_id = aws_security_group.alb.id
  from_port                    = local.services[each.value].port
  to_port                      = local.services[each.value].port
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "tasks_from_tasks" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "Service-to-service calls on the service ports"
  referenced_security_group_id = aws_security_group.tasks.id
  from_port                    = 8082
  to_port                      = 8085
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "tasks_all" {
  security_group_id = aws_security_group.tasks.id
  description       = "TikTok, AWS APIs (through NAT), RDS, MSK and other tasks"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_vpc_security_group_ingress_rule" "tasks_from_gateway" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "From the gateway on the service ports"
  referenced_security_group_id = aws_security_group.gateway.id
  from_port                    = 8082
  to_port                      = 8085
  ip_protocol                  = "tcp"
}

# The gateway needs neither the database nor Kafka, so it stays out of the tasks group that RDS and MSK admit.
resource "aws_security_group" "gateway" {
  name        = "${local.name}-gateway"
  description = "TikTimer gateway task (web app)"
  vpc_id      = module.vpc.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "gateway_from_alb" {
  security_group_id            = aws_security_group.gateway.id
  description                  = "ALB to gateway"
  referenced_security_group_id = aws_security_group.alb.id
  from_port                    = local.services["gateway"].port
  to_port                      = local.services["gateway"].port
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "gateway_to_tasks" {
  security_group_id            = aws_security_group.gateway.id
  description                  = "Gateway to the services on the service ports"
  referenced_security_group_id = aws_security_group.tasks.id
  from_port                    = 8082
  to_port                      = 8085
  ip_protocol                  = "tcp"
}

# Fargate pulls the image and ships the logs through the task's own network interface.
resource "aws_vpc_security_group_egress_rule" "gateway_https" {
  security_group_id = aws_security_group.gateway.id
  description       = "ECR, CloudWatch Logs and ECS Exec (through NAT and the S3 endpoint)"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

################################################################################
# Service discovery (Cloud Map DNS)
################################################################################

resource "aws_service_discovery_private_dns_namespace" "main" {
  name        = local.discovery_namespace
  description = "Service-to-service names of ${local.name}"
  vpc         = module.vpc.vpc_id
}

resource "aws_service_discovery_service" "service" {
  for_each = local.services

  name = each.key

  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.main.id
    routing_policy = "MULTIVALUE"

    dns_records {
      type = "A"
      ttl  = 10
    }
  }
}
