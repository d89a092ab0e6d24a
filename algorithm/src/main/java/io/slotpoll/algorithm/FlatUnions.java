package io.slotpoll.algorithm;

import java.util.Arrays;

/**
 * The unions of many owners' intervals in flat arrays (no object per interval): owner
 * {@code p}'s disjoint, sorted intervals are {@code [starts[i], ends[i])} for
 * {@code offsets[p] <= i < offsets[p + 1]}. Overlapping and touching intervals merge.
 */
final class FlatUnions {

    long[] starts = new long[64];
    long[] ends = new long[64];
    final int[] offsets;
    private int size;
    private int owners;

    FlatUnions(int ownerCount) {
        offsets = new int[ownerCount + 1];
    }

    int size() {
        return size;
    }

    /**
     * Appends the union of {@code [s[i], e[i])} for {@code i < count} as the next owner's
     * intervals. The scratch arrays must hold {@code count} elements.
     */
    void addOwner(long[] s, long[] e, int count, long[] scratchKeys, int[] scratchOrder) {
        offsets[owners] = size;
        StartOrder.sort(s, count, scratchKeys, scratchOrder);
        long runStart = 0;
        long runEnd = 0;
        boolean open = false;
        for (int k = 0; k < count; k++) {
            int i = scratchOrder[k];
            if (open && s[i] <= runEnd) {
                runEnd = Math.max(runEnd, e[i]);
            } else {
                if (open) {
                    append(runStart, runEnd);
                }
                runStart = s[i];
                runEnd = e[i];
                open = true;
            }
        }
        if (open) {
            append(runStart, runEnd);
        }
        owners++;
        offsets[owners] = size;
    }

    private void append(long start, long end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }
}
