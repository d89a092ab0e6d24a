package io.slotpoll.time;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local hours: the part of every local day, {@code [startMinute, endMinute]} minutes after
 * local midnight, in which a person is willing to meet. {@code endMinute} may be 1440,
 * written "24:00"; a start is at most "23:59". Which zone they are read in is the
 * owner's business (a participant's {@code timezone}).
 */
public record DailyHours(int startMinute, int endMinute) {

    private static final Pattern CLOCK = Pattern.compile("([01][0-9]|2[0-4]):([0-5][0-9])");

    public DailyHours {
        if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
            throw new IllegalArgumentException("hours must satisfy 0 <= start < end <= 1440: " + startMinute + ".." + endMinute);
        }
    }

    public String start() {
        return clock(startMinute);
    }

    public String end() {
        return clock(endMinute);
    }

    /** "HH:MM" as minutes after midnight, "24:00" included; empty for anything else. */
    public static Optional<Integer> minutes(String text) {
        Matcher m = CLOCK.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int minutes = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        return minutes > 1440 ? Optional.empty() : Optional.of(minutes);
    }

    public static String clock(int minutes) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
