#!/usr/bin/env bash
# Starts s3proxy with settings from the environment (system properties override the empty properties file).
set -euo pipefail
: "${S3PROXY_IDENTITY:?S3PROXY_IDENTITY must be set}"
: "${S3PROXY_CREDENTIAL:?S3PROXY_CREDENTIAL must be set}"

# s3proxy's filesystem store serves anonymous requests for anything "others" may read (POSIX bits as a public-read
# ACL): nothing it creates may be readable by others, and what an older image wrote loses those bits.
umask 027
chmod -R o-rwx /data

# Browsers upload large videos straight to the bucket and show previews from it (presigned addresses), so the web
# app's origin must be allowed by CORS.
cors=()
if [[ -n "${S3PROXY_CORS_ALLOW_ORIGINS:-}" ]]; then
  cors=(-Ds3proxy.cors-allow-origins="$S3PROXY_CORS_ALLOW_ORIGINS"
        -Ds3proxy.cors-allow-methods="PUT GET HEAD"
        -Ds3proxy.cors-allow-headers="Content-Type"
        -Ds3proxy.cors-exposed-headers="ETag")
fi

exec java -Xmx256m "${cors[@]}" \
  -Ds3proxy.endpoint="http://0.0.0.0:${S3PROXY_PORT:-9000}" \
  -Ds3proxy.authorization=aws-v2-or-v4 \
  -Ds3proxy.identity="$S3PROXY_IDENTITY" \
  -Ds3proxy.credential="$S3PROXY_CREDENTIAL" \
  -Djclouds.provider=filesystem-nio2 \
  -Djclouds.filesystem.basedir=/data \
  -jar /opt/s3proxy/s3proxy.jar \
  --properties /dev/null
