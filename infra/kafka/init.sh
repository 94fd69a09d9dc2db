#!/bin/sh
# Compose's Kafka init step, as the admin user: creates every topic (topics.txt), a SCRAM user per service
# principal with the password from KAFKA_PASSWORD_<SERVICE> (upper case), and the ACLs of acls.txt (both files
# generated from the contracts by `npm run topics`). Idempotent.
set -eu
BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}"
ADMIN=/tmp/admin.properties
cat > "$ADMIN" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
BIN=/opt/kafka/bin

grep -v '^#' /topics/topics.txt | while read -r name partitions configs; do
  [ -n "$name" ] || continue
  set --
  for config in $(echo "${configs:-}" | tr ',' ' '); do set -- "$@" --config "$config"; done
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 1 "$@"
done
echo "topics ready"

for principal in $(grep -v '^#' /topics/acls.txt | cut -d' ' -f1 | sort -u); do
  variable="KAFKA_PASSWORD_$(echo "$principal" | tr 'a-z-' 'A-Z_')"
  password="$(printenv "$variable" || true)"
  if [ -z "$password" ]; then
    # a principal without a password (a service not deployed yet) gets ACLs but cannot sign in
    echo "no $variable: $principal cannot authenticate"
    continue
  fi
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --alter \
    --entity-type users --entity-name "$principal" --add-config "SCRAM-SHA-512=[password=${password}]"
done
echo "users ready"

grep -v '^#' /topics/acls.txt | while read -r principal operations resource name pattern; do
  [ -n "$principal" ] || continue
  set --
  for operation in $(echo "$operations" | tr ',' ' '); do set -- "$@" --operation "$operation"; done
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --add \
    --allow-principal "User:$principal" "$@" "--$resource" "$name" --resource-pattern-type "$pattern"
done
echo "acls ready"
