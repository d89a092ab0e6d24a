package io.slotpoll.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The group view: cells of {@code step} minutes on the grid of each merged proposed window
 * {@code [ws, we)}, the last one cut at {@code we}, and per cell who is available (their
 * "yes" union covers the whole cell) and who only if need be (the union of all their
 * windows covers it, the "yes" union does not).
 *
 * <p>Cells are sorted by start and so are their ends, so the cells one merged interval
 * covers whole are a contiguous run, found by binary search. Counts come from difference
 * arrays and a prefix sum; member lists are written per participant over their runs only.
 * Cost: O(W log W + C + output) for W windows, C cells, and the listed memberships.
 */
public final class Heatmap {

    /** The cells, with counts, and members if asked for; indexes refer to the participants' order. */
    @SuppressWarnings("ArrayRecordComponent") // a result to read, never compared or hashed
    public record Result(long[] starts, long[] ends, int[] available, int[] ifNeedBe,
            List<int[]> availableMembers, List<int[]> ifNeedBeMembers) {
        public int size() {
            return starts.length;
        }
    }

    private Heatmap() {
    }

    /**
     * Cells whose start lies in {@code [from, to)}; with {@code members}, each cell's
     * available and if-need-be participant indexes, ascending.
     */
    public static Result compute(List<Interval> proposed, int step, List<Participant> participants, long from, long to,
            boolean members) {
        List<Interval> windows = Intervals.union(proposed);
        long[][] cells = cells(windows, step, from, to);
        long[] starts = cells[0];
        long[] ends = cells[1];
        int n = starts.length;
        int[] yesDiff = new int[n + 1];
        int[] allDiff = new int[n + 1];
        List<int[]> yesLists = members ? new ArrayList<>(n) : List.of();
        List<int[]> maybeLists = members ? new ArrayList<>(n) : List.of();
        IntList[] yesMembers = members ? new IntList[n] : null;
        IntList[] maybeMembers = members ? new IntList[n] : null;
        if (members) {
            for (int c = 0; c < n; c++) {
                yesMembers[c] = new IntList();
                maybeMembers[c] = new IntList();
            }
        }
        boolean[] yesHere = members ? new boolean[n] : null;
        for (int p = 0; p < participants.size(); p++) {
            List<Interval> yes = new ArrayList<>();
            List<Interval> all = new ArrayList<>();
            for (Availability a : participants.get(p).availability()) {
                all.add(a.interval());
                if (a.preference() == Preference.YES) {
                    yes.add(a.interval());
                }
            }
            for (Interval u : Intervals.union(yes)) {
                int lo = firstStartAtOrAfter(starts, u.start());
                int hi = lastEndAtOrBefore(ends, u.end());
                if (lo <= hi) {
                    yesDiff[lo]++;
                    yesDiff[hi + 1]--;
                    if (members) {
                        for (int c = lo; c <= hi; c++) {
                            yesMembers[c].add(p);
                            yesHere[c] = true;
                        }
                    }
                }
            }
            for (Interval u : Intervals.union(all)) {
                int lo = firstStartAtOrAfter(starts, u.start());
                int hi = lastEndAtOrBefore(ends, u.end());
                if (lo <= hi) {
                    allDiff[lo]++;
                    allDiff[hi + 1]--;
                    if (members) {
                        for (int c = lo; c <= hi; c++) {
                            if (yesHere[c]) {
                                yesHere[c] = false;
                            } else {
                                maybeMembers[c].add(p);
                            }
                        }
                    }
                }
            }
        }
        int[] available = new int[n];
        int[] ifNeedBe = new int[n];
        int yesRun = 0;
        int allRun = 0;
        for (int c = 0; c < n; c++) {
            yesRun += yesDiff[c];
            allRun += allDiff[c];
            available[c] = yesRun;
            ifNeedBe[c] = allRun - yesRun;
            if (members) {
                yesLists.add(yesMembers[c].toArray());
                maybeLists.add(maybeMembers[c].toArray());
            }
        }
        return new Result(starts, ends, available, ifNeedBe, yesLists, maybeLists);
    }

    /** Cell starts and ends (starts in {@code [from, to)}), in start order. */
    private static long[][] cells(List<Interval> windows, int step, long from, long to) {
        long count = 0;
        for (Interval w : windows) {
            long first = Math.max(w.start(), from);
            long last = Math.min(w.end(), to);
            if (first < last) {
                long k0 = Math.ceilDiv(first - w.start(), step);
                long k1 = Math.ceilDiv(last - w.start(), step);
                count += Math.max(0, k1 - k0);
            }
        }
        if (count > CandidateGrid.MAX_CANDIDATES) {
            throw new IllegalArgumentException("too many cells: more than " + CandidateGrid.MAX_CANDIDATES);
        }
        long[] starts = new long[(int) count];
        long[] ends = new long[(int) count];
        int i = 0;
        for (Interval w : windows) {
            long first = Math.max(w.start(), from);
            long last = Math.min(w.end(), to);
            if (first >= last) {
                continue;
            }
            for (long k = Math.ceilDiv(first - w.start(), step); w.start() + k * step < last; k++) {
                long start = w.start() + k * step;
                starts[i] = start;
                ends[i] = Math.min(start + step, w.end());
                i++;
            }
        }
        return new long[][] {starts, ends};
    }

    /** The first index whose start is at or after {@code time}. */
    private static int firstStartAtOrAfter(long[] starts, long time) {
        int i = Arrays.binarySearch(starts, time);
        return i >= 0 ? i : -i - 1;
    }

    /** The last index whose end is at or before {@code time} (-1 if none). */
    private static int lastEndAtOrBefore(long[] ends, long time) {
        int i = Arrays.binarySearch(ends, time);
        if (i >= 0) {
            while (i + 1 < ends.length && ends[i + 1] == time) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    /** A growable list of ints, to collect members without boxing. */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
