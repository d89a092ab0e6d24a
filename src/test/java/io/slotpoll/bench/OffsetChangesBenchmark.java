package io.slotpoll.bench;

import io.slotpoll.time.FirstWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: what a weekly poll's ranking adds to a dates poll's, run by
 * {@code -Dbench=weekly} only. The ranking itself is the dates poll's (the first week's
 * instants go through the same matcher); the addition is {@code offsetChanges} for the
 * returned slots: 10 slots x 1,000 participants x 26 weeks, in zones with and without DST.
 */
@EnabledIfSystemProperty(named = "bench", matches = "weekly")
class OffsetChangesBenchmark {

    @Test
    void offset_changes_of_ten_slots_for_a_thousand_people() {
        List<ZoneId> zones = List.of(ZoneId.of("Europe/London"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Sydney"),
                ZoneId.of("America/Santiago"), ZoneId.of("Asia/Tokyo"));
        FirstWeek week = FirstWeek.of(LocalDate.of(2027, 3, 8), ZoneId.of("America/New_York"));
        long best = Long.MAX_VALUE;
        int changes = 0;
        for (int run = 0; run < 30; run++) {
            long started = System.nanoTime();
            changes = 0;
            for (int slot = 0; slot < 10; slot++) {
                Instant start = week.start().plusSeconds(3600L * (10 + slot * 13));
                for (int p = 0; p < 1000; p++) {
                    changes += week.localChanges(start, zones.get(p % zones.size())).size();
                }
            }
            best = Math.min(best, System.nanoTime() - started);
        }
        System.out.printf("offsetChanges for 10 slots x 1000 participants x 26 weeks: best of 30 runs %.1f ms (%d changes)%n",
                best / 1e6, changes);
    }
}
