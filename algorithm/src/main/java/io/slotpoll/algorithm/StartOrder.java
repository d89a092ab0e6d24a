package io.slotpoll.algorithm;

import java.util.Arrays;

/**
 * Orders intervals by start without boxing: each start, relative to the smallest, is
 * shifted left and packed with the interval's index into one {@code long}, and the
 * packed keys are sorted as primitives. Ties keep index order.
 */
final class StartOrder {

    private StartOrder() {
    }

    /** Fills {@code order[0..count)} with the indexes of {@code starts[0..count)} sorted by start. */
    static void sort(long[] starts, int count, long[] keys, int[] order) {
        if (count == 0) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, starts[i]);
            max = Math.max(max, starts[i]);
        }
        int bits = 32 - Integer.numberOfLeadingZeros(count);
        long span = max - min;
        if (span < 0 || (span >>> (63 - bits)) != 0) {
            throw new IllegalArgumentException("interval starts span " + span + " minutes, too wide to sort");
        }
        for (int i = 0; i < count; i++) {
            keys[i] = ((starts[i] - min) << bits) | i;
        }
        Arrays.sort(keys, 0, count);
        long mask = (1L << bits) - 1;
        for (int i = 0; i < count; i++) {
            order[i] = (int) (keys[i] & mask);
        }
    }
}
