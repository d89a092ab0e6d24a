package io.slotpoll.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Operations on collections of half-open intervals. */
public final class Intervals {

    private Intervals() {
    }

    /**
     * The union of the given intervals as a sorted list of disjoint intervals.
     * Overlapping and touching intervals ({@code [1,3)} and {@code [3,5)}) become one,
     * because a meeting may run across the boundary of two windows that touch.
     */
    public static List<Interval> union(List<Interval> intervals) {
        if (intervals.size() <= 1) {
            return List.copyOf(intervals);
        }
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(Interval::start));
        List<Interval> merged = new ArrayList<>();
        long start = sorted.getFirst().start();
        long end = sorted.getFirst().end();
        for (int i = 1; i < sorted.size(); i++) {
            Interval next = sorted.get(i);
            if (next.start() <= end) {
                end = Math.max(end, next.end());
            } else {
                merged.add(new Interval(start, end));
                start = next.start();
                end = next.end();
            }
        }
        merged.add(new Interval(start, end));
        return merged;
    }
}
