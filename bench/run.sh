#!/usr/bin/env bash
# Benchmarks, on demand (never in CI). Starts its own embedded PostgreSQL, Kafka and Keycloak and the
# services as processes; measures raw baselines in the same run and prints ratios.
#   bench/run.sh            all benchmarks
#   bench/run.sh import     CSV import vs raw COPY
#   bench/run.sh gateway    the same request direct vs through the gateway with a JWT
#   bench/run.sh assembly   an owners' vote on a 3,000-unit register: ballots, tally, close
#   bench/run.sh billing    a billing run for 1,000,000 households vs COPY; WeChat Pay notifications vs single-row inserts
#   bench/run.sh ledger     platform/ledger: single and batched entries vs a raw transfer; close and verify 1,000,000 entries
#   bench/run.sh trust      1,000,000 settlements through Kafka into the running trust service vs a raw transfer; that month as a statement
#   bench/run.sh fund       interest for 1,000,000 maintenance-fund sub-accounts vs a raw set-based UPDATE of 1,000,000 rows
#   bench/run.sh gate       parking camera reads: events/s and p50/p99 through the gateway vs direct, vs raw single-row inserts
#   bench/run.sh leasing    100,000 leases with 20-year rent schedules through the leasing API vs a raw COPY of the same rent rows
#   bench/run.sh commerce   20,000 orders through the gateway by 16 callers vs raw single-row inserts by as many
#   bench/run.sh franchise  a year of oversight for one operator's 500 communities (1,000,000 payments) vs the raw SQL aggregates
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/use-java.sh
commonhold_use_java
. infra/scripts/build-stamp.sh
sources=(pom.xml contracts bench/src services platform gateway infra/devstack infra/channel-simulator)
if [ ! -f bench/target/bench.jar ] || commonhold_needs_build bench/target/built-from "${sources[@]}"; then
  echo "Building…"
  ./mvnw -B -q -ntp -DskipTests install
  commonhold_built bench/target/built-from "${sources[@]}"
fi
mkdir -p bench/results
# The benchmarks measure capacity: the gateway's rate limits (README, "Rate limits") would cap them at the
# limits, so its services' gateway takes them from here (the services inherit this environment).
export RATE_LIMIT_USER_PER_SECOND=1000000 RATE_LIMIT_CLIENT_PER_SECOND=1000000 RATE_LIMIT_CAMERA_PER_SECOND=1000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=1000000
# BENCH_JAVA_OPTS: e.g. -Dbench.trust.events=200000, or -Dcommonhold.devstack.jvmOptions=-XX:StartFlightRecording=filename=/tmp/svc-%p.jfr
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dcommonhold.keycloak.dist="${HOME}/.m2/repository/org/keycloak/keycloak-quarkus-dist/26.7.3/keycloak-quarkus-dist-26.7.3.tar.gz" \
  -jar bench/target/bench.jar "$@" | tee "bench/results/$(date +%Y%m%d-%H%M%S).txt"
