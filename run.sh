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
# When the last build finished: the jars themselves carry the build's fixed output timestamp (reproducible builds).
built=infra/devstack/target/built-at
jars=("$jar" services/community/target/community.jar gateway/target/gateway.jar)
needs_build=false
for j in "${jars[@]}"; do [ -f "$j" ] || needs_build=true; done
[ -f "$built" ] || needs_build=true
if [ "$needs_build" = false ] && [ -n "$(find pom.xml contracts platform services gateway portal infra/devstack infra/channel-simulator infra/keycloak \
      -newer "$built" -type f ! -path '*/target/*' -print -quit)" ]; then
  needs_build=true
fi
if [ "$needs_build" = true ]; then
  echo "Building Commonhold (the first build downloads dependencies: a few minutes)…"
  ./mvnw -B -q -ntp -DskipTests install
  touch "$built"
fi
# Kafka runs inside this JVM: a small heap is plenty for one broker on one machine.
exec java -Xms64m -Xmx384m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar "$jar" "$@"
