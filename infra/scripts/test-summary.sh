#!/usr/bin/env bash
# Adds up the Surefire (unit) and Failsafe (integration, end-to-end) reports of this run and prints
# one summary line in Surefire's words, plus "N passed, N failed".
# Only reports newer than target/.test-run-started count, so a stale report never hides a failure.
set -u
cd "$(dirname "$0")/../.."
marker=target/.test-run-started
sum() {
  local kind=$1
  find . -path "*/target/$kind-reports/TEST-*.xml" ${marker:+-newer "$marker"} -print0 2>/dev/null |
    xargs -0 -r sed -n 's/^<testsuite \(.*\)>$/\1/p; s/^<testsuite \([^>]*\)>.*/\1/p' |
    awk '{
      for (i = 1; i <= NF; i++) {
        split($i, kv, "="); gsub(/"/, "", kv[2]);
        if (kv[1] == "tests") t += kv[2]; else if (kv[1] == "failures") f += kv[2];
        else if (kv[1] == "errors") e += kv[2]; else if (kv[1] == "skipped") s += kv[2];
      }
    } END { printf "%d %d %d %d\n", t, f, e, s }'
}
[ -f "$marker" ] || marker=""
read -r ut uf ue us <<<"$(sum surefire)"
read -r it if ie is <<<"$(sum failsafe)"
t=$((ut + it)); f=$((uf + if)); e=$((ue + ie)); s=$((us + is))
echo
echo "Commonhold test summary"
printf '  unit tests (Surefire):                 Tests run: %d, Failures: %d, Errors: %d, Skipped: %d\n' "$ut" "$uf" "$ue" "$us"
printf '  integration + end-to-end (Failsafe):   Tests run: %d, Failures: %d, Errors: %d, Skipped: %d\n' "$it" "$if" "$ie" "$is"
printf 'Tests run: %d, Failures: %d, Errors: %d, Skipped: %d\n' "$t" "$f" "$e" "$s"
printf '%d passed, %d failed\n' "$((t - f - e - s))" "$((f + e))"
