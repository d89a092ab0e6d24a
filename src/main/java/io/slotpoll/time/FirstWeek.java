package io.slotpoll.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The concrete first week of a weekly poll: Monday 00:00 to the next Monday 00:00 in the
 * event's zone (a week that holds a DST change is an hour shorter or longer). Weekly windows
 * of any zone become UTC instants of this week: every instant of the week whose local
 * weekday and time in the window's zone lie in the window (read by that zone's real offsets:
 * a local time skipped by a gap has no instant, one repeated by an overlap has two). That is
 * the window on its weekday of the same calendar week in its own zone and, since it repeats
 * every week, a week before and a week after; what of the three falls inside the week is kept. So a window that falls before or
 * after the week moves into it by whole weeks of its own zone, and one that crosses the
 * week's edge is split there.
 */
public record FirstWeek(LocalDate monday, ZoneId eventZone) {

    /** The Monday-based week of {@code date} in {@code eventZone}. */
    public static FirstWeek of(LocalDate date, ZoneId eventZone) {
        return new FirstWeek(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), eventZone);
    }

    public Instant start() {
        return monday.atStartOfDay(eventZone).toInstant();
    }

    public Instant end() {
        return monday.plusDays(7).atStartOfDay(eventZone).toInstant();
    }

    /** {@code window}, written in {@code zone}, as the sorted UTC pieces of it inside this week. */
    public List<TimeWindow> convert(WeeklyWindow window, ZoneId zone) {
        Instant weekStart = start();
        Instant weekEnd = end();
        List<TimeWindow> pieces = new ArrayList<>(2);
        for (int shift = -7; shift <= 7; shift += 7) {
            LocalDate date = monday.plusDays(window.day().getValue() - 1L + shift);
            for (TimeWindow w : local(date, window, zone)) {
                Instant from = w.start().isBefore(weekStart) ? weekStart : w.start();
                Instant to = w.end().isAfter(weekEnd) ? weekEnd : w.end();
                if (from.isBefore(to)) {
                    pieces.add(new TimeWindow(from, to));
                }
            }
        }
        pieces.sort(Comparator.comparing(TimeWindow::start));
        return pieces;
    }

    /** {@code window} in the event's own zone on its day of this week (two pieces if it spans a repeated hour). */
    public List<TimeWindow> own(WeeklyWindow window) {
        return local(monday.plusDays(window.day().getValue() - 1L), window, eventZone);
    }

    /** The instants whose local time in {@code zone} lies in {@code window}'s range on {@code date}. */
    private static List<TimeWindow> local(LocalDate date, WeeklyWindow window, ZoneId zone) {
        return span(date.atStartOfDay().plusMinutes(window.startMinute()),
                date.atStartOfDay().plusMinutes(window.endMinute()), zone);
    }

    /**
     * Every instant whose local time in {@code zone} is in {@code [from, to)}, as sorted UTC
     * windows: a local time skipped by a gap has no instant, and one repeated by an overlap
     * has two, so a range across a repeated hour can be two windows.
     */
    static List<TimeWindow> span(LocalDateTime from, LocalDateTime to, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant limit = to.plusDays(2).toInstant(ZoneOffset.UTC);
        Instant segment = from.minusDays(2).toInstant(ZoneOffset.UTC);
        List<TimeWindow> windows = new ArrayList<>(1);
        while (segment.isBefore(limit)) {
            ZoneOffsetTransition next = rules.nextTransition(segment);
            Instant segmentEnd = next == null || next.getInstant().isAfter(limit) ? limit : next.getInstant();
            ZoneOffset offset = rules.getOffset(segment);
            Instant a = from.toInstant(offset);
            Instant b = to.toInstant(offset);
            Instant s = a.isBefore(segment) ? segment : a;
            Instant e = b.isAfter(segmentEnd) ? segmentEnd : b;
            if (s.isBefore(e)) {
                TimeWindow last = windows.isEmpty() ? null : windows.getLast();
                if (last != null && !last.end().isBefore(s)) {
                    windows.set(windows.size() - 1, new TimeWindow(last.start(), e.isAfter(last.end()) ? e : last.end()));
                } else {
                    windows.add(new TimeWindow(s, e));
                }
            }
            segment = segmentEnd;
        }
        return windows;
    }

    /** How many weekly occurrences {@link #localChanges} looks at, the first included. */
    public static final int WEEKS_FOLLOWED = 26;

    /** A weekly occurrence whose local start differs from the week before's: its local date and new time. */
    public record LocalChange(LocalDate date, LocalTime time) {
    }

    /**
     * The weekly occurrences of a meeting starting at {@code start} (an instant of this week)
     * whose local time in {@code zone} differs from the week before, among the
     * {@link #WEEKS_FOLLOWED} from the first: each occurrence is the same local time in the
     * event's zone (read by that week's offset), as a weekly calendar entry in that zone has it.
     */
    public List<LocalChange> localChanges(Instant start, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(start, eventZone);
        List<LocalChange> changes = new ArrayList<>();
        LocalTime before = start.atZone(zone).toLocalTime();
        for (int week = 1; week < WEEKS_FOLLOWED; week++) {
            ZonedDateTime there = ZonedDateTime.ofLocal(local.plusWeeks(week), eventZone, null)
                    .withZoneSameInstant(zone);
            if (!there.toLocalTime().equals(before)) {
                changes.add(new LocalChange(there.toLocalDate(), there.toLocalTime()));
            }
            before = there.toLocalTime();
        }
        return changes;
    }

}
