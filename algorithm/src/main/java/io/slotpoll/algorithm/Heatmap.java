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

    /** What each cell carries: its counts, or its counts and who they are. */
    public enum Detail { COUNTS, MEMBERS }

    /**
     * Cells whose start lies in {@code [from, to)}; with {@link Detail#MEMBERS}, each cell's
     * available and if-need-be participant indexes, ascending.
     */
    public static Result compute(List<Interval> proposed, int step, List<Respondent> participants, long from, long to,
            Detail detail) {
        boolean members = detail == Detail.MEMBERS;
        List<Interval> windows = Intervals.union(proposed);
        long[][] cells = cells(windows, step, from, to);
        Grid grid = new Grid(cells[0], cells[1], step);
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
        // one participant's unions at a time, in arrays reused from one participant to the next
        FlatUnions.Splitter splitter = new FlatUnions.Splitter(participants);
        FlatUnions yesUnion = new FlatUnions(1);
        FlatUnions allUnion = new FlatUnions(1);
        for (int p = 0; p < participants.size(); p++) {
            yesUnion.clear();
            allUnion.clear();
            splitter.add(participants.get(p), yesUnion, allUnion);
            // "yes" runs first, so that the runs of all windows can tell if-need-be cells apart
            for (boolean yesOnly : YES_THEN_ALL) {
                int[] diff = yesOnly ? yesDiff : allDiff;
                FlatUnions runs = yesOnly ? yesUnion : allUnion;
                for (int r = 0; r < runs.size(); r++) {
                    int lo = grid.firstStartAtOrAfter(runs.starts[r]);
                    int hi = grid.lastEndAtOrBefore(runs.ends[r]);
                    if (lo > hi) {
                        continue;
                    }
                    diff[lo]++;
                    diff[hi + 1]--;
                    for (int c = lo; members && c <= hi; c++) {
                        if (yesOnly) {
                            yesMembers[c].add(p);
                            yesHere[c] = true;
                        } else if (yesHere[c]) {
                            yesHere[c] = false;
                        } else {
                            maybeMembers[c].add(p);
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

    /**
     * The cells as runs on a regular grid (one run per merged window, cut by from/to): the
     * cells a merged availability interval covers whole are found by a binary search over
     * the few runs and arithmetic inside one, not by searching every cell.
     */
    private static final class Grid {
        private final long[] runFirstStart;
        private final long[] runLastStart;
        private final long[] runFirstEnd;
        private final long[] runLastEnd;
        private final int[] runFirstIndex;
        private final int[] runCount;
        private final int step;

        Grid(long[] starts, long[] ends, int step) {
            this.step = step;
            int runs = 0;
            for (int i = 0; i < starts.length; i++) {
                if (i == 0 || starts[i] != starts[i - 1] + step || ends[i - 1] != starts[i]) {
                    runs++;
                }
            }
            runFirstStart = new long[runs];
            runLastStart = new long[runs];
            runFirstEnd = new long[runs];
            runLastEnd = new long[runs];
            runFirstIndex = new int[runs];
            runCount = new int[runs];
            int r = -1;
            for (int i = 0; i < starts.length; i++) {
                if (i == 0 || starts[i] != starts[i - 1] + step || ends[i - 1] != starts[i]) {
                    r++;
                    runFirstStart[r] = starts[i];
                    runFirstEnd[r] = ends[i];
                    runFirstIndex[r] = i;
                }
                runLastStart[r] = starts[i];
                runLastEnd[r] = ends[i];
                runCount[r]++;
            }
        }

        /** The first cell whose start is at or after {@code time} (the number of cells if none). */
        int firstStartAtOrAfter(long time) {
            int r = Arrays.binarySearch(runLastStart, time);
            r = r >= 0 ? r : -r - 1;
            if (r == runLastStart.length) {
                return r == 0 ? 0 : runFirstIndex[r - 1] + runCount[r - 1];
            }
            if (time <= runFirstStart[r]) {
                return runFirstIndex[r];
            }
            return runFirstIndex[r] + (int) Math.ceilDiv(time - runFirstStart[r], step);
        }

        /** The last cell whose end is at or before {@code time} (-1 if none). */
        int lastEndAtOrBefore(long time) {
            int r = Arrays.binarySearch(runFirstEnd, time);
            r = r >= 0 ? r : -r - 2;
            if (r < 0) {
                return -1;
            }
            if (time >= runLastEnd[r]) {
                return runFirstIndex[r] + runCount[r] - 1;
            }
            // every cell of the run but its last is a whole step long; the last is not reached
            long k = Math.floorDiv(time - runFirstStart[r], step) - 1;
            return runFirstIndex[r] + (int) Math.min(k, runCount[r] - 1L);
        }
    }

    private static final boolean[] YES_THEN_ALL = {true, false};

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
