package io.slotpoll.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.time.TimeWindow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random calendars (single and recurring events in several zones, floating and all-day
 * events, exceptions, moved instances, tentative, cancelled and transparent ones) read by
 * {@link CalendarReader} and {@link FreeTime}, against a deliberately naive reference: every
 * instance expanded by hand with {@link ZonedDateTime} (local time kept across DST changes,
 * exact duration, as RFC 5545 says), then the poll's windows walked minute by minute.
 */
class CalendarPropertyTest {

    private static final int CASES = 2_000;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kathmandu"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/St_Johns"), ZoneId.of("UTC"));
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Around the EU and US spring changes and Lord Howe's autumn one (2027-03-14, 03-28, 04-04). */
    private static final LocalDate FIRST = LocalDate.of(2027, 3, 10);
    private static final int DAYS = 28;

    private enum Kind { BUSY, TENTATIVE, IGNORED }

    @Test
    void free_time_matches_a_minute_by_minute_reference() {
        Random random = new Random(20261202);
        int busyMinutes = 0;
        int tentativeMinutes = 0;
        for (int c = 0; c < CASES; c++) {
            ZoneId requestZone = ZONES.get(random.nextInt(ZONES.size()));
            List<TimeWindow> proposed = new ArrayList<>();
            for (int w = 1 + random.nextInt(3); w > 0; w--) {
                Instant start = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(15L * random.nextInt(DAYS * 96)));
                proposed.add(new TimeWindow(start, start.plus(Duration.ofMinutes(60L + 15L * random.nextInt(6 * 96)))));
            }
            StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//slotpoll//property//EN\r\n");
            TreeMap<Long, Kind> minutes = new TreeMap<>();
            for (int e = random.nextInt(9); e > 0; e--) {
                addEvent(random, e, requestZone, ics, minutes);
            }
            ics.append("END:VCALENDAR\r\n");
            Instant from = proposed.stream().map(TimeWindow::start).min(Instant::compareTo).orElseThrow();
            Instant to = proposed.stream().map(TimeWindow::end).max(Instant::compareTo).orElseThrow();
            List<FreeTime.Free> actual = FreeTime.of(proposed,
                    CalendarReader.read(ics.toString().getBytes(StandardCharsets.UTF_8), requestZone, from, to));
            List<String> expected = reference(proposed, minutes);
            assertThat(actual.stream().map(f -> f.window().start() + "/" + f.window().end() + (f.tentative() ? " ifneedbe" : " yes"))
                    .toList()).as("case %d in %s:%n%s", c, requestZone, ics).isEqualTo(expected);
            for (Kind k : minutes.values()) {
                busyMinutes += k == Kind.BUSY ? 1 : 0;
                tentativeMinutes += k == Kind.TENTATIVE ? 1 : 0;
            }
        }
        assertThat(busyMinutes).as("busy minutes generated").isGreaterThan(100_000);
        assertThat(tentativeMinutes).as("tentative minutes generated").isGreaterThan(10_000);
    }

    /** Writes one random event (maybe recurring, maybe with an exception and a moved instance) and marks its minutes. */
    private static void addEvent(Random random, int n, ZoneId requestZone, StringBuilder ics, Map<Long, Kind> minutes) {
        int style = random.nextInt(10); // 0-5 zoned, 6 UTC, 7-8 floating, 9 all-day
        ZoneId zone = style <= 5 ? ZONES.get(random.nextInt(ZONES.size())) : style == 6 ? ZoneOffset.UTC : requestZone;
        LocalDateTime localStart = FIRST.atStartOfDay().plusMinutes(5L * random.nextInt(DAYS * 288));
        int roll = random.nextInt(10);
        Kind kind = roll < 6 ? Kind.BUSY : roll < 8 ? Kind.TENTATIVE : Kind.IGNORED;
        String status = kind == Kind.TENTATIVE ? "TENTATIVE" : kind == Kind.IGNORED && random.nextBoolean() ? "CANCELLED" : "CONFIRMED";
        boolean transparent = kind == Kind.IGNORED && !status.equals("CANCELLED");
        int count = random.nextInt(3) == 0 ? 1 + random.nextInt(8) : 1;
        boolean weekly = random.nextBoolean();
        String uid = "e" + n + "-" + random.nextInt(1_000_000);
        ics.append("BEGIN:VEVENT\r\nUID:").append(uid).append("\r\nDTSTAMP:20270101T000000Z\r\n");
        List<ZonedDateTime> starts = new ArrayList<>();
        Duration length;
        if (style == 9) {
            LocalDate day = localStart.toLocalDate();
            int days = 1 + random.nextInt(2);
            ics.append("DTSTART;VALUE=DATE:").append(day.toString().replace("-", "")).append("\r\n")
                    .append("DTEND;VALUE=DATE:").append(day.plusDays(days).toString().replace("-", "")).append("\r\n");
            length = null;
            for (int k = 0; k < count; k++) {
                starts.add(day.plusDays(weekly ? 7L * k : k).atStartOfDay(requestZone));
            }
            markAllDay(starts, days, requestZone, ics, count, weekly, kind, minutes, status, transparent);
            return;
        }
        length = Duration.ofMinutes(5L + 5L * random.nextInt(48));
        ZonedDateTime first = localStart.atZone(zone);
        String tz = style <= 5 ? ";TZID=" + zone.getId() + ":" : ":";
        String startText = style == 6 ? UTC.format(first) : LOCAL.format(localStart);
        String endText = style == 6 ? UTC.format(first.plus(length)) : LOCAL.format(first.plus(length).toLocalDateTime());
        ics.append("DTSTART").append(tz).append(startText).append("\r\n").append("DTEND").append(tz).append(endText).append("\r\n");
        for (int k = 0; k < count; k++) {
            starts.add(ZonedDateTime.of(localStart.toLocalDate().plusDays(weekly ? 7L * k : k), localStart.toLocalTime(), zone));
        }
        if (count > 1) {
            ics.append("RRULE:FREQ=").append(weekly ? "WEEKLY" : "DAILY").append(";COUNT=").append(count).append("\r\n");
        }
        int excluded = count > 2 && random.nextBoolean() ? 1 : -1;
        if (excluded > 0) {
            ics.append("EXDATE").append(tz).append(style == 6 ? UTC.format(starts.get(excluded))
                    : LOCAL.format(starts.get(excluded).toLocalDateTime())).append("\r\n");
        }
        ics.append("STATUS:").append(status).append("\r\n");
        if (transparent) {
            ics.append("TRANSP:TRANSPARENT\r\n");
        }
        ics.append("END:VEVENT\r\n");
        int moved = count > 3 && random.nextBoolean() ? 3 : -1;
        for (int k = 0; k < count; k++) {
            if (k != excluded && k != moved) {
                mark(starts.get(k).toInstant(), starts.get(k).toInstant().plus(length), kind, minutes);
            }
        }
        if (moved > 0) {
            ZonedDateTime instead = starts.get(moved).plusMinutes(30);
            ics.append("BEGIN:VEVENT\r\nUID:").append(uid).append("\r\nDTSTAMP:20270101T000000Z\r\n")
                    .append("RECURRENCE-ID").append(tz).append(style == 6 ? UTC.format(starts.get(moved))
                            : LOCAL.format(starts.get(moved).toLocalDateTime())).append("\r\n")
                    .append("DTSTART").append(tz).append(style == 6 ? UTC.format(instead) : LOCAL.format(instead.toLocalDateTime()))
                    .append("\r\nDTEND").append(tz).append(style == 6 ? UTC.format(instead.plus(length))
                            : LOCAL.format(instead.plus(length).toLocalDateTime()))
                    .append("\r\nSTATUS:").append(status).append("\r\n").append(transparent ? "TRANSP:TRANSPARENT\r\n" : "")
                    .append("END:VEVENT\r\n");
            mark(instead.toInstant(), instead.toInstant().plus(length), kind, minutes);
        }
    }

    private static void markAllDay(List<ZonedDateTime> starts, int days, ZoneId zone, StringBuilder ics, int count,
            boolean weekly, Kind kind, Map<Long, Kind> minutes, String status, boolean transparent) {
        if (count > 1) {
            ics.append("RRULE:FREQ=").append(weekly ? "WEEKLY" : "DAILY").append(";COUNT=").append(count).append("\r\n");
        }
        ics.append("STATUS:").append(status).append("\r\n").append(transparent ? "TRANSP:TRANSPARENT\r\n" : "").append("END:VEVENT\r\n");
        for (ZonedDateTime start : starts) {
            mark(start.toInstant(), start.toLocalDate().plusDays(days).atStartOfDay(zone).toInstant(), kind, minutes);
        }
    }

    private static void mark(Instant start, Instant end, Kind kind, Map<Long, Kind> minutes) {
        if (kind == Kind.IGNORED) {
            return;
        }
        for (long m = start.getEpochSecond() / 60; m < end.getEpochSecond() / 60; m++) {
            Kind before = minutes.get(m);
            if (before == null || (before == Kind.TENTATIVE && kind == Kind.BUSY)) {
                minutes.put(m, kind);
            }
        }
    }

    /** Each minute of the proposed windows: busy ones dropped, tentative ones "ifneedbe", the rest "yes"; then runs. */
    private static List<String> reference(List<TimeWindow> proposed, Map<Long, Kind> minutes) {
        TreeMap<Long, Boolean> free = new TreeMap<>();
        for (TimeWindow w : proposed) {
            for (long m = w.start().getEpochSecond() / 60; m < w.end().getEpochSecond() / 60; m++) {
                Kind k = minutes.get(m);
                if (k != Kind.BUSY) {
                    free.put(m, k == Kind.TENTATIVE);
                }
            }
        }
        List<String> runs = new ArrayList<>();
        Long runStart = null;
        long previous = 0;
        boolean tentative = false;
        for (var e : free.entrySet()) {
            if (runStart != null && (e.getKey() != previous + 1 || e.getValue() != tentative)) {
                runs.add(run(runStart, previous + 1, tentative));
                runStart = null;
            }
            if (runStart == null) {
                runStart = e.getKey();
                tentative = e.getValue();
            }
            previous = e.getKey();
        }
        if (runStart != null) {
            runs.add(run(runStart, previous + 1, tentative));
        }
        return runs;
    }

    private static String run(long start, long end, boolean tentative) {
        return Instant.ofEpochSecond(start * 60) + "/" + Instant.ofEpochSecond(end * 60) + (tentative ? " ifneedbe" : " yes");
    }
}
