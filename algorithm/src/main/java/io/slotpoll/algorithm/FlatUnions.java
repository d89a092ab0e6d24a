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
        Splitter splitter = new Splitter(participants);
        for (Respondent participant : participants) {
            splitter.add(participant, yesUnions, allUnions);
        }
        return new OfParticipants(yesUnions, allUnions);
    }

    /**
     * Appends a respondent's "yes" union and the union of all their windows as the next owner
     * of two {@link FlatUnions}: their windows are sorted by start once, and the "yes" union
     * walks the same order with the other windows left out. The buffers are sized once for
     * the respondent with the most windows and reused from one respondent to the next.
     */
    static final class Splitter {
        private final long[] starts;
        private final long[] ends;
        private final boolean[] yes;
        private final long[] keys;
        private final int[] order;
        private final int[] yesOrder;

        Splitter(List<Respondent> participants) {
            int most = 0;
            for (Respondent p : participants) {
                most = Math.max(most, p.availability().size());
            }
            starts = new long[most];
            ends = new long[most];
            yes = new boolean[most];
            keys = new long[most];
            order = new int[most];
            yesOrder = new int[most];
        }

        void add(Respondent participant, FlatUnions yesUnions, FlatUnions allUnions) {
            int count = 0;
            for (Availability window : participant.availability()) {
                starts[count] = window.interval().start();
                ends[count] = window.interval().end();
                yes[count++] = window.preference() == Preference.YES;
            }
            StartOrder.sort(starts, count, keys, order);
            int yesCount = 0;
            for (int k = 0; k < count; k++) {
                if (yes[order[k]]) {
                    yesOrder[yesCount++] = order[k];
                }
            }
            yesUnions.addOwner(starts, ends, yesOrder, yesCount);
            allUnions.addOwner(starts, ends, order, count);
        }
    }

    FlatUnions(int ownerCount) {
        offsets = new int[ownerCount + 1];
    }

    int size() {
        return size;
    }

    /** Forgets every owner, keeping the arrays: for holding one owner at a time. */
    void clear() {
        size = 0;
        owners = 0;
    }

    /**
     * Appends the union of {@code [s[i], e[i])} for the {@code count} indexes
     * {@code order[0..count)}, listed by start, as the next owner's intervals.
     */
    void addOwner(long[] s, long[] e, int[] order, int count) {
        offsets[owners] = size;
        if (starts.length - size < count) {
            int capacity = Math.max(starts.length * 2, size + count);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        size += Intervals.union(s, e, order, count, starts, ends, size);
        owners++;
        offsets[owners] = size;
    }
}
