package io.slotpoll.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the API's times: UTC with {@code Z} and whole seconds ({@code 2025-01-14T23:00:00Z});
 * local twins with the zone's offset at that instant ({@code 2025-01-15T08:00:00+09:00}).
 * Reading is {@link TimeBound}'s.
 */
public final class Times {

    private static final DateTimeFormatter UTC_OUTPUT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_OUTPUT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxxxx", Locale.ROOT);

    private Times() {
    }

    public static String utc(Instant instant) {
        return UTC_OUTPUT.format(instant);
    }

    public static String local(Instant instant, ZoneId zone) {
        return LOCAL_OUTPUT.format(instant.atZone(zone));
    }

    private static final DateTimeFormatter SPOKEN_DAY =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SPOKEN_TIME =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /**
     * A time span for people, in {@code zone} with the zone named: "Tuesday 8 December 2026,
     * 14:00–15:00 (Europe/Berlin)"; a span that ends on another day names that day too.
     */
    public static String spoken(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        String until = from.toLocalDate().equals(to.toLocalDate()) ? SPOKEN_TIME.format(to) : SPOKEN_DAY.format(to);
        return SPOKEN_DAY.format(from) + "\u2013" + until + " (" + zone.getId() + ")";
    }
}
