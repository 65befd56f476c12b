#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data directory (docker-entrypoint-initdb.d).
# Creates the service schemas and roles from init-roles.sql with the passwords from .env.
set -euo pipefail

psql --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v ON_ERROR_STOP=1 \
  -v db_name="$POSTGRES_DB" \
  -v auth_password="$AUTH_DB_PASSWORD" \
  -v tiktok_password="$TIKTOK_DB_PASSWORD" \
  -v post_password="$POST_DB_PASSWORD" \
  -v publisher_password="$PUBLISHER_DB_PASSWORD" \
  -f /tiktimer/init-roles.sql
