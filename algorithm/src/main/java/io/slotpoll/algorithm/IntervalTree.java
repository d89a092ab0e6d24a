package io.slotpoll.algorithm;

import java.util.Arrays;

/**
 * A static augmented interval tree over tagged half-open intervals that answers
 * "which intervals cover all of {@code [from, to)}".
 *
 * <p>Intervals are kept sorted by start in flat arrays; an implicit balanced tree
 * over those positions stores the largest end in each subtree. A query first
 * finds, by binary search, the prefix of intervals starting at or before
 * {@code from}, then descends only into subtrees of that prefix whose largest
 * end reaches {@code to}. It costs O(log n + k log n) for k hits and allocates
 * nothing. Building costs O(n log n).
 */
public final class IntervalTree {

    /** Receives the tag of each interval that covers a query range. */
    @FunctionalInterface
    public interface HitConsumer {
        void accept(int tag);
    }

    private final long[] starts;
    private final int[] tags;
    private final long[] maxEnd;
    private final int leaves;

    private IntervalTree(long[] starts, long[] ends, int[] tags) {
        this.starts = starts;
        this.tags = tags;
        int size = 1;
        while (size < Math.max(1, starts.length)) {
            size <<= 1;
        }
        this.leaves = size;
        this.maxEnd = new long[2 * size];
        Arrays.fill(maxEnd, Long.MIN_VALUE);
        for (int i = 0; i < starts.length; i++) {
            maxEnd[size + i] = ends[i];
        }
        for (int node = size - 1; node >= 1; node--) {
            maxEnd[node] = Math.max(maxEnd[2 * node], maxEnd[2 * node + 1]);
        }
    }

    /** Collects tagged intervals, then {@link #build()}s the tree. */
    public static final class Builder {
        private long[] starts = new long[16];
        private long[] ends = new long[16];
        private int[] tags = new int[16];
        private int size;

        public Builder add(long start, long end, int tag) {
            if (end <= start) {
                throw new IllegalArgumentException("interval end " + end + " must be after start " + start);
            }
            if (size == starts.length) {
                int grown = size * 2;
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
                tags = Arrays.copyOf(tags, grown);
            }
            starts[size] = start;
            ends[size] = end;
            tags[size] = tag;
            size++;
            return this;
        }

        public IntervalTree build() {
            int[] order = new int[size];
            StartOrder.sort(starts, size, new long[size], order);
            long[] s = new long[size];
            long[] e = new long[size];
            int[] t = new int[size];
            for (int i = 0; i < size; i++) {
                s[i] = starts[order[i]];
                e[i] = ends[order[i]];
                t[i] = tags[order[i]];
            }
            return new IntervalTree(s, e, t);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Calls {@code consumer} with the tag of every interval {@code [s, e)} where {@code s <= from} and {@code to <= e}. */
    public void forEachCovering(long from, long to, HitConsumer consumer) {
        int prefix = upperBound(starts, from);
        if (prefix > 0) {
            visit(1, 0, leaves, prefix, to, consumer);
        }
    }

    private void visit(int node, int lo, int hi, int prefix, long to, HitConsumer consumer) {
        if (lo >= prefix || maxEnd[node] < to) {
            return;
        }
        if (hi - lo == 1) {
            consumer.accept(tags[lo]);
            return;
        }
        int mid = (lo + hi) >>> 1;
        visit(2 * node, lo, mid, prefix, to, consumer);
        visit(2 * node + 1, mid, hi, prefix, to, consumer);
    }

    /** The number of elements of sorted {@code values} that are {@code <= key}. */
    static int upperBound(long[] values, long key) {
        return upperBound(values, values.length, key);
    }

    static int upperBound(long[] values, int length, long key) {
        int lo = 0;
        int hi = length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of elements of sorted {@code values} that are {@code < key}. */
    static int lowerBound(long[] values, int length, long key) {
        int lo = 0;
        int hi = length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
