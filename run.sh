#!/usr/bin/env bash
# Runs the whole Commonhold suite on this machine: embedded PostgreSQL, Kafka and Keycloak, every
# service and the gateway, a seeded demo community. Builds first if the code changed. Ctrl-C stops it.
#   ./run.sh           start (data in .devstack/ is kept between runs)
#   ./run.sh --fresh   start from empty data
set -euo pipefail
cd "$(dirname "$0")"
. infra/scripts/use-java.sh
commonhold_use_java

jar=infra/devstack/target/devstack-exec.jar
. infra/scripts/build-stamp.sh
sources=(pom.xml contracts platform services gateway portal infra/devstack infra/channel-simulator infra/keycloak)
built=infra/devstack/target/built-from
needs_build=false
for j in "$jar" services/community/target/community.jar gateway/target/gateway.jar; do [ -f "$j" ] || needs_build=true; done
if [ "$needs_build" = true ] || commonhold_needs_build "$built" "${sources[@]}"; then
  echo "Building Commonhold (the first build downloads dependencies: a few minutes)…"
  ./mvnw -B -q -ntp -DskipTests install
  commonhold_built "$built" "${sources[@]}"
fi
# Kafka runs inside this JVM: a small heap is plenty for one broker on one machine.
exec java -Xms64m -Xmx384m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar "$jar" "$@"
