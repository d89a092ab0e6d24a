package io.slotpoll.algorithm.bench;

import io.slotpoll.algorithm.Availability;
import io.slotpoll.algorithm.Heatmap;
import io.slotpoll.algorithm.Interval;
import io.slotpoll.algorithm.Intervals;
import io.slotpoll.algorithm.MatchRequest;
import io.slotpoll.algorithm.Respondent;
import java.util.List;
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
 * One whole heatmap per call on the matcher's data sets (15-minute cells over the proposed
 * days): with member lists, counts only, and a naive reference that checks every cell
 * against every window of every participant, run on the same data in the same JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeatmapBenchmark {

    @Param({"large", "huge"})
    public String dataSet;

    private MatchRequest request;

    @Setup(Level.Trial)
    public void load() {
        request = DataSets.named(dataSet);
        if (dataSet.equals("large")) {
            Heatmap.Result fast = heatmap();
            int[] slow = naive();
            for (int c = 0; c < fast.size(); c++) {
                if (slow[c] != fast.available()[c] + fast.ifNeedBe()[c]) {
                    throw new IllegalStateException("heatmap and naive scan disagree at cell " + c);
                }
            }
        }
    }

    @Benchmark
    public Heatmap.Result heatmap() {
        return Heatmap.compute(request.proposedWindows(), request.stepMinutes(), request.participants(), Long.MIN_VALUE / 4,
                Long.MAX_VALUE / 4, Heatmap.Detail.MEMBERS);
    }

    @Benchmark
    public Heatmap.Result countsOnly() {
        return Heatmap.compute(request.proposedWindows(), request.stepMinutes(), request.participants(), Long.MIN_VALUE / 4,
                Long.MAX_VALUE / 4, Heatmap.Detail.COUNTS);
    }

    /** The naive reference: attending count per cell, every cell against every participant's every window. */
    @Benchmark
    public int[] naive() {
        List<Interval> windows = Intervals.union(request.proposedWindows());
        int step = request.stepMinutes();
        int cells = 0;
        for (Interval w : windows) {
            cells += (int) Math.ceilDiv(w.length(), step);
        }
        int[] attending = new int[cells];
        int c = 0;
        for (Interval w : windows) {
            for (long s = w.start(); s < w.end(); s += step, c++) {
                long e = Math.min(s + step, w.end());
                for (Respondent p : request.participants()) {
                    if (covered(p, s, e)) {
                        attending[c]++;
                    }
                }
            }
        }
        return attending;
    }

    /** Whether the union of all of {@code p}'s windows covers [s, e): extend the covered prefix window by window. */
    private static boolean covered(Respondent p, long s, long e) {
        long reached = s;
        boolean moved = true;
        while (reached < e && moved) {
            moved = false;
            for (Availability a : p.availability()) {
                if (a.interval().start() <= reached && a.interval().end() > reached) {
                    reached = a.interval().end();
                    moved = true;
                }
            }
        }
        return reached >= e;
    }
}
