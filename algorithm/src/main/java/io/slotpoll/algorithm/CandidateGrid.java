package io.slotpoll.algorithm;

import java.util.List;

/**
 * The candidate starts: inside each merged proposed window {@code [ws, we)}, one every
 * {@code step} minutes from {@code ws} while {@code start + duration <= we}. Candidates are
 * numbered in increasing start order. Because they lie on a regular grid per window, the
 * index of the first candidate at or after a time is arithmetic once the window is
 * found, by binary search over the (few) windows rather than over every candidate.
 */
final class CandidateGrid {

    /** Upper bound on candidates in one ranking, to fail fast on absurd inputs. */
    static final int MAX_CANDIDATES = 10_000_000;

    private final long[] windowStarts;
    private final int[] firstIndex;
    private final int[] counts;
    private final int step;
    private final int size;

    CandidateGrid(List<Interval> mergedWindows, int duration, int step) {
        this.step = step;
        int windows = mergedWindows.size();
        windowStarts = new long[windows];
        firstIndex = new int[windows + 1];
        counts = new int[windows];
        long total = 0;
        for (int j = 0; j < windows; j++) {
            Interval w = mergedWindows.get(j);
            windowStarts[j] = w.start();
            firstIndex[j] = (int) total;
            counts[j] = w.length() >= duration ? (int) Math.min(MAX_CANDIDATES + 1L, (w.length() - duration) / step + 1) : 0;
            total += counts[j];
            if (total > MAX_CANDIDATES) {
                throw new IllegalArgumentException("too many candidates: more than " + MAX_CANDIDATES);
            }
        }
        firstIndex[windows] = (int) total;
        size = (int) total;
    }

    int size() {
        return size;
    }

    long start(int index) {
        int j = windowOf(index);
        return windowStarts[j] + (long) (index - firstIndex[j]) * step;
    }

    /** The index of the first candidate starting at or after {@code time} ({@link #size()} if none). */
    int firstAtOrAfter(long time) {
        int j = lastWindowStartingAtOrBefore(time);
        if (j < 0) {
            return 0;
        }
        long k = Math.ceilDiv(time - windowStarts[j], step);
        return k >= counts[j] ? firstIndex[j + 1] : firstIndex[j] + (int) k;
    }

    /** The number of candidates starting at or before {@code time}. */
    int countAtOrBefore(long time) {
        int j = lastWindowStartingAtOrBefore(time);
        if (j < 0) {
            return 0;
        }
        long k = Math.floorDiv(time - windowStarts[j], step) + 1;
        return firstIndex[j] + (int) Math.min(k, counts[j]);
    }

    private int lastWindowStartingAtOrBefore(long time) {
        return IntervalTree.upperBound(windowStarts, time) - 1;
    }

    private int windowOf(int index) {
        int lo = 0;
        int hi = counts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstIndex[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        while (counts[lo] == 0 || index >= firstIndex[lo] + counts[lo]) {
            lo++;
        }
        return lo;
    }
}
