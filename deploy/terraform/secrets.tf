################################################################################
# Secrets Manager. Every secret a task reads is listed in local.services[*].secrets; its execution role may read
# those and no others (iam.tf). Generated values are created once and then left alone (ignore_changes), so a
# rotation done with `aws secretsmanager put-secret-value` is never reverted by the next apply.
################################################################################

locals {
  secrets = {
    db-auth-service                 = "Password of the auth_service database role"
    db-tiktok-service               = "Password of the tiktok_service database role"
    db-post-service                 = "Password of the post_service database role"
    db-publisher-worker             = "Password of the publisher_worker database role"
    jwt-signing-key                 = "auth-service RS256 signing key: JSON {key_id, private_key (PKCS#8 PEM)}"
    tiktok-token-keys               = "AES-256-GCM keys for TikTok tokens at rest: JSON {keys: kid:base64[,...], active_key_id}"
    tiktok-app                      = "TikTok app credentials from the TikTok developer portal: JSON {client_key, client_secret}"
    service-client-post-service     = "OAuth2 client secret of post-service (client credentials at auth-service)"
    service-client-publisher-worker = "OAuth2 client secret of publisher-worker (client credentials at auth-service)"
    service-client-tiktok-service   = "OAuth2 client secret of tiktok-service (client credentials at auth-service)"
  }

  db_roles = {
    auth-service     = "auth_service"
    tiktok-service   = "tiktok_service"
    post-service     = "post_service"
    publisher-worker = "publisher_worker"
  }
}

resource "aws_secretsmanager_secret" "secret" {
  for_each = local.secrets

  name                    = "${local.name}/${each.key}"
  description             = each.value
  recovery_window_in_days = var.secret_recovery_window_days
}

resource "random_password" "db" {
  for_each = local.db_roles

  length  = 40
  special = false
}

resource "aws_secretsmanager_secret_version" "db" {
  for_each = local.db_roles

  secret_id     = aws_secretsmanager_secret.secret["db-${each.key}"].id
  secret_string = random_password.db[each.key].result

  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "random_password" "service_client" {
  for_each = toset(["post-service", "publisher-worker", "tiktok-service"])

  length  = 48
  special = false
}

resource "aws_secretsmanager_secret_version" "service_client" {
  for_each = toset(["post-service", "publisher-worker", "tiktok-service"])

  secret_id     = aws_secretsmanager_secret.secret["service-client-${each.value}"].id
  secret_string = random_password.service_client[each.value].result

  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "tls_private_key" "jwt" {
  algorithm = "RSA"
  rsa_bits  = 2048
}

resource "random_id" "jwt_key_id" {
  byte_length = 8
}

resource "aws_secretsmanager_secret_version" "jwt_signing_key" {
  secret_id = aws_secretsmanager_secret.secret["jwt-signing-key"].id
  secret_string = jsonencode({
    key_id      = "k-${random_id.jwt_key_id.hex}"
    private_key = tls_private_key.jwt.private_key_pem_pkcs8
  })

  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "random_bytes" "tiktok_token_key" {
  length = 32
}

resource "random_id" "tiktok_token_key_id" {
  byte_length = 4
}

resource "aws_secretsmanager_secret_version" "tiktok_token_keys" {
  secret_id = aws_secretsmanager_secret.secret["tiktok-token-keys"].id
  secret_string = jsonencode({
    keys          = "k-${random_id.tiktok_token_key_id.hex}:${random_bytes.tiktok_token_key.base64}"
    active_key_id = "k-${random_id.tiktok_token_key_id.hex}"
  })

  lifecycle {
    ignore_changes = [secret_string]
  }
}

# tiktok-app has no version here: its value comes from TikTok's developer portal and is put by an operator
# (deploy/README.md), so it never passes through Terraform state.
