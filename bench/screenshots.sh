#!/usr/bin/env bash
# Screenshots of each page (create, participate with the group view, manage, final), on a
# desktop (1280 px) and a phone (390 px), into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/require-jdk.sh
./mvnw -q -B -ntp install -DskipTests
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ./mvnw -q -B -ntp -o -pl src test -Dtest=PageTools#screenshots \
  -Dsurefire.failIfNoSpecifiedTests=false -Dscreenshots.dir="$(pwd)/docs/screenshots"
ls -la docs/screenshots
