#!/usr/bin/env bash
# How fast the participant page draws its group view in headless Chromium (Debian's), for
# 200 and 2,000 participants over 30 days: time from navigation to the page's performance
# mark "slotpoll:rendered" (the first frame after everything is built).
# Usage: bench/pages.sh   (needs a JDK >= 21 and /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/require-jdk.sh
[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
./mvnw -q -B -ntp install -DskipTests
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ./mvnw -B -ntp -o -pl src test -Dtest=PageTools#group_view_render_times \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.pages=true 2>&1 | grep -E '^\|' 
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(chromium --version 2>/dev/null | head -1)"
