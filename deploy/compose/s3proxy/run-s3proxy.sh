#!/usr/bin/env bash
# Starts s3proxy with settings from the environment (system properties override the empty properties file).
set -euo pipefail
: "${S3PROXY_IDENTITY:?S3PROXY_IDENTITY must be set}"
: "${S3PROXY_CREDENTIAL:?S3PROXY_CREDENTIAL must be set}"

exec java -Xmx256m \
  -Ds3proxy.endpoint="http://0.0.0.0:${S3PROXY_PORT:-9000}" \
  -Ds3proxy.authorization=aws-v2-or-v4 \
  -Ds3proxy.identity="$S3PROXY_IDENTITY" \
  -Ds3proxy.credential="$S3PROXY_CREDENTIAL" \
  -Djclouds.provider=filesystem-nio2 \
  -Djclouds.filesystem.basedir=/data \
  -jar /opt/s3proxy/s3proxy.jar \
  --properties /dev/null
