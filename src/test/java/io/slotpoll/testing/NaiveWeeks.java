package io.slotpoll.testing;

import io.slotpoll.time.FirstWeek;
import io.slotpoll.time.WeeklyWindow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The deliberately naive reference of weekly polls that FirstWeekPropertyTest and
 * WeeklyContractTest hold the service to: minute by minute and week by week with
 * {@link ZonedDateTime}, sharing no code with {@link FirstWeek}'s conversion.
 */
public final class NaiveWeeks {

    private NaiveWeeks() {
    }

    /** Every minute of the first week whose local weekday and time in {@code zone} lie in one of {@code windows}. */
    public static SortedSet<Instant> minutes(FirstWeek week, List<WeeklyWindow> windows, ZoneId zone) {
        SortedSet<Instant> minutes = new TreeSet<>();
        for (Instant t = week.start(); t.isBefore(week.end()); t = t.plus(1, ChronoUnit.MINUTES)) {
            ZonedDateTime local = t.atZone(zone);
            int minute = local.getHour() * 60 + local.getMinute();
            for (WeeklyWindow w : windows) {
                if (local.getDayOfWeek() == w.day() && minute >= w.startMinute() && minute < w.endMinute()) {
                    minutes.add(t);
                }
            }
        }
        return minutes;
    }

    /**
     * The event's local start, week by week with ZonedDateTime for 26 weeks (a repeated hour
     * read at its earlier offset, a skipped one moved on; the first occurrence is the slot as
     * ranked), as seen in {@code zone}: where it differs from the week before.
     */
    public static List<FirstWeek.LocalChange> changes(Instant slot, ZoneId eventZone, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(slot, eventZone);
        List<FirstWeek.LocalChange> changes = new ArrayList<>();
        LocalTime before = null;
        for (int week = 0; week < 26; week++) {
            ZonedDateTime there = (week == 0 ? slot.atZone(eventZone) : ZonedDateTime.of(local.plusWeeks(week), eventZone))
                    .withZoneSameInstant(zone);
            if (before != null && !there.toLocalTime().equals(before)) {
                changes.add(new FirstWeek.LocalChange(there.toLocalDate(), there.toLocalTime()));
            }
            before = there.toLocalTime();
        }
        return changes;
    }
}
