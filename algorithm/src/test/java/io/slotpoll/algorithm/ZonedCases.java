package io.slotpoll.algorithm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Random;

/**
 * Random instants where local hours are hard: just before an offset change (DST gaps and
 * overlaps, Lord Howe's half-hour shift, Apia's skipped day, Havana's and Santiago's changes
 * at midnight, Amsterdam's +00:19:32 of 1937) or a local midnight, in zones with 30- and
 * 45-minute offsets among others.
 */
final class ZonedCases {

    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("America/New_York"), ZoneId.of("Europe/London"), ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Chatham"), ZoneId.of("America/St_Johns"),
            ZoneId.of("America/Havana"), ZoneId.of("Pacific/Apia"), ZoneId.of("Europe/Amsterdam"),
            ZoneId.of("America/Santiago"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Africa/Casablanca"),
            ZoneId.of("UTC"));

    private static final int[] YEARS = {1937, 1971, 2011, 2024, 2026};

    private ZonedCases() {
    }

    static ZoneId zone(Random random) {
        return ZONES.get(random.nextInt(ZONES.size()));
    }

    /** An epoch minute up to five hours before a transition of {@code zone} or before one of its local midnights. */
    static long nearSomethingHard(Random random, ZoneId zone) {
        int year = YEARS[random.nextInt(YEARS.length)];
        LocalDate day = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
        if (random.nextInt(3) > 0) {
            ZoneOffsetTransition next = zone.getRules().nextTransition(day.atStartOfDay(zone).toInstant());
            if (next != null) {
                return Math.floorDiv(next.getInstant().getEpochSecond(), 60) - random.nextInt(300);
            }
        }
        return Math.floorDiv(day.plusDays(1).atStartOfDay(zone).toEpochSecond(), 60) - random.nextInt(300);
    }

    /** Hours around the local time of {@code near}, often ending at 24:00. */
    static LocalHours hoursAround(Random random, ZoneId zone, long near) {
        int pivot = Instant.ofEpochSecond(60 * near).atZone(zone).toLocalTime().toSecondOfDay() / 60;
        int start = Math.clamp(pivot - random.nextInt(150), 0, 1439);
        int end = random.nextInt(3) == 0 ? 1440 : Math.clamp(pivot + 1 + random.nextInt(300), start + 1, 1440);
        return new LocalHours(zone, start, end);
    }
}
