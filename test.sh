#!/usr/bin/env bash
# The test command: unit tests (Surefire), then integration and end-to-end tests
# (Failsafe) against real PostgreSQL, Kafka and Keycloak, then a summary.
set -euo pipefail
cd "$(dirname "$0")"
. infra/scripts/use-java.sh
commonhold_use_java
echo "Java: $JAVA_HOME"
status=0
./mvnw -B -ntp verify "$@" || status=$?
infra/scripts/test-summary.sh || true
exit $status
