#!/usr/bin/env bash
# JMH benchmarks of the slot matcher against the naive scan, in one run.
# Usage: bench/matcher.sh [extra JMH options]   (needs a JDK >= 21; results in target/jmh/)
set -euo pipefail
cd "$(dirname "$0")/.."
major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
if [ -z "$major" ] || [ "${major%%.*}" -lt 21 ]; then
  echo "$(basename "$0"): needs java >= 21 on the PATH (found ${major:-none}); set PATH to a JDK 21+ bin directory" >&2
  exit 1
fi
./mvnw -q -pl algorithm test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
cp="algorithm/target/test-classes:algorithm/target/classes:$(cat algorithm/target/jmh.classpath)"
mkdir -p target/jmh
# matcher and scan on small and large; the matcher alone on huge (the scan takes seconds per call there)
java -cp "$cp" org.openjdk.jmh.Main 'MatcherBenchmark' -p dataSet=small,large -prof gc \
  -rf json -rff target/jmh/small-large.json "$@"
java -cp "$cp" org.openjdk.jmh.Main 'MatcherBenchmark.matcher' -p dataSet=huge -prof gc \
  -rf json -rff target/jmh/huge.json "$@"
