variable "region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "eu-west-1"
}

variable "name" {
  description = "Name prefix for every resource."
  type        = string
  default     = "tiktimer"
}

variable "environment" {
  description = "Environment name, used in tags and resource names (e.g. prod, staging)."
  type        = string
  default     = "prod"
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}

variable "vpc_cidr" {
  description = "CIDR of the VPC; split into two public and two private subnets."
  type        = string
  default     = "10.40.0.0/16"
}

variable "single_nat_gateway" {
  description = "One NAT gateway for both AZs (cheaper) instead of one per AZ (survives an AZ outage)."
  type        = bool
  default     = true
}

variable "certificate_arn" {
  description = "ARN of the ACM certificate for the HTTPS listener (same region as the ALB)."
  type        = string
}

variable "public_hostname" {
  description = "Public host name clients use (DNS CNAME/alias to the ALB); builds the TikTok OAuth redirect URI."
  type        = string
}

variable "allowed_ingress_cidrs" {
  description = "CIDRs allowed to reach the ALB."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "image_tag" {
  description = "Image tag deployed for every service (pushed by .github/workflows/images.yml, e.g. the commit SHA)."
  type        = string
}

variable "image_flavour" {
  description = "Which image each task runs: native (default, Dockerfile.native) or jvm (Dockerfile.jvm)."
  type        = string
  default     = "native"

  validation {
    condition     = contains(["native", "jvm"], var.image_flavour)
    error_message = "image_flavour must be native or jvm."
  }
}

variable "service_sizes" {
  description = "Fargate size and autoscaling bounds per service. CPU units (1024 = 1 vCPU) and MiB."
  type = map(object({
    cpu       = number
    memory    = number
    min_count = number
    max_count = number
  }))
  default = {
    # the Quarkus services' tasks also run the collector sidecar (about 100 MiB)
    auth-service     = { cpu = 256, memory = 1024, min_count = 2, max_count = 4 }
    tiktok-service   = { cpu = 256, memory = 1024, min_count = 2, max_count = 4 }
    post-service     = { cpu = 512, memory = 2048, min_count = 2, max_count = 6 }
    publisher-worker = { cpu = 512, memory = 2048, min_count = 2, max_count = 6 }
    gateway          = { cpu = 256, memory = 512, min_count = 2, max_count = 4 }
  }
}

variable "autoscaling_cpu_target" {
  description = "Average CPU utilisation (percent) the services' target-tracking policies aim for."
  type        = number
  default     = 60
}

variable "enable_execute_command" {
  description = "Allow ECS Exec into running tasks (adds the SSM messages permissions to the task roles)."
  type        = bool
  default     = false
}

variable "db_instance_class" {
  description = "RDS instance class for PostgreSQL."
  type        = string
  default     = "db.t4g.micro"
}

variable "db_allocated_storage" {
  description = "Initial RDS storage in GiB (gp3); storage autoscaling grows it up to db_max_allocated_storage."
  type        = number
  default     = 20
}

variable "db_max_allocated_storage" {
  description = "Upper bound for RDS storage autoscaling in GiB."
  type        = number
  default     = 100
}

variable "db_multi_az" {
  description = "Run RDS with a synchronous standby in the second AZ (doubles the instance cost)."
  type        = bool
  default     = false
}

variable "deletion_protection" {
  description = "Protect the database and the ALB from deletion (turn off only to destroy an environment)."
  type        = bool
  default     = true
}

variable "kafka_version" {
  description = "Amazon MSK Kafka version."
  type        = string
  default     = "3.9.x"
}

variable "kafka_instance_type" {
  description = "MSK broker instance type; one broker per AZ."
  type        = string
  default     = "kafka.t3.small"
}

variable "kafka_volume_size" {
  description = "EBS storage per MSK broker in GiB."
  type        = number
  default     = 20
}

variable "media_transition_to_ia_days" {
  description = "Days after which media objects move to S3 Standard-IA."
  type        = number
  default     = 30
}

variable "media_noncurrent_version_days" {
  description = "Days a deleted or overwritten media object stays recoverable (versioning)."
  type        = number
  default     = 7
}

variable "otel_collector_image" {
  description = "The OpenTelemetry collector run beside each Quarkus service (AWS Distro: X-Ray and CloudWatch EMF exporters)."
  type        = string
  default     = "public.ecr.aws/aws-observability/aws-otel-collector:v0.49.0"
}

variable "trace_sample_ratio" {
  description = "Share of new traces recorded (0 to 1); a caller's sampled traceparent is always followed."
  type        = string
  default     = "1"
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention for the services and MSK."
  type        = number
  default     = 30
}

variable "alarm_email" {
  description = "E-mail address subscribed to the alarm topic; empty for none."
  type        = string
  default     = ""
}

variable "secret_recovery_window_days" {
  description = "Days a deleted Secrets Manager secret can be restored."
  type        = number
  default     = 7
}

variable "github_repository" {
  description = "owner/name of the GitHub repository allowed to push images through OIDC; empty to skip that role."
  type        = string
  default     = ""
}
