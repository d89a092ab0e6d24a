package io.slotpoll.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LocalHours} against the contract's words applied minute by minute through
 * {@code ZonedDateTime} ({@link NaiveMatcher#inside}), near DST changes and midnights.
 */
class LocalHoursPropertyTest {

    private static final int CASES = 4_000;

    @Test
    void inside_starts_are_exactly_the_minutes_the_reference_accepts() {
        Random random = new Random(20261202);
        int insideSeen = 0;
        int outsideSeen = 0;
        for (int c = 0; c < CASES; c++) {
            ZoneId zone = ZonedCases.zone(random);
            long from = ZonedCases.nearSomethingHard(random, zone);
            long to = from + random.nextInt(600);
            int duration = 5 * (1 + random.nextInt(random.nextInt(4) == 0 ? 288 : 36));
            LocalHours hours = ZonedCases.hoursAround(random, zone, from + random.nextInt(300));

            List<Long> expected = new ArrayList<>();
            for (long t = from; t <= to; t++) {
                boolean inside = NaiveMatcher.inside(hours, t, t + duration);
                assertThat(hours.contains(t, t + duration)).as("case %d %s t=%d d=%d", c, hours, t, duration)
                        .isEqualTo(inside);
                if (inside) {
                    expected.add(t);
                }
            }
            List<Long> actual = new ArrayList<>();
            long[] previousLast = {Long.MIN_VALUE};
            hours.insideStarts(from, to, duration, (first, last) -> {
                assertThat(first).as("ranges ascend, disjoint and non-empty").isGreaterThan(previousLast[0]).isLessThanOrEqualTo(last);
                previousLast[0] = last;
                for (long t = first; t <= last; t++) {
                    actual.add(t);
                }
            });
            assertThat(actual).as("case %d %s from=%d to=%d d=%d", c, hours, from, to, duration).isEqualTo(expected);
            insideSeen += expected.size();
            outsideSeen += (int) (to - from + 1) - expected.size();
        }
        assertThat(insideSeen).as("the cases reach inside starts").isGreaterThan(100_000);
        assertThat(outsideSeen).as("the cases reach outside starts").isGreaterThan(100_000);
    }

    @Test
    void hours_to_24_00_take_a_slot_ending_at_the_next_local_midnight_and_no_later() {
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
        // 2026-03-10T00:00+05:45 is 2026-03-09T18:15Z.
        long midnight = java.time.LocalDate.of(2026, 3, 10).atStartOfDay(kathmandu).toEpochSecond() / 60;
        LocalHours lateShift = new LocalHours(kathmandu, 20 * 60, 1440);
        assertThat(lateShift.contains(midnight - 60, midnight)).isTrue();
        assertThat(lateShift.contains(midnight - 60, midnight + 5)).isFalse();
        assertThat(new LocalHours(kathmandu, 20 * 60, 23 * 60 + 59).contains(midnight - 60, midnight)).isFalse();
    }

    @Test
    void in_the_autumn_overlap_local_time_goes_back_so_a_later_instant_can_be_outside() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 2026-11-01: 01:59 EDT is followed by 01:00 EST; hours from 01:30 to 03:00.
        long firstOneThirty = java.time.ZonedDateTime.of(2026, 11, 1, 1, 30, 0, 0, newYork)
                .withEarlierOffsetAtOverlap().toEpochSecond() / 60;
        LocalHours hours = new LocalHours(newYork, 90, 180);
        assertThat(hours.contains(firstOneThirty, firstOneThirty + 30)).as("01:30 EDT to 01:00 EST").isTrue();
        assertThat(hours.contains(firstOneThirty + 30, firstOneThirty + 60)).as("01:00 EST starts before 01:30").isFalse();
        assertThat(hours.contains(firstOneThirty + 60, firstOneThirty + 90)).as("01:30 EST").isTrue();
    }

    @Test
    void rejects_empty_and_out_of_day_hours() {
        ZoneId utc = ZoneId.of("UTC");
        assertThatThrownBy(() -> new LocalHours(utc, 600, 600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalHours(utc, -1, 600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalHours(utc, 0, 1441)).isInstanceOf(IllegalArgumentException.class);
    }
}
