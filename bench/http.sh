#!/usr/bin/env bash
# HTTP load test of the packaged service on its embedded database, all in one run so
# the figures are ratios to the /health/live ceiling measured alongside them.
# Usage: bench/http.sh [seconds per measurement, default 10]   (needs a JDK >= 21, curl)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/require-jdk.sh
SECONDS_EACH=${1:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
CONNECTIONS=64
PORT=${BENCH_PORT:-18181}
BASE="http://127.0.0.1:$PORT"
WORK="$(pwd)/target/bench-http"
rm -rf "$WORK" && mkdir -p "$WORK"

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk from Debian" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
[ -f target/slotpoll.jar ] || ./mvnw -q -DskipTests package

PID=
start_service() { # $1 = cache MB
  # Rate limits off (the load generator is one client on loopback) and no participant
  # limit (the write measurement keeps joining one event).
  PORT=$PORT SLOTPOLL_DATA_DIR="$WORK/data" RECOMMENDATION_CACHE_MB=$1 DB_POOL_SIZE=16 \
    RATE_LIMIT_READS_PER_MINUTE=0 RATE_LIMIT_WRITES_PER_MINUTE=0 PARTICIPANTS_PER_EVENT_MAX=100000 \
    java -jar target/slotpoll.jar > "$WORK/service-cache-$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do
    curl -sf "$BASE/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "service did not become ready" >&2; exit 1
}
stop_service() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap stop_service EXIT

json_field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

create_event() { # $1 = participants; prints the event id
  local id
  id=$(curl -sf -X POST "$BASE/api/v1/events" -H 'Content-Type: application/json' -d '{"title":"bench",
    "durationMinutes":60,"timezone":"Europe/Berlin","proposedWindows":[
    {"start":"2030-03-04T08:00","end":"2030-03-04T18:00"},{"start":"2030-03-05T08:00","end":"2030-03-05T18:00"},
    {"start":"2030-03-06T08:00","end":"2030-03-06T18:00"},{"start":"2030-03-07T08:00","end":"2030-03-07T18:00"},
    {"start":"2030-03-08T08:00","end":"2030-03-08T18:00"}]}' | json_field id)
  for i in $(seq 1 "$1"); do
    local day=$((4 + i % 5)) from=$((8 + i % 6)) pref=yes
    [ $((i % 10)) -lt 3 ] && pref=ifneedbe
    printf '{"name":"p%d","timezone":"Europe/Berlin","availability":[{"start":"2030-03-0%dT%02d:00","end":"2030-03-0%dT%02d:00","preference":"%s"},{"start":"2030-03-0%dT09:00","end":"2030-03-0%dT12:00"}]}' \
      "$i" "$day" "$from" "$day" $((from + 2 + i % 3)) "$pref" $((4 + (i + 2) % 5)) $((4 + (i + 2) % 5))
    echo
  done | while read -r body; do
    curl -sf -o /dev/null -X POST "$BASE/api/v1/events/$id/participants" -H 'Content-Type: application/json' -d "$body"
  done
  echo "$id"
}

RESULTS="$WORK/results.tsv"
: > "$RESULTS"
measure() { # $1 = label, $2 = path, [$3 = lua script], [$4 = connections], [$5 = a request header]
  local out="$WORK/$(echo "$1" | tr ' /,' '___').txt" script=() connections=${4:-$CONNECTIONS}
  [ -n "${3:-}" ] && script=(-s "$3")
  [ -n "${5:-}" ] && script+=(-H "$5")
  # warm the JIT on this endpoint first; on 2 shared cores a cold run halves the figures
  wrk -t1 -c"$connections" -d"${WARMUP_SECONDS}s" "${script[@]}" "$BASE$2" > /dev/null
  wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${SECONDS_EACH}s" --latency "${script[@]}" "$BASE$2" > "$out"
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}" >> "$RESULTS"
  echo "$1: $rps req/s, p50 $p50, p99 $p99, non-2xx ${non2xx:-0}" >&2
}

cat > "$WORK/join.lua" <<'LUA'
local counter = 0
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
function init(args) prefix = "w" .. tid .. "-" .. os.time() .. "-" end
request = function()
  counter = counter + 1
  local body = '{"name":"' .. prefix .. counter .. '","timezone":"UTC","availability":[{"start":"2030-03-04T09:00:00Z","end":"2030-03-04T12:00:00Z"}]}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
LUA

echo "starting the service (cache on) and creating events: 50 participants, then 2,000" >&2
start_service 64
SMALL=$(create_event 50)
LARGE=$(create_event 2000)
WRITE=$(create_event 0)
measure "health/live (ceiling)" "/health/live"
measure "recommendations 50, cached" "/api/v1/events/$SMALL/recommendations"
measure "recommendations 2000, cached" "/api/v1/events/$LARGE/recommendations"
measure "heatmap 50, cached" "/api/v1/events/$SMALL/heatmap"
measure "heatmap 2000, cached, counts only" "/api/v1/events/$LARGE/heatmap?members=false"
measure "heatmap 2000, cached, with members" "/api/v1/events/$LARGE/heatmap"
measure "heatmap 2000, cached, counts only, gzip" "/api/v1/events/$LARGE/heatmap?members=false" "" "" "Accept-Encoding: gzip"
measure "heatmap 2000, cached, with members, gzip" "/api/v1/events/$LARGE/heatmap" "" "" "Accept-Encoding: gzip"
measure "recommendations 2000, cached, gzip" "/api/v1/events/$LARGE/recommendations" "" "" "Accept-Encoding: gzip"
measure "POST participants" "/api/v1/events/$WRITE/participants" "$WORK/join.lua"
stop_service

echo "restarting with the cache off" >&2
start_service 0
measure "health/live, cache-off run" "/health/live"
measure "recommendations 50, uncached" "/api/v1/events/$SMALL/recommendations"
measure "recommendations 2000, uncached" "/api/v1/events/$LARGE/recommendations"
measure "recommendations 2000, uncached, 1 connection" "/api/v1/events/$LARGE/recommendations" "" 1
measure "heatmap 50, uncached" "/api/v1/events/$SMALL/heatmap"
measure "heatmap 2000, uncached, counts only" "/api/v1/events/$LARGE/heatmap?members=false"
stop_service
trap - EXIT

CEILING=$(awk -F'\t' 'NR == 1 {print $2}' "$RESULTS")
echo
echo "| measurement | req/s | p50 | p99 | non-2xx | ratio to health/live |"
echo "|---|---|---|---|---|---|"
awk -F'\t' -v c="$CEILING" '{printf "| %s | %.0f | %s | %s | %s | %.0f%% |\n", $1, $2, $3, $4, $5, 100 * $2 / c}' "$RESULTS"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1), $CONNECTIONS connections, ${SECONDS_EACH}s each"
