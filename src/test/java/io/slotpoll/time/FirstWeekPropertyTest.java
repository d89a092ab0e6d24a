package io.slotpoll.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.testing.NaiveWeeks;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Weekly windows against a deliberately naive reference: every minute of the first week,
 * converted with {@link ZonedDateTime}, is available exactly when its local weekday and time
 * in the participant's zone lie in one of their windows; and the offset changes of the 26
 * weeks are the weeks where the event's local start, converted week by week with
 * {@link ZonedDateTime}, shows another local time than the week before. Random cases over
 * zones with DST in both hemispheres, none, 30- and 45-minute offsets, Lord Howe's
 * half-hour shift, and Apia's skipped day (30 December 2011) and last DST (2021), with first
 * weeks around their changes, windows ending at 24:00 and windows that change weekday in UTC.
 */
class FirstWeekPropertyTest {

    static final List<String> ZONES = List.of("America/New_York", "Europe/London", "Australia/Sydney", "America/Santiago",
            "Asia/Kolkata", "Asia/Kathmandu", "Australia/Adelaide", "Pacific/Chatham", "Pacific/Apia", "Asia/Tokyo",
            "America/St_Johns", "Australia/Lord_Howe", "America/Los_Angeles", "UTC");

    /** First weeks: around DST changes of several zones, Apia's skipped day and its last DST, and plain weeks. */
    static final List<LocalDate> WEEKS = List.of(LocalDate.of(2027, 3, 14), LocalDate.of(2027, 11, 7),
            LocalDate.of(2027, 3, 28), LocalDate.of(2027, 10, 31), LocalDate.of(2027, 4, 4), LocalDate.of(2027, 10, 3),
            LocalDate.of(2027, 4, 3), LocalDate.of(2027, 9, 5), LocalDate.of(2027, 9, 26), LocalDate.of(2011, 12, 30),
            LocalDate.of(2021, 4, 4), LocalDate.of(2020, 9, 27), LocalDate.of(2027, 1, 13), LocalDate.of(2027, 6, 16),
            LocalDate.of(2027, 8, 9), LocalDate.of(2026, 12, 28));

    static final int CASES = 1500;

    /** A conversion of a weekly window to the first week's UTC pieces, as {@link FirstWeek#convert} does it. */
    interface Conversion {
        List<TimeWindow> convert(FirstWeek week, WeeklyWindow window, ZoneId zone);
    }

    /** The weeks a slot's local time moves, as {@link FirstWeek#localChanges} finds them. */
    interface Changes {
        List<FirstWeek.LocalChange> of(FirstWeek week, Instant slot, ZoneId zone);
    }

    /** What the random cases found: disagreements with the naive reference, and how many cases reached the hard parts. */
    record Findings(List<String> conversions, List<String> changes, int splitOrMoved, int withChanges) {
    }

    @Test
    void conversion_and_offset_changes_agree_with_the_naive_reference() {
        Findings found = check(FirstWeek::convert, FirstWeek::localChanges);
        assertThat(found.conversions()).isEmpty();
        assertThat(found.changes()).isEmpty();
        // the cases reach what they are for
        assertThat(found.splitOrMoved()).isGreaterThan(CASES / 20);
        assertThat(found.withChanges()).isGreaterThan(CASES / 10);
    }

    /**
     * The same cases fail a conversion an hour off: one that reads the whole week with the
     * offset of its Monday (an hour off after a change inside the week), and offset changes
     * that repeat the slot every 7 x 24 hours in UTC instead of at the event's local time.
     */
    @Test
    void an_hour_off_in_the_conversion_or_the_weeks_is_caught() {
        Conversion mondayOffset = (week, window, zone) -> {
            ZoneOffset offset = zone.getRules().getOffset(week.monday().atStartOfDay());
            Instant start = week.monday().plusDays(window.day().getValue() - 1L).atStartOfDay()
                    .plusMinutes(window.startMinute()).toInstant(offset);
            Instant end = start.plus(window.endMinute() - window.startMinute(), ChronoUnit.MINUTES);
            List<TimeWindow> pieces = new ArrayList<>();
            for (int shift = -7; shift <= 7; shift += 7) {
                Instant from = max(start.plus(shift, ChronoUnit.DAYS), week.start());
                Instant to = min(end.plus(shift, ChronoUnit.DAYS), week.end());
                if (from.isBefore(to)) {
                    pieces.add(new TimeWindow(from, to));
                }
            }
            return pieces;
        };
        Changes utcWeeks = (week, slot, zone) -> {
            List<FirstWeek.LocalChange> changes = new ArrayList<>();
            LocalTime before = slot.atZone(zone).toLocalTime();
            for (int w = 1; w < FirstWeek.WEEKS_FOLLOWED; w++) {
                ZonedDateTime there = slot.plus(7L * w, ChronoUnit.DAYS).atZone(zone);
                if (!there.toLocalTime().equals(before)) {
                    changes.add(new FirstWeek.LocalChange(there.toLocalDate(), there.toLocalTime()));
                }
                before = there.toLocalTime();
            }
            return changes;
        };
        Findings found = check(mondayOffset, utcWeeks);
        assertThat(found.conversions()).hasSizeGreaterThan(CASES / 50);
        assertThat(found.changes()).hasSizeGreaterThan(CASES / 20);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Findings check(Conversion conversion, Changes changesOf) {
        Random random = new Random(20261207L);
        List<String> badConversions = new ArrayList<>();
        List<String> badChanges = new ArrayList<>();
        int splitOrMoved = 0;
        int withChanges = 0;
        for (int c = 0; c < CASES; c++) {
            ZoneId eventZone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            LocalDate date = WEEKS.get(random.nextInt(WEEKS.size())).plusDays(random.nextInt(7) - 3);
            FirstWeek week = FirstWeek.of(date, eventZone);
            List<WeeklyWindow> windows = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                int start = random.nextInt(48) * 30;
                int end = random.nextInt(5) == 0 ? 1440 : Math.min(1440, start + 15 + random.nextInt(40) * 15);
                windows.add(new WeeklyWindow(DayOfWeek.of(1 + random.nextInt(7)), start, end));
            }
            String what = "case " + c + ": " + windows + " in " + zone + ", first week of " + date + " in " + eventZone;

            Set<Instant> converted = new TreeSet<>();
            for (WeeklyWindow w : windows) {
                List<TimeWindow> pieces = conversion.convert(week, w, zone);
                if (pieces.size() > 1 || pieces.stream().anyMatch(p -> !p.start().atZone(zone).getDayOfWeek().equals(w.day()))) {
                    splitOrMoved++;
                }
                for (TimeWindow p : pieces) {
                    for (Instant t = p.start(); t.isBefore(p.end()); t = t.plus(1, ChronoUnit.MINUTES)) {
                        converted.add(t);
                    }
                }
            }
            if (!converted.equals(NaiveWeeks.minutes(week, windows, zone))) {
                badConversions.add(what);
            }

            Instant slot = week.start().plus(random.nextInt((int) ChronoUnit.MINUTES.between(week.start(), week.end()) / 15)
                    * 15L, ChronoUnit.MINUTES);
            List<FirstWeek.LocalChange> changes = changesOf.of(week, slot, zone);
            if (!changes.isEmpty()) {
                withChanges++;
            }
            List<FirstWeek.LocalChange> expected = NaiveWeeks.changes(slot, eventZone, zone);
            if (!changes.equals(expected)) {
                badChanges.add(what + ", slot " + slot + ": " + changes + " instead of " + expected);
            }
        }
        return new Findings(badConversions, badChanges, splitOrMoved, withChanges);
    }
}
