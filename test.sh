#!/usr/bin/env bash
# The test command (README, .ci/run): ./mvnw verify with Java 25 — unit tests (Surefire), then
# integration and end-to-end tests (Failsafe) against real PostgreSQL, Kafka and Keycloak, started
# by platform/testkit (Testcontainers with a Docker engine, embedded without). Then a summary.
set -euo pipefail
cd "$(dirname "$0")"
. infra/scripts/use-java.sh
commonhold_use_java
echo "Java: $JAVA_HOME"
mkdir -p target && touch target/.test-run-started
started=$(date +%s)
status=0
./mvnw -B -ntp verify "$@" || status=$?
infra/scripts/test-summary.sh || true
echo "Test suite took $(( $(date +%s) - started )) s"
exit $status
