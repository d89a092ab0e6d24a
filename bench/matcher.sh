#!/usr/bin/env bash
# JMH benchmarks of the slot matcher against the naive scan, in one run.
# Usage: bench/matcher.sh [extra JMH options]   (needs a JDK >= 21; results in target/jmh/)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/require-jdk.sh
./mvnw -q -pl algorithm test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
cp="algorithm/target/test-classes:algorithm/target/classes:$(cat algorithm/target/jmh.classpath)"
mkdir -p target/jmh
# matcher and scan on small and large; the matcher alone on huge (the scan takes seconds per call there)
java -cp "$cp" org.openjdk.jmh.Main 'MatcherBenchmark' -p dataSet=small,large -prof gc \
  -rf json -rff target/jmh/small-large.json "$@"
java -cp "$cp" org.openjdk.jmh.Main 'MatcherBenchmark.matcher' -p dataSet=huge -prof gc \
  -rf json -rff target/jmh/huge.json "$@"
# the same rankings with everyone's local hours (the outsideHours key), matcher alone
java -cp "$cp" org.openjdk.jmh.Main 'MatcherBenchmark.matcher' -p dataSet=large-hours,huge-hours -prof gc \
  -rf json -rff target/jmh/hours.json "$@"
# the heatmap: with members, counts only and the naive scan on large; counts only on huge
java -cp "$cp" org.openjdk.jmh.Main 'HeatmapBenchmark' -p dataSet=large -prof gc \
  -rf json -rff target/jmh/heatmap-large.json "$@"
java -cp "$cp" org.openjdk.jmh.Main 'HeatmapBenchmark.countsOnly' -p dataSet=huge -prof gc \
  -rf json -rff target/jmh/heatmap-huge.json "$@"
# a whole ranking answer (matcher and writer) of a weekly poll beside a dates poll of the same
# size, 1,000 participants x 20 windows (the service module's WeeklyRankingBenchmark)
./mvnw -q -pl src -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
scp="src/target/test-classes:src/target/classes:$(cat src/target/jmh.classpath)"
java -cp "$scp" org.openjdk.jmh.Main 'WeeklyRankingBenchmark' -prof gc \
  -rf json -rff target/jmh/weekly.json "$@"
