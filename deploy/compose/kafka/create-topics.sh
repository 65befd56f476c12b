#!/usr/bin/env bash
# Creates TikTimer's topics (the arguments) on the compose broker, idempotently. The broker also auto-creates
# topics, but then with its defaults; creating them here fixes partitions and makes the list reviewable.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS must be set}"
partitions="${KAFKA_TOPIC_PARTITIONS:-6}"

for topic in "$@"; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --list
