#!/bin/bash
# The broker of docker-compose.yml: SASL/SCRAM on its only listener, every client a user of its own,
# nothing allowed that an ACL does not grant (infra/kafka/setup.sh grants them). The first start
# formats the storage with the administrator's credential; the services' users are made by setup.sh.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is required}"
# Passwords go into JAAS and SCRAM configuration strings unquoted: only characters that need no quoting.
safe() { [[ "$2" =~ ^[A-Za-z0-9._~-]{16,}$ ]] || { echo "$1 must be at least 16 letters, digits or -._~" >&2; exit 1; }; }
safe KAFKA_ADMIN_PASSWORD "$KAFKA_ADMIN_PASSWORD"
: "${KAFKA_CLUSTER_ID:?KAFKA_CLUSTER_ID is required (kafka-storage.sh random-uuid)}"
config=/tmp/server.properties
umask 077
cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
controller.listener.names=CONTROLLER
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://localhost:9093
advertised.listeners=SASL_PLAINTEXT://kafka:9092
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
log.dirs=/var/lib/kafka/data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
# What the healthcheck and setup.sh connect with.
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  /opt/kafka/bin/kafka-storage.sh format --config "$config" --cluster-id "$KAFKA_CLUSTER_ID" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config"
