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
 * One bound of a window (or a deadline) as a request gave it: an instant with an offset
 * ({@code 2025-01-12T14:00:00-05:00}, {@code ...Z}), or a local date-time without one
 * ({@code 2025-01-12T14:00}) that the zone in effect turns into an instant. Handlers
 * {@link #read} the text into a bound; the service that knows the zone in effect (the
 * body's, or the event's for a PATCH without one) {@link #resolve}s it. A local time inside
 * a DST gap does not exist and is an error; one that occurs twice (fall-back) takes the
 * earlier offset. Seconds and fractions must be zero. Instants must lie in
 * [{@link #MIN}, {@link #MAX}).
 */
public sealed interface TimeBound {

    Instant MIN = Instant.parse("1970-01-01T00:00:00Z");
    Instant MAX = Instant.parse("9999-01-01T00:00:00Z");

    /** The instant in {@code zone}, or why not; a local time with no zone needs one. */
    Resolved resolve(Optional<ZoneId> zone);

    record At(Instant instant) implements TimeBound {
        @Override
        public Resolved resolve(Optional<ZoneId> zone) {
            return new Ok(instant);
        }
    }

    record Local(LocalDateTime time, String text) implements TimeBound {
        @Override
        public Resolved resolve(Optional<ZoneId> zone) {
            if (zone.isEmpty()) {
                return new NeedsZone();
            }
            List<ZoneOffset> offsets = zone.get().getRules().getValidOffsets(time);
            if (offsets.isEmpty()) {
                return new Invalid(text + " does not exist in " + zone.get().getId()
                        + " (the clocks skip it at a daylight-saving change)");
            }
            try {
                // ofLocal with no preferred offset picks the earlier offset in an overlap.
                return inRange(ZonedDateTime.ofLocal(time, zone.get(), null).toInstant(), text);
            } catch (DateTimeException e) {
                return new Invalid("is not a valid date-time: " + text);
            }
        }
    }

    /** What {@link #read} makes of a text: a bound, or why it is none. */
    sealed interface Read {
    }

    /** What {@link #resolve} makes of a bound: an instant, why not, or the need of a zone. */
    sealed interface Resolved {
    }

    record Bound(TimeBound bound) implements Read {
    }

    record Ok(Instant instant) implements Resolved {
    }

    record Invalid(String message) implements Read, Resolved {
    }

    /** A local time and no valid zone to read it in: the zone's own error says why. */
    record NeedsZone() implements Resolved {
    }

    /** Reads {@code text} and resolves it in {@code zone}. */
    static Resolved parse(String text, Optional<ZoneId> zone) {
        return switch (read(text)) {
            case Invalid invalid -> invalid;
            case Bound bound -> bound.bound().resolve(zone);
        };
    }

    /**
     * Reads the text of a time without knowing its zone: an instant with an offset (checked
     * against the accepted range at once) or a local date-time (checked once a zone reads it).
     */
    static Read read(String text) {
        if (text == null || text.length() > 40) {
            return new Invalid("must be an RFC 3339 date-time such as 2025-01-12T14:00:00-05:00 or a local 2025-01-12T14:00");
        }
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(text, Formats.OFFSET_INPUT);
            if (!Formats.onWholeMinute(withOffset.toLocalDateTime())) {
                return new Invalid("must be on a whole minute (seconds and fractions must be 0): " + text);
            }
            return switch (inRange(withOffset.toInstant(), text)) {
                case Ok ok -> new Bound(new At(ok.instant()));
                case Invalid invalid -> invalid;
                case NeedsZone cannot -> throw new IllegalStateException("an instant needs no zone");
            };
        } catch (DateTimeParseException notWithOffset) {
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(text, Formats.LOCAL_INPUT);
            } catch (DateTimeParseException notLocal) {
                return new Invalid("must be an RFC 3339 date-time such as 2025-01-12T14:00:00-05:00 or a local 2025-01-12T14:00 (was \"" + text + "\")");
            }
            if (!Formats.onWholeMinute(local)) {
                return new Invalid("must be on a whole minute (seconds and fractions must be 0): " + text);
            }
            return new Bound(new Local(local, text));
        } catch (DateTimeException e) {
            return new Invalid("is not a valid date-time: " + text);
        }
    }

    /** {@code instant} if it lies in [{@link #MIN}, {@link #MAX}), else why not. */
    private static Resolved inRange(Instant instant, String text) {
        if (instant.isBefore(MIN) || !instant.isBefore(MAX)) {
            return new Invalid("must be between " + MIN + " and " + MAX + " (was " + text + ")");
        }
        return new Ok(instant);
    }

    /** The input formats: RFC 3339 with an offset, or a local date-time; both strict. */
    final class Formats {
        static final DateTimeFormatter OFFSET_INPUT = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .appendOffset("+HH:MM", "Z")
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
        static final DateTimeFormatter LOCAL_INPUT = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);

        private Formats() {
        }

        static boolean onWholeMinute(LocalDateTime time) {
            return time.getSecond() == 0 && time.getNano() == 0;
        }
    }
}
