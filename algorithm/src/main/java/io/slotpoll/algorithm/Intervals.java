package io.slotpoll.algorithm;

import java.util.ArrayList;
import java.util.List;

/**
 * The union of half-open intervals, written once for every caller: the matcher's and the
 * heatmap's per-participant unions ({@link FlatUnions}), the proposed windows, and the
 * service's free time. Overlapping and touching intervals ({@code [1,3)} and {@code [3,5)})
 * become one, because a meeting may run across the boundary of two windows that touch.
 */
public final class Intervals {

    private Intervals() {
    }

    /** The union of the given intervals as a sorted list of disjoint, non-touching intervals. */
    public static List<Interval> union(List<Interval> intervals) {
        int count = intervals.size();
        if (count <= 1) {
            return List.copyOf(intervals);
        }
        long[] starts = new long[count];
        long[] ends = new long[count];
        for (int i = 0; i < count; i++) {
            starts[i] = intervals.get(i).start();
            ends[i] = intervals.get(i).end();
        }
        int[] order = new int[count];
        StartOrder.sort(starts, count, new long[count], order);
        long[] unionStarts = new long[count];
        long[] unionEnds = new long[count];
        int runs = union(starts, ends, order, count, unionStarts, unionEnds, 0);
        List<Interval> merged = new ArrayList<>(runs);
        for (int r = 0; r < runs; r++) {
            merged.add(new Interval(unionStarts[r], unionEnds[r]));
        }
        return merged;
    }

    /**
     * The union of {@code [starts[i], ends[i])} for the {@code count} indexes {@code order[0..count)},
     * which must list them by start, written to {@code outStarts}/{@code outEnds} from {@code at}
     * (room for {@code count} more is the caller's duty). Returns how many intervals it wrote.
     */
    static int union(long[] starts, long[] ends, int[] order, int count, long[] outStarts, long[] outEnds, int at) {
        if (count == 0) {
            return 0;
        }
        int written = at;
        long runStart = starts[order[0]];
        long runEnd = ends[order[0]];
        for (int k = 1; k < count; k++) {
            int i = order[k];
            if (starts[i] <= runEnd) {
                runEnd = Math.max(runEnd, ends[i]);
            } else {
                outStarts[written] = runStart;
                outEnds[written] = runEnd;
                written++;
                runStart = starts[i];
                runEnd = ends[i];
            }
        }
        outStarts[written] = runStart;
        outEnds[written] = runEnd;
        return written + 1 - at;
    }
}
