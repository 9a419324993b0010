#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png (each role's main page, zh-CN) by running the portal's browser
# test (PortalBrowserIT) against a freshly started stack: needs Debian's chromium, chromium-driver and
# fonts-noto-cjk (apt-get install -y chromium chromium-driver fonts-noto-cjk), as .ci/run installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/use-java.sh
commonhold_use_java
./mvnw -B -q -ntp -DskipTests install
./mvnw -B -ntp verify -pl infra/devstack -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PortalBrowserIT \
  -Dportal.screenshots="$PWD/docs/screenshots"
ls -l docs/screenshots
