package io.slotpoll.calendar;

import io.slotpoll.text.Text;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;

/**
 * The readable part of an unfolded iCalendar text, before ical4j sees it: real exports break
 * the rules in small ways (an empty {@code RRULE:}, a trailing comma in an {@code EXDATE} list,
 * {@code DTEND} beside {@code DURATION}), and ical4j then either refuses the whole file or drops
 * a whole property silently. Here each date, duration, period and rule value is checked on its
 * own; a list keeps its readable items; a property left with nothing readable is left out; an
 * event left without a readable {@code DTSTART} is left out whole; where a component has both
 * {@code DTEND} and {@code DURATION}, {@code DURATION} goes ({@code DTEND} is what the apps that
 * write both show). Every such cut is reported as a {@link CalendarReader.Skipped} with the line number of the
 * unfolded file as sent (1-based, blank lines counted).
 */
final class ReadableLines {

    /** The text that remains (CRLF lines), what was left out, and how many events and free/busy periods remain. */
    record Result(String text, List<CalendarReader.Skipped> skipped, int readableEntries) {
    }

    private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9-]+\\.)?([A-Za-z0-9-]+)");
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{8}T\\d{6}Z?");
    private static final Pattern DURATION = Pattern.compile("[+-]?P(?:\\d+W|(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?(?:\\d+S)?)?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKS = Pattern.compile("P(\\d+)W", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter BASIC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC);

    /** Unreadable list items quoted in one reason; the rest are counted. */
    private static final int SHOWN_MAX = 3;

    private ReadableLines() {
    }

    /** One content line: its number in the unfolded file, its text, and whether it stays. */
    private static final class Line {
        final int number;
        final String text;
        final String name;
        boolean kept = true;

        Line(int number, String text, String name) {
            this.number = number;
            this.text = text;
            this.name = name;
        }
    }

    /** One open component: its BEGIN line and the lines that decide DTSTART, DTEND and DURATION. */
    private static final class Open {
        final String name;
        final Line begin;
        Line start;
        Line end;
        boolean named;
        final List<Line> durations = new ArrayList<>();

        Open(String name, Line begin) {
            this.name = name;
            this.begin = begin;
        }
    }

    static Result of(String unfolded) {
        List<Line> lines = new ArrayList<>();
        List<CalendarReader.Skipped> skipped = new ArrayList<>();
        List<Open> open = new ArrayList<>();
        int readable = 0;
        String[] raw = unfolded.split("\r\n|\n|\r", -1);
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i];
            if (text.isBlank()) {
                continue;
            }
            Matcher m = NAME.matcher(text);
            String name = m.find() ? m.group(2).toUpperCase(Locale.ROOT) : "";
            Line line = new Line(i + 1, text, name);
            lines.add(line);
            String value = value(text);
            switch (name) {
                case "BEGIN" -> open.add(new Open(value.trim().toUpperCase(Locale.ROOT), line));
                case "END" -> {
                    if (!open.isEmpty()) {
                        Open closed = open.removeLast();
                        readable += close(closed, lines, skipped);
                    }
                }
                case "RRULE", "EXRULE" -> check(line, ruleProblem(value), skipped);
                case "TZID" -> {
                    if (!open.isEmpty() && !value.isBlank()) {
                        open.getLast().named = true;
                    }
                }
                case "DTSTART", "DTEND", "RECURRENCE-ID", "DUE" -> {
                    check(line, dateProblem(value, text), skipped);
                    if (line.kept && !open.isEmpty()) {
                        Open current = open.getLast();
                        if (name.equals("DTSTART")) {
                            current.start = line;
                        } else if (name.equals("DTEND")) {
                            current.end = line;
                        }
                    }
                }
                case "DURATION" -> {
                    check(line, durationProblem(value.trim()), skipped);
                    if (line.kept && !open.isEmpty()) {
                        open.getLast().durations.add(line);
                    }
                }
                case "EXDATE", "RDATE" -> lines.set(lines.size() - 1, list(line, value, skipped));
                case "FREEBUSY" -> {
                    Line kept = freeBusy(line, value, skipped);
                    lines.set(lines.size() - 1, kept);
                    readable += kept.kept ? 1 : 0;
                }
                default -> {
                }
            }
        }
        StringBuilder out = new StringBuilder(unfolded.length());
        for (Line line : lines) {
            if (line.kept) {
                out.append(line.text).append("\r\n");
            }
        }
        return new Result(out.toString(), List.copyOf(skipped), readable);
    }

    /** At a component's END: an event without a readable start goes whole; DURATION beside DTEND goes. Counts events. */
    private static int close(Open closed, List<Line> lines, List<CalendarReader.Skipped> skipped) {
        if (closed.name.equals("VEVENT") && closed.start == null) {
            leaveOut(closed, lines);
            skipped.add(new CalendarReader.Skipped(closed.begin.number, "VEVENT", "the event has no readable DTSTART, so it was left out"));
            return 0;
        }
        if (closed.name.equals("VTIMEZONE") && !closed.named) {
            leaveOut(closed, lines);
            skipped.add(new CalendarReader.Skipped(closed.begin.number, "VTIMEZONE", "the time zone has no TZID, so it was left out"));
            return 0;
        }
        if (closed.end != null) {
            for (Line duration : closed.durations) {
                duration.kept = false;
            }
        }
        return closed.name.equals("VEVENT") ? 1 : 0;
    }

    /** Leaves out a component from its BEGIN line to the last line read (its END). */
    private static void leaveOut(Open closed, List<Line> lines) {
        for (int i = lines.indexOf(closed.begin); i < lines.size(); i++) {
            lines.get(i).kept = false;
        }
    }

    private static void check(Line line, String problem, List<CalendarReader.Skipped> skipped) {
        if (problem != null) {
            line.kept = false;
            skipped.add(new CalendarReader.Skipped(line.number, line.name, problem));
        }
    }

    /** The value after the first colon outside quotes (parameter values may hold colons inside quotes). */
    private static String value(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return text.substring(i + 1);
            }
        }
        return "";
    }

    private static String head(String text) {
        return text.substring(0, text.length() - value(text).length());
    }

    private static String ruleProblem(String value) {
        if (value.isBlank()) {
            return "the recurrence rule is empty";
        }
        try {
            Recur<?> recur = new Recur<>(value.trim());
            if (recur.getFrequency() == null) {
                return "the recurrence rule has no FREQ";
            }
            return null;
        } catch (RuntimeException e) {
            return "the recurrence rule cannot be read: " + Text.shorten(String.valueOf(e.getMessage()));
        }
    }

    private static String dateProblem(String value, String text) {
        String v = value.trim();
        return readableDate(v, dateOnly(text)) ? null : "the date " + quote(v) + " cannot be read";
    }

    /** Whether a property line says its values are dates ({@code VALUE=DATE}, not {@code VALUE=DATE-TIME}). */
    private static boolean dateOnly(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.contains("VALUE=DATE") && !upper.contains("VALUE=DATE-TIME");
    }

    private static boolean readableDate(String v, boolean dateOnly) {
        try {
            if (DATE.matcher(v).matches()) {
                LocalDate.parse(v, BASIC_DATE);
                return true;
            }
            if (!dateOnly && DATE_TIME.matcher(v).matches()) {
                LocalDateTime.parse(v.endsWith("Z") || v.endsWith("z") ? v.substring(0, v.length() - 1) : v, BASIC_DATE_TIME);
                return true;
            }
        } catch (DateTimeException e) {
            return false;
        }
        return false;
    }

    private static String durationProblem(String v) {
        return v.isEmpty() || !DURATION.matcher(v).matches() || v.equalsIgnoreCase("P") || v.toUpperCase(Locale.ROOT).endsWith("T")
                ? "the duration " + quote(v) + " cannot be read" : null;
    }

    /** An EXDATE or RDATE list keeps its readable items (dates, date-times, or periods for RDATE). */
    private static Line list(Line line, String value, List<CalendarReader.Skipped> skipped) {
        boolean dateOnly = dateOnly(line.text);
        boolean periods = line.text.toUpperCase(Locale.ROOT).contains("VALUE=PERIOD");
        List<String> good = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String v = item.trim();
            boolean ok = periods ? readablePeriod(v) : readableDate(v, dateOnly);
            (ok ? good : bad).add(v);
        }
        return keepItems(line, good, bad, skipped);
    }

    private static boolean readablePeriod(String v) {
        String[] parts = v.split("/", -1);
        return parts.length == 2 && readableDate(parts[0], false)
                && (readableDate(parts[1], false) || durationProblem(parts[1]) == null);
    }

    /** FREEBUSY keeps the periods that read as a UTC start and a later end or a duration (see {@link #busyPeriod}). */
    private static Line freeBusy(Line line, String value, List<CalendarReader.Skipped> skipped) {
        List<String> good = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String v = item.trim();
            (busyPeriod(v) != null ? good : bad).add(v);
        }
        return keepItems(line, good, bad, skipped);
    }

    private static Line keepItems(Line line, List<String> good, List<String> bad, List<CalendarReader.Skipped> skipped) {
        if (bad.isEmpty()) {
            return line;
        }
        List<String> shown = bad.stream().limit(SHOWN_MAX).map(ReadableLines::quote).toList();
        String what = bad.size() == 1 ? "the value " + shown.getFirst() : "the values " + String.join(", ", shown)
                + (bad.size() > SHOWN_MAX ? " and " + (bad.size() - SHOWN_MAX) + " more" : "");
        if (good.isEmpty()) {
            line.kept = false;
            skipped.add(new CalendarReader.Skipped(line.number, line.name, what + " cannot be read, so the property was left out"));
            return line;
        }
        skipped.add(new CalendarReader.Skipped(line.number, line.name, what + " cannot be read; the other "
                + good.size() + (good.size() == 1 ? " value was" : " values were") + " used"));
        return new Line(line.number, head(line.text) + String.join(",", good), line.name);
    }

    /** A FREEBUSY period, "start/end" or "start/duration" in UTC, as two instants; null if it cannot be read. */
    static Instant[] busyPeriod(String item) {
        String[] parts = item.trim().split("/", 2);
        if (parts.length != 2) {
            return null;
        }
        try {
            Instant start = UTC_STAMP.parse(parts[0].trim(), Instant::from);
            String second = parts[1].trim();
            Instant end = second.toUpperCase(Locale.ROOT).startsWith("P") || second.startsWith("+P")
                    ? start.plus(duration(second)) : UTC_STAMP.parse(second, Instant::from);
            return new Instant[] {start, end};
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** An iCalendar duration ("PT1H30M", "P1D", "P2W"). */
    static Duration duration(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        Matcher weeks = WEEKS.matcher(t);
        if (weeks.matches()) {
            return Duration.ofDays(Math.multiplyExact(7L, Long.parseLong(weeks.group(1))));
        }
        return Duration.parse(t);
    }

    private static String quote(String v) {
        return "\"" + Text.shorten(v) + "\"";
    }
}
