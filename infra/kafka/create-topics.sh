#!/bin/sh
# Creates every topic listed in topics.txt (name, partitions, comma-separated configs such as retention.ms=-1,
# cleanup.policy=delete) on the compose Kafka; idempotent.
set -eu
BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
grep -v '^#' /topics/topics.txt | while read -r name partitions configs; do
  [ -n "$name" ] || continue
  set --
  for config in $(echo "${configs:-}" | tr ',' ' '); do set -- "$@" --config "$config"; done
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 1 "$@"
done
echo "topics ready"
