package io.slotpoll.event;

import io.slotpoll.problem.Errors;
import io.slotpoll.time.TimeWindow;
import io.slotpoll.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The limits an event must satisfy, checked on create and again on every change. */
public final class EventRules {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int DURATION_MIN = 5;
    public static final int DURATION_MAX = 1440;
    public static final int DEFAULT_STEP = 15;
    public static final Set<Integer> STEPS = Set.of(5, 10, 15, 20, 30, 60);
    public static final int WINDOWS_MAX = 200;
    public static final Duration HORIZON = Duration.ofDays(366);

    private EventRules() {
    }

    public static void checkDuration(Integer minutes, String field, Errors errors) {
        if (minutes != null && minutes % 5 != 0) {
            errors.add(field, "must be a multiple of 5 (was " + minutes + ")");
        }
    }

    public static void checkStep(Integer minutes, String field, Errors errors) {
        if (minutes != null && !STEPS.contains(minutes)) {
            errors.add(field, "must be one of 5, 10, 15, 20, 30, 60 (was " + minutes + ")");
        }
    }

    /**
     * Every window is at least {@code durationMinutes} long and all lie within
     * {@link #HORIZON} of the earliest start. Errors name each offending window by its
     * index; null entries (windows that could not be read, already reported) are skipped.
     */
    public static void checkWindows(List<TimeWindow> windows, int durationMinutes, String field, Errors errors) {
        Instant earliest = windows.stream().filter(Objects::nonNull).map(TimeWindow::start)
                .min(Instant::compareTo).orElse(null);
        if (earliest == null) {
            return;
        }
        Instant limit = earliest.plus(HORIZON);
        for (int i = 0; i < windows.size(); i++) {
            TimeWindow window = windows.get(i);
            if (window == null) {
                continue;
            }
            if (window.minutes() < durationMinutes) {
                errors.add(field + "[" + i + "]", "must be at least durationMinutes (" + durationMinutes
                        + ") long, was " + window.minutes() + " minutes");
            }
            if (window.end().isAfter(limit)) {
                errors.add(field + "[" + i + "].end", "must be within 366 days of the earliest start ("
                        + Times.utc(earliest) + "), was " + Times.utc(window.end()));
            }
        }
    }
}
