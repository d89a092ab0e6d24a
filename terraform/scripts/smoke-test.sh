#!/bin/sh
# After a deploy: the load balancer's health check answers, and one real API round trip
# works (create an event, read it back, fetch its recommendations, delete it).
set -eu
base="$1"

curl -fsS --retry 10 --retry-delay 6 --retry-all-errors "$base/health" | grep -q '"status":"up"'
created=$(curl -fsS -X POST "$base/api/v1/events" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: smoke-$(date +%s)" \
  -d '{"title":"Smoke test","durationMinutes":30,"timezone":"UTC","proposedWindows":[{"start":"2030-01-01T10:00","end":"2030-01-01T11:00"}]}')
id=$(printf '%s' "$created" | sed -n 's/.*"id":"\([A-Za-z0-9_-]*\)".*/\1/p')
token=$(printf '%s' "$created" | sed -n 's/.*"adminToken":"\([A-Za-z0-9_-]*\)".*/\1/p')
[ -n "$id" ] && [ -n "$token" ]
curl -fsS "$base/api/v1/events/$id" | grep -q '"title":"Smoke test"'
curl -fsS "$base/api/v1/events/$id/recommendations" | grep -q '"candidatesEvaluated":3'
curl -fsS -X DELETE "$base/api/v1/events/$id" -H "Authorization: Bearer $token" -o /dev/null
echo "smoke test passed against $base"
