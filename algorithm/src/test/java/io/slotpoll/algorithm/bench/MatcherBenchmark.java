package io.slotpoll.algorithm.bench;

import io.slotpoll.algorithm.MatchRequest;
import io.slotpoll.algorithm.MatchResult;
import io.slotpoll.algorithm.ScanMatcher;
import io.slotpoll.algorithm.SlotMatcher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full ranking (top 10) per call. {@code matcher} is the production {@link SlotMatcher};
 * {@code scan} is the naive reference, run on the same data in the same JVM so the
 * speed-up is a ratio from one run. The scan is left out of "huge", where one call takes seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatcherBenchmark {

    @Param({"small", "large", "huge", "large-hours", "huge-hours"})
    public String dataSet;

    private MatchRequest request;
    private final SlotMatcher matcher = new SlotMatcher();
    private final ScanMatcher scan = new ScanMatcher();

    @Setup(Level.Trial)
    public void load() {
        request = DataSets.named(dataSet);
        if (!dataSet.equals("huge") && !matcher.match(request).equals(scan.match(request))) {
            throw new IllegalStateException("matcher and scan disagree on " + dataSet + ": the ratio would be meaningless");
        }
    }

    @Benchmark
    public MatchResult matcher() {
        return matcher.match(request);
    }

    /** The naive reference; bench/matcher.sh runs it on "small" and "large" only. */
    @Benchmark
    public MatchResult scan() {
        return scan.match(request);
    }
}
