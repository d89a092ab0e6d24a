package io.slotpoll.calendar;

import io.slotpoll.time.EpochMinutes;
import io.slotpoll.time.TimeWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Free time inside a poll's proposed windows, from a calendar's busy and tentative time.
 * Busy time is widened to whole minutes (its start rounded down, its end up), so what is
 * offered as free never overlaps a meeting and every bound is a whole minute, as the API
 * requires. A free stretch that only tentative events cover is "if need be"; the rest is "yes".
 */
public final class FreeTime {

    /** One free window; {@code tentative} where only tentative events cover it. */
    public record Free(TimeWindow window, boolean tentative) {
    }

    private FreeTime() {
    }

    /** {@code proposed} (any order, may overlap) minus {@code busy}, split by {@code tentative}; sorted by start. */
    public static List<Free> of(List<TimeWindow> proposed, CalendarReader.BusyTime busy) {
        List<long[]> windows = union(proposed);
        List<long[]> blocked = union(busy.busy());
        List<long[]> maybe = union(busy.tentative());
        List<Free> result = new ArrayList<>();
        for (long[] free : subtract(windows, blocked)) {
            long at = free[0];
            for (long[] t : maybe) {
                long s = Math.max(t[0], free[0]);
                long e = Math.min(t[1], free[1]);
                if (s >= e) {
                    continue;
                }
                if (at < s) {
                    result.add(new Free(window(at, s), false));
                }
                result.add(new Free(window(s, e), true));
                at = e;
            }
            if (at < free[1]) {
                result.add(new Free(window(at, free[1]), false));
            }
        }
        return result;
    }

    /** Sorted, disjoint, non-touching minute intervals covering the same time. */
    private static List<long[]> union(List<TimeWindow> windows) {
        List<long[]> minutes = new ArrayList<>(windows.size());
        for (TimeWindow w : windows) {
            minutes.add(new long[] {EpochMinutes.of(w.start()), EpochMinutes.ceil(w.end())});
        }
        minutes.sort(Comparator.comparingLong(m -> m[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] m : minutes) {
            if (!merged.isEmpty() && m[0] <= merged.getLast()[1]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], m[1]);
            } else {
                merged.add(m.clone());
            }
        }
        return merged;
    }

    private static List<long[]> subtract(List<long[]> from, List<long[]> minus) {
        List<long[]> out = new ArrayList<>();
        int j = 0;
        for (long[] w : from) {
            long at = w[0];
            while (j < minus.size() && minus.get(j)[1] <= at) {
                j++;
            }
            for (int k = j; k < minus.size() && minus.get(k)[0] < w[1]; k++) {
                if (minus.get(k)[0] > at) {
                    out.add(new long[] {at, minus.get(k)[0]});
                }
                at = Math.max(at, minus.get(k)[1]);
            }
            if (at < w[1]) {
                out.add(new long[] {at, w[1]});
            }
        }
        return out;
    }

    private static TimeWindow window(long startMinute, long endMinute) {
        return new TimeWindow(EpochMinutes.instant(startMinute), EpochMinutes.instant(endMinute));
    }
}
