package io.slotpoll.participant;

import io.slotpoll.algorithm.Interval;
import io.slotpoll.algorithm.Intervals;
import io.slotpoll.algorithm.Preference;
import io.slotpoll.time.EpochMinutes;
import io.slotpoll.time.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A window of a participant's availability, {@code [start, end)} in UTC. */
public record AvailabilityWindow(TimeWindow window, Preference preference) {

    public static final List<String> WIRE_VALUES = List.of("yes", "ifneedbe");

    public static String wire(Preference preference) {
        return preference == Preference.YES ? "yes" : "ifneedbe";
    }

    public static Preference fromWire(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes" -> Preference.YES;
            case "ifneedbe" -> Preference.IF_NEED_BE;
            default -> throw new IllegalArgumentException("unknown preference " + value);
        };
    }

    /**
     * The union of the windows per preference (overlapping or touching windows of one
     * preference become one), sorted by start, then "yes" first, then end.
     */
    public static List<AvailabilityWindow> merge(List<AvailabilityWindow> windows) {
        List<AvailabilityWindow> merged = new ArrayList<>();
        for (Preference preference : Preference.values()) {
            List<Interval> intervals = windows.stream()
                    .filter(w -> w.preference() == preference)
                    .map(w -> EpochMinutes.interval(w.window()))
                    .toList();
            for (Interval interval : Intervals.union(intervals)) {
                merged.add(new AvailabilityWindow(new TimeWindow(EpochMinutes.instant(interval.start()),
                        EpochMinutes.instant(interval.end())), preference));
            }
        }
        merged.sort(Comparator.<AvailabilityWindow, Instant>comparing(w -> w.window().start())
                .thenComparing(AvailabilityWindow::preference)
                .thenComparing(w -> w.window().end()));
        return merged;
    }
}
