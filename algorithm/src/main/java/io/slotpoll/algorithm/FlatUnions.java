package io.slotpoll.algorithm;

import java.util.Arrays;
import java.util.List;

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

    /** Each participant's union of "yes" windows and union of all windows; owner p is participant p. */
    record OfParticipants(FlatUnions yes, FlatUnions all) {
    }

    /** The "yes" and all-window unions of every participant, in the participants' order. */
    static OfParticipants of(List<Respondent> participants) {
        FlatUnions yesUnions = new FlatUnions(participants.size());
        FlatUnions allUnions = new FlatUnions(participants.size());
        int most = 0;
        for (Respondent p : participants) {
            most = Math.max(most, p.availability().size());
        }
        long[] yesStarts = new long[most];
        long[] yesEnds = new long[most];
        long[] allStarts = new long[most];
        long[] allEnds = new long[most];
        long[] keys = new long[most];
        int[] order = new int[most];
        for (Respondent participant : participants) {
            int yesCount = 0;
            int allCount = 0;
            for (Availability window : participant.availability()) {
                Interval interval = window.interval();
                allStarts[allCount] = interval.start();
                allEnds[allCount++] = interval.end();
                if (window.preference() == Preference.YES) {
                    yesStarts[yesCount] = interval.start();
                    yesEnds[yesCount++] = interval.end();
                }
            }
            yesUnions.addOwner(yesStarts, yesEnds, yesCount, keys, order);
            allUnions.addOwner(allStarts, allEnds, allCount, keys, order);
        }
        return new OfParticipants(yesUnions, allUnions);
    }

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
        if (starts.length - size < count) {
            int capacity = Math.max(starts.length * 2, size + count);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        size += Intervals.union(s, e, scratchOrder, count, starts, ends, size);
        owners++;
        offsets[owners] = size;
    }
}
