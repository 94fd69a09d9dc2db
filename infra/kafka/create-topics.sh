#!/bin/sh
# Creates every topic listed in topics.txt (name, partitions, retention.ms) on the compose Kafka; idempotent.
set -eu
BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
grep -v '^#' /topics/topics.txt | while read -r name partitions retention; do
  [ -n "$name" ] || continue
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 1 --config "retention.ms=$retention"
done
echo "topics ready"
