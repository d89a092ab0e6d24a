package io.slotpoll.time;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;

/**
 * A window of a weekly poll as people write it: a weekday and a time range of that day,
 * {@code [startMinute, endMinute)} minutes after local midnight ({@code endMinute} may be
 * 1440, "24:00"), in some zone that the owner names (the event's, or a participant's).
 */
public record WeeklyWindow(DayOfWeek day, int startMinute, int endMinute) {

    /** The contract's day names, Monday first. */
    public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    public WeeklyWindow {
        if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
            throw new IllegalArgumentException("a weekly window needs 0 <= start < end <= 1440: " + startMinute + ".."
                    + endMinute);
        }
    }

    public String dayName() {
        return dayName(day);
    }

    public static String dayName(DayOfWeek day) {
        return DAYS.get(day.getValue() - 1);
    }

    public static DayOfWeek day(String name) {
        return DayOfWeek.of(DAYS.indexOf(name.toUpperCase(Locale.ROOT)) + 1);
    }

    public String start() {
        return DailyHours.clock(startMinute);
    }

    public String end() {
        return DailyHours.clock(endMinute);
    }
}
