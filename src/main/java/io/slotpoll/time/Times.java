package io.slotpoll.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and writes the API's times.
 *
 * <p>Input: an RFC 3339 date-time with an offset ({@code 2025-01-12T14:00:00-05:00},
 * {@code ...Z}), or a local date-time without one ({@code 2025-01-12T14:00}) read in a
 * named zone. A local time inside a DST gap does not exist and is an error; one that
 * occurs twice (fall-back) takes the earlier offset, i.e. the first occurrence. Seconds
 * and fractions must be zero. Instants must lie in [{@link #MIN}, {@link #MAX}).
 *
 * <p>Output: UTC with {@code Z} and whole seconds ({@code 2025-01-14T23:00:00Z}); local
 * twins with the zone's offset at that instant ({@code 2025-01-15T08:00:00+09:00}).
 */
public final class Times {

    public static final Instant MIN = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-01-01T00:00:00Z");

    private static final DateTimeFormatter OFFSET_INPUT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL_INPUT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UTC_OUTPUT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_OUTPUT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxxxx", Locale.ROOT);

    private Times() {
    }

    /** The result of reading one time: an instant, or a message saying why not. */
    public sealed interface Parsed {
    }

    public record Ok(Instant instant) implements Parsed {
    }

    public record Invalid(String message) implements Parsed {
    }

    /** A local time was given but no valid zone is known to read it in; the zone's own error says why. */
    public record NeedsZone() implements Parsed {
    }

    public static Parsed parse(String text, Optional<ZoneId> zone) {
        if (text == null || text.length() > 40) {
            return new Invalid("must be an RFC 3339 date-time such as 2025-01-12T14:00:00-05:00 or a local 2025-01-12T14:00");
        }
        Instant instant;
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(text, OFFSET_INPUT);
            if (!onWholeMinute(withOffset.toLocalDateTime())) {
                return new Invalid("must be on a whole minute (seconds and fractions must be 0): " + text);
            }
            instant = withOffset.toInstant();
        } catch (DateTimeParseException notWithOffset) {
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(text, LOCAL_INPUT);
            } catch (DateTimeParseException notLocal) {
                return new Invalid("must be an RFC 3339 date-time such as 2025-01-12T14:00:00-05:00 or a local 2025-01-12T14:00 (was \"" + text + "\")");
            }
            if (!onWholeMinute(local)) {
                return new Invalid("must be on a whole minute (seconds and fractions must be 0): " + text);
            }
            if (zone.isEmpty()) {
                return new NeedsZone();
            }
            List<ZoneOffset> offsets = zone.get().getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                return new Invalid(text + " does not exist in " + zone.get().getId()
                        + " (the clocks skip it at a daylight-saving change)");
            }
            // ofLocal with no preferred offset picks the earlier offset in an overlap.
            instant = ZonedDateTime.ofLocal(local, zone.get(), null).toInstant();
        } catch (DateTimeException e) {
            return new Invalid("is not a valid date-time: " + text);
        }
        if (instant.isBefore(MIN) || !instant.isBefore(MAX)) {
            return new Invalid("must be between " + utc(MIN) + " and " + utc(MAX) + " (was " + text + ")");
        }
        return new Ok(instant);
    }

    private static boolean onWholeMinute(LocalDateTime time) {
        return time.getSecond() == 0 && time.getNano() == 0;
    }

    public static String utc(Instant instant) {
        return UTC_OUTPUT.format(instant);
    }

    public static String local(Instant instant, ZoneId zone) {
        return LOCAL_OUTPUT.format(instant.atZone(zone));
    }
}
