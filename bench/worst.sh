#!/usr/bin/env bash
# The worst single requests within the service's limits, one at a time on an idle service:
# wall time, the service's CPU time (utime + stime from /proc, all threads) and answer
# bytes, plain and gzip. The event is as large as the limits let it be:
#   2,000 participants (PARTICIPANTS_PER_EVENT_MAX), names of 100 four-byte characters,
#   50,000 availability windows (WINDOWS_PER_EVENT_MAX: 25 each, none merging),
#   183 proposed windows of 2 days less a minute over 366 days, 5-minute meetings on a
#   5-minute grid: 105,225 candidate starts.
# Usage: bench/worst.sh   (needs a JDK >= 21, curl, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/require-jdk.sh
PORT=${BENCH_PORT:-18182}
BASE="http://127.0.0.1:$PORT"
WORK="$(pwd)/target/bench-worst"
rm -rf "$WORK" && mkdir -p "$WORK"
[ -f target/slotpoll.jar ] || ./mvnw -q -DskipTests package

PORT=$PORT SLOTPOLL_DATA_DIR="$WORK/data" RATE_LIMIT_READS_PER_MINUTE=0 RATE_LIMIT_WRITES_PER_MINUTE=0 \
  LOG_FORMAT=text java -jar target/slotpoll.jar > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 0.5; done

python3 - "$WORK" <<'PY'
import json, sys, datetime
work = sys.argv[1]
start = datetime.datetime(2031, 1, 1)
windows = []
for k in range(183):
    s = start + datetime.timedelta(days=2 * k)
    windows.append({"start": s.strftime("%Y-%m-%dT%H:%MZ").replace("Z", ":00Z"),
                    "end": (s + datetime.timedelta(days=2, minutes=-1)).strftime("%Y-%m-%dT%H:%M:00Z")})
json.dump({"title": "worst", "durationMinutes": 5, "slotStepMinutes": 5, "timezone": "UTC",
           "proposedWindows": windows}, open(f"{work}/event.json", "w"))
with open(f"{work}/participants.jsonl", "w") as out:
    for i in range(2000):
        name = "\U0001F600" * 96 + "%04d" % i
        avail = []
        for k in range(25):
            day = (i % 14) + 14 * k
            s = start + datetime.timedelta(days=day, hours=i % 20)
            avail.append({"start": s.strftime("%Y-%m-%dT%H:%M:00Z"),
                          "end": (s + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:00Z"),
                          "preference": "ifneedbe" if i % 3 == 0 else "yes"})
        out.write(json.dumps({"name": name, "timezone": "Asia/Kathmandu", "availability": avail},
                             ensure_ascii=False) + "\n")
PY
ID=$(curl -sf -X POST "$BASE/api/v1/events" -H 'Content-Type: application/json' --data-binary @"$WORK/event.json" \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
echo "event $ID: joining 2,000 participants" >&2
while read -r body; do
  curl -sf -o /dev/null -X POST "$BASE/api/v1/events/$ID/participants" -H 'Content-Type: application/json' -d "$body"
done < "$WORK/participants.jsonl"

ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
echo
echo "| request | answer bytes | wall | service CPU |"
echo "|---|---|---|---|"
one() { # $1 = label, $2 = path, [$3 = extra curl args]
  local before after line
  sleep 1
  before=$(ticks)
  line=$(curl -s -o /dev/null ${3:-} -w '%{http_code} %{size_download} %{time_total}' "$BASE$2")
  after=$(ticks)
  read -r code bytes wall <<<"$line"
  [ "$code" = 200 ] || { echo "$1: HTTP $code" >&2; exit 1; }
  awk -v l="$1" -v b="$bytes" -v w="$wall" -v t=$((after - before)) -v hz="$HZ" \
    'BEGIN {printf "| %s | %d | %.0f ms | %.0f ms |\n", l, b, w * 1000, t * 1000 / hz}'
}
one "GET participants" "/api/v1/events/$ID/participants"
one "GET participants, gzip" "/api/v1/events/$ID/participants" "-H Accept-Encoding:gzip"
one "recommendations limit=100, first (loads the event)" "/api/v1/events/$ID/recommendations?limit=100"
one "recommendations limit=100, zone (snapshot kept)" "/api/v1/events/$ID/recommendations?limit=100&timezone=Asia/Tokyo"
one "recommendations limit=100, gzip" "/api/v1/events/$ID/recommendations?limit=100&timezone=Europe/Paris" "-H Accept-Encoding:gzip"
one "recommendations limit=10" "/api/v1/events/$ID/recommendations?limit=10&minAvailable=1"
one "GET event" "/api/v1/events/$ID"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1); CPU from /proc (${HZ} ticks/s)"
