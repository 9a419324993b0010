#!/bin/bash
# Runs once per `docker compose up`, before the services: a SCRAM user per service (password from
# its variable) and the ACLs below — a service writes only its own topics (and the dead-letter topic
# of what it consumes), reads only what it consumes, in its own consumer group. Re-running is harmless.
# ComposeFileTest checks these grants against each service's commonhold.messaging settings.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is required}"
# Passwords go into JAAS and SCRAM configuration strings unquoted: only characters that need no quoting.
safe() { [[ "$2" =~ ^[A-Za-z0-9._~-]{16,}$ ]] || { echo "$1 must be at least 16 letters, digits or -._~" >&2; exit 1; }; }
safe KAFKA_ADMIN_PASSWORD "$KAFKA_ADMIN_PASSWORD"
umask 077
admin=/tmp/admin.properties
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
bin=/opt/kafka/bin
server=kafka:9092

user() { # user <service>: its SCRAM credential, from KAFKA_PASSWORD_<SERVICE>
  local variable="KAFKA_PASSWORD_$(echo "$1" | tr 'a-z-' 'A-Z_')"
  safe "$variable" "${!variable:?$variable is required}"
  "$bin/kafka-configs.sh" --bootstrap-server "$server" --command-config "$admin" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[password=${!variable:?$variable is required}]"
}

writes() { # writes <service> <topic>...: publishes to (and declares) these topics
  local service=$1; shift
  for topic in "$@"; do
    "$bin/kafka-acls.sh" --bootstrap-server "$server" --command-config "$admin" --add --allow-principal "User:$service" \
      --operation Write --operation Describe --operation Create --topic "$topic"
  done
}

reads() { # reads <service> <topic>...: consumes these topics in its group; dead-letters into <topic>.dlt
  local service=$1; shift
  for topic in "$@"; do
    "$bin/kafka-acls.sh" --bootstrap-server "$server" --command-config "$admin" --add --allow-principal "User:$service" \
      --operation Read --operation Describe --operation Create --topic "$topic"
    "$bin/kafka-acls.sh" --bootstrap-server "$server" --command-config "$admin" --add --allow-principal "User:$service" \
      --operation Write --operation Describe --operation Create --topic "$topic.dlt"
  done
  "$bin/kafka-acls.sh" --bootstrap-server "$server" --command-config "$admin" --add --allow-principal "User:$service" \
    --operation Read --operation Describe --group "$service"
}

user community
writes community community.events community.events.dlt community.state community.state.dlt audit.events audit.events.dlt
reads community audit.events

user billing
writes billing billing.events billing.events.dlt audit.events audit.events.dlt
reads billing parking.events leasing.events commerce.events fund.events franchise.events community.state

user trust-account
writes trust-account trust.events trust.events.dlt audit.events audit.events.dlt
reads trust-account billing.events leasing.events commerce.events community.state community.events

user maintenance-fund
writes maintenance-fund fund.events fund.events.dlt audit.events audit.events.dlt
reads maintenance-fund billing.events community.state community.events

user parking
writes parking parking.events parking.events.dlt audit.events audit.events.dlt
reads parking billing.events community.state franchise.events

user leasing
writes leasing leasing.events leasing.events.dlt audit.events audit.events.dlt
reads leasing billing.events community.events community.state franchise.events

user commerce
writes commerce commerce.events commerce.events.dlt audit.events audit.events.dlt
reads commerce billing.events community.state

user franchise
writes franchise franchise.events franchise.events.dlt audit.events audit.events.dlt
reads franchise billing.events community.state parking.events leasing.events commerce.events
