#!/usr/bin/env bash
# The outbox claim (SELECT ... FOR UPDATE SKIP LOCKED of 20 due rows, and their lease) on a
# table of 1,048,576 rows, on the tests' database (embedded MariaDB unless TEST_DB_URL).
# Prints the query plan and the claim's median, p90 and p99 over 300 claims.
# Usage: bench/outbox.sh   (needs a JDK >= 21)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/require-jdk.sh
./mvnw -B -ntp -q -pl src -am test -Dbench=outbox -Dtest=OutboxClaimBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  2>&1 | grep -E '^(outbox|plan|claim)'
