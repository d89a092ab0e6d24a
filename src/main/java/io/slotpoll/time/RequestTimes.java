package io.slotpoll.time;

import io.slotpoll.http.ObjectFields;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Reads time fields of a request body, recording errors under each field's path. */
public final class RequestTimes {

    private RequestTimes() {
    }

    /**
     * A time field; null if absent or invalid. A local time with no valid zone records no
     * error of its own: the zone field's error already explains it.
     */
    public static Instant instant(ObjectFields fields, String name, boolean required, Optional<ZoneId> zone) {
        String text = fields.string(name, required, 64, false);
        if (text == null) {
            return null;
        }
        return switch (Times.parse(text, zone)) {
            case Times.Ok ok -> ok.instant();
            case Times.Invalid invalid -> {
                fields.errors().add(fields.path(name), invalid.message());
                yield null;
            }
            case Times.NeedsZone needsZone -> null;
        };
    }

    /** A {@code {"start", "end"}} object; null if either is missing or invalid or end is not after start. */
    public static TimeWindow window(ObjectFields item, Optional<ZoneId> zone) {
        Instant start = instant(item, "start", true, zone);
        Instant end = instant(item, "end", true, zone);
        if (start == null || end == null) {
            return null;
        }
        if (!end.isAfter(start)) {
            item.errors().add(item.path("end"), "must be after start (" + Times.utc(start) + "), was " + Times.utc(end));
            return null;
        }
        return new TimeWindow(start, end);
    }

    /** The zone field, required; records an error naming the field if it is unknown. */
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
