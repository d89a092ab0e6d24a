package io.slotpoll.time;

import io.slotpoll.http.Errors;
import io.slotpoll.http.ObjectFields;
import io.slotpoll.http.Text;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

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

    private static final Set<String> HOURS_FIELDS = ObjectFields.names("start", "end");

    /**
     * A {@code localHours} object {@code {"start": "HH:MM", "end": "HH:MM"}}: null if absent,
     * JSON null, or invalid (each error recorded under {@code name.start} or {@code name.end}).
     * The start is at most 23:59, the end at most 24:00 and after the start.
     */
    public static DailyHours hours(ObjectFields fields, String name) {
        ObjectFields hours = fields.object(name, false);
        if (hours == null) {
            return null;
        }
        hours.allowOnly(HOURS_FIELDS);
        Integer start = clock(hours, "start", "00:00 to 23:59", 1439);
        Integer end = clock(hours, "end", "00:01 to 24:00", 1440);
        if (start == null || end == null) {
            return null;
        }
        if (end <= start) {
            fields.errors().add(hours.path("end"), "must be after start (" + hours.path("start") + " is "
                    + DailyHours.clock(start) + ")");
            return null;
        }
        return new DailyHours(start, end);
    }

    private static Integer clock(ObjectFields hours, String name, String range, int max) {
        String text = hours.string(name, true, 16, false);
        if (text == null) {
            return null;
        }
        Optional<Integer> minutes = DailyHours.minutes(text);
        if (minutes.isEmpty() || minutes.get() > max || (minutes.get() == 0 && max == 1440)) {
            hours.errors().add(hours.path(name), "must be a time of day \"HH:MM\" from " + range + ", was \""
                    + Text.shorten(text) + "\"");
            return null;
        }
        return minutes.get();
    }

    /** The {@code timezone} query parameter, if given; an unknown zone is recorded under {@code timezone}. */
    public static Optional<ZoneId> queryZone(String value, Errors errors) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<ZoneId> zone = Zones.parse(value);
        if (zone.isEmpty()) {
            errors.add("timezone", Zones.unknownMessage(value));
        }
        return zone;
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
