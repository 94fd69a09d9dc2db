#!/bin/sh
# Creates every topic listed in topics.txt (name, partitions, retention.ms, optional comma-separated configs such
# as cleanup.policy=compact) on the compose Kafka; idempotent.
set -eu
BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
grep -v '^#' /topics/topics.txt | while read -r name partitions retention configs; do
  [ -n "$name" ] || continue
  set -- --config "retention.ms=$retention"
  for config in $(echo "${configs:-}" | tr ',' ' '); do set -- "$@" --config "$config"; done
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 1 "$@"
done
echo "topics ready"
