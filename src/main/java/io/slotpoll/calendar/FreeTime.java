package io.slotpoll.calendar;

import io.slotpoll.algorithm.Interval;
import io.slotpoll.algorithm.Intervals;
import io.slotpoll.time.EpochMinutes;
import io.slotpoll.time.TimeWindow;
import java.util.ArrayList;
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
        List<Interval> windows = union(proposed);
        List<Interval> blocked = union(busy.busy());
        List<Interval> maybe = union(busy.tentative());
        List<Free> result = new ArrayList<>();
        for (Interval free : subtract(windows, blocked)) {
            long at = free.start();
            for (Interval t : maybe) {
                long s = Math.max(t.start(), free.start());
                long e = Math.min(t.end(), free.end());
                if (s >= e) {
                    continue;
                }
                if (at < s) {
                    result.add(new Free(window(at, s), false));
                }
                result.add(new Free(window(s, e), true));
                at = e;
            }
            if (at < free.end()) {
                result.add(new Free(window(at, free.end()), false));
            }
        }
        return result;
    }

    /** Sorted, disjoint, non-touching minute intervals covering the same time, bounds widened to whole minutes. */
    private static List<Interval> union(List<TimeWindow> windows) {
        List<Interval> minutes = new ArrayList<>(windows.size());
        for (TimeWindow w : windows) {
            minutes.add(new Interval(EpochMinutes.of(w.start()), EpochMinutes.ceil(w.end())));
        }
        return Intervals.union(minutes);
    }

    /** {@code from} minus {@code minus}, both sorted and disjoint. */
    private static List<Interval> subtract(List<Interval> from, List<Interval> minus) {
        List<Interval> out = new ArrayList<>();
        int j = 0;
        for (Interval w : from) {
            long at = w.start();
            while (j < minus.size() && minus.get(j).end() <= at) {
                j++;
            }
            for (int k = j; k < minus.size() && minus.get(k).start() < w.end(); k++) {
                if (minus.get(k).start() > at) {
                    out.add(new Interval(at, minus.get(k).start()));
                }
                at = Math.max(at, minus.get(k).end());
            }
            if (at < w.end()) {
                out.add(new Interval(at, w.end()));
            }
        }
        return out;
    }

    private static TimeWindow window(long startMinute, long endMinute) {
        return new TimeWindow(EpochMinutes.instant(startMinute), EpochMinutes.instant(endMinute));
    }
}
