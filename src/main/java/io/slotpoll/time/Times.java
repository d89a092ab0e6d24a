package io.slotpoll.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
}
