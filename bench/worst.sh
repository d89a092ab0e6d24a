#!/usr/bin/env bash
# The worst single requests within the service's limits, one at a time on an idle service:
# wall time, the service's CPU time (utime + stime from /proc, all threads) and answer
# bytes, plain and gzip. The event is as large as the limits let it be:
#   2,000 participants (PARTICIPANTS_PER_EVENT_MAX), names filling the 128 KiB name budget
#   (64 bytes each: 15 four-byte characters and 4 digits),
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
        # 4-byte characters up to the event's name budget (NAME_BYTES_PER_EVENT_MAX, 128 KiB):
        # 15 of them and 4 digits, 64 bytes a name, 128,000 bytes in all
        name = "\U0001F600" * 15 + "%04d" % i
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
echo "| request | answer bytes | first: wall / service CPU | warm (best of 3 more): wall / service CPU |"
echo "|---|---|---|---|"
once() { # $1 = path, [$2 = extra curl args]; prints "bytes wall_ms cpu_ms"
  local before after line code bytes wall
  sleep 0.5
  before=$(ticks)
  line=$(curl -s -o /dev/null ${2:-} -w '%{http_code} %{size_download} %{time_total}' "$BASE$1")
  after=$(ticks)
  read -r code bytes wall <<<"$line"
  [ "$code" = 200 ] || { echo "$1: HTTP $code" >&2; exit 1; }
  awk -v b="$bytes" -v w="$wall" -v t=$((after - before)) -v hz="$HZ" 'BEGIN {printf "%d %.0f %.0f\n", b, w * 1000, t * 1000 / hz}'
}
one() { # $1 = label, $2 = path with %d for a value that differs per run (so no answer cache hits), [$3 = curl args]
  local first best_wall=999999 best_cpu=999999 bytes wall cpu
  first=$(once "$(printf "$2" 0)" "${3:-}")
  for run in 1 2 3; do
    read -r bytes wall cpu <<<"$(once "$(printf "$2" "$run")" "${3:-}")"
    [ "$wall" -lt "$best_wall" ] && best_wall=$wall
    [ "$cpu" -lt "$best_cpu" ] && best_cpu=$cpu
  done
  read -r bytes wall cpu <<<"$first"
  printf '| %s | %s | %s ms / %s ms | %s ms / %s ms |\n' "$1" "$bytes" "$wall" "$cpu" "$best_wall" "$best_cpu"
}
# minAvailable=0..3 keeps every answer the same size (everyone attends some slot) while
# missing the answer cache; the loaded snapshot of the event version is kept.
one "GET participants" "/api/v1/events/$ID/participants?x=%d"
one "GET participants, gzip" "/api/v1/events/$ID/participants?x=%d" "-H Accept-Encoding:gzip"
one "recommendations limit=100" "/api/v1/events/$ID/recommendations?limit=100&minAvailable=%d"
one "recommendations limit=100, zone, gzip" "/api/v1/events/$ID/recommendations?limit=100&timezone=Asia/Tokyo&minAvailable=%d" "-H Accept-Encoding:gzip"
one "recommendations limit=10" "/api/v1/events/$ID/recommendations?limit=10&minAvailable=%d"
one "GET event" "/api/v1/events/$ID?x=%d"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1); CPU from /proc (${HZ} ticks/s)"
