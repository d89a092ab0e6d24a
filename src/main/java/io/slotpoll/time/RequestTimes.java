package io.slotpoll.time;

import io.slotpoll.http.Errors;
import io.slotpoll.http.ObjectFields;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Reads time fields of a request body into {@link TimeBound}s, recording format errors
 * under each field's path, and resolves bounds once the zone in effect is known.
 */
public final class RequestTimes {

    private RequestTimes() {
    }

    /** A window of a request, as given: where it sits in the body and its two bounds. */
    public record WindowBounds(String path, TimeBound start, TimeBound end) {

        /**
         * The window in {@code zone}; null if a bound does not resolve or the end is not after
         * the start, each recorded under the bound's path. A local time with no valid zone
         * records nothing of its own: the zone field's error already explains it.
         */
        public TimeWindow resolve(Optional<ZoneId> zone, Errors errors) {
            Instant from = RequestTimes.resolve(start, zone, path + ".start", errors);
            Instant to = RequestTimes.resolve(end, zone, path + ".end", errors);
            if (from == null || to == null) {
                return null;
            }
            if (!to.isAfter(from)) {
                errors.add(path + ".end", "must be after start (" + Times.utc(from) + "), was " + Times.utc(to));
                return null;
            }
            return new TimeWindow(from, to);
        }
    }

    /** A time field as a bound; null if absent (an error if {@code required}) or not a time. */
    public static TimeBound bound(ObjectFields fields, String name, boolean required) {
        String text = fields.string(name, required, 64, false);
        if (text == null) {
            return null;
        }
        return switch (TimeBound.read(text)) {
            case TimeBound.Bound bound -> bound.bound();
            case TimeBound.Invalid invalid -> {
                fields.errors().add(fields.path(name), invalid.message());
                yield null;
            }
        };
    }

    /** A {@code {"start", "end"}} object as bounds; null if either is missing or not a time. */
    public static WindowBounds window(ObjectFields item) {
        TimeBound start = bound(item, "start", true);
        TimeBound end = bound(item, "end", true);
        return start == null || end == null ? null : new WindowBounds(item.path(), start, end);
    }

    /** {@code bound} in {@code zone}; null (recorded under {@code path}) if it does not resolve. */
    public static Instant resolve(TimeBound bound, Optional<ZoneId> zone, String path, Errors errors) {
        return switch (bound.resolve(zone)) {
            case TimeBound.Ok ok -> ok.instant();
            case TimeBound.Invalid invalid -> {
                errors.add(path, invalid.message());
                yield null;
            }
            case TimeBound.NeedsZone needsZone -> null;
        };
    }

    /** The zone field; records an error naming the field if it is unknown. */
    public static Optional<ZoneId> zone(ObjectFields fields, String name, boolean required) {
        String text = fields.string(name, required, 64, false);
        if (text == null) {
            return Optional.empty();
        }
        Optional<ZoneId> zone = Zones.parse(text);
        if (zone.isEmpty()) {
            fields.errors().add(fields.path(name), Zones.unknownMessage(text));
        }
        return zone;
    }
}
