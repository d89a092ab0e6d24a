package io.slotpoll.http;

import static io.slotpoll.http.Presence.REQUIRED;
import static io.slotpoll.http.Presence.OPTIONAL;

import io.slotpoll.problem.Errors;
import io.slotpoll.text.Text;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.WeeklyWindow;
import io.slotpoll.time.RequestTimes.WindowBounds;
import io.slotpoll.time.TimeBound;
import io.slotpoll.time.Zones;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the time fields of a request (bounds, windows, local hours, zones) into the time
 * package's values, recording each format error under the field's path.
 */
public final class TimeFields {

    private TimeFields() {
    }

    /** A time field as a bound; null if absent (an error if {@code required}) or not a time. */
    public static TimeBound bound(ObjectFields fields, String name, Presence presence) {
        String text = fields.text(name, presence, 64);
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
        TimeBound start = bound(item, "start", REQUIRED);
        TimeBound end = bound(item, "end", REQUIRED);
        return start == null || end == null ? null : new WindowBounds(item.path(), start, end);
    }

    private static final Set<String> HOURS_FIELDS = ObjectFields.names("start", "end");

    /**
     * A {@code localHours} object {@code {"start": "HH:MM", "end": "HH:MM"}}: null if absent,
     * JSON null, or invalid (each error recorded under {@code name.start} or {@code name.end}).
     * The start is at most 23:59, the end at most 24:00 and after the start.
     */
    public static DailyHours hours(ObjectFields fields, String name) {
        ObjectFields hours = fields.object(name, OPTIONAL);
        if (hours == null) {
            return null;
        }
        hours.allowOnly(HOURS_FIELDS);
        int[] range = range(hours);
        return range == null ? null : new DailyHours(range[0], range[1]);
    }

    /** {@code start} (00:00 to 23:59) and {@code end} (00:01 to 24:00, after start) of {@code item}, or null. */
    private static int[] range(ObjectFields item) {
        Integer start = clock(item, "start", "00:00 to 23:59", 1439);
        Integer end = clock(item, "end", "00:01 to 24:00", 1440);
        if (start == null || end == null) {
            return null;
        }
        if (end <= start) {
            item.errors().add(item.path("end"), "must be after start (" + item.path("start") + " is "
                    + DailyHours.clock(start) + ")");
            return null;
        }
        return new int[] {start, end};
    }

    /**
     * A weekly window item {@code {"day": "MON".."SUN", "start": "HH:MM", "end": "HH:MM"}}
     * (its other fields are the caller's): null with each error recorded under the item's path.
     */
    public static WeeklyWindow weeklyWindow(ObjectFields item) {
        String day = item.oneOf("day", REQUIRED, WeeklyWindow.DAYS);
        int[] range = range(item);
        return day == null || range == null ? null : new WeeklyWindow(WeeklyWindow.day(day), range[0], range[1]);
    }

    /** A calendar date {@code YYYY-MM-DD} (years 1900 to 9998): null if absent or invalid (recorded). */
    public static LocalDate date(ObjectFields fields, String name, Presence presence) {
        String text = fields.text(name, presence, 32);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1900 || date.getYear() > 9998) {
                fields.errors().add(fields.path(name), "must be a date from 1900 to 9998, was \"" + Text.shorten(text) + "\"");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            fields.errors().add(fields.path(name), "must be a date \"YYYY-MM-DD\", was \"" + Text.shorten(text) + "\"");
            return null;
        }
    }

    private static Integer clock(ObjectFields hours, String name, String range, int max) {
        String text = hours.text(name, REQUIRED, 16);
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
    public static Optional<ZoneId> zone(ObjectFields fields, String name, Presence presence) {
        String text = fields.text(name, presence, 64);
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
