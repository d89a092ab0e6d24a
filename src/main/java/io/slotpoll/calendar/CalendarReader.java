package io.slotpoll.calendar;

import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import io.slotpoll.text.Text;
import io.slotpoll.time.TimeWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VFreeBusy;

/**
 * Reads an iCalendar file (ical4j 4.4.0, relaxed parsing, see {@code ical4j.properties}) into
 * the busy and tentative time that falls in a span of interest.
 *
 * <ul>
 *   <li>Busy: every {@code VEVENT} unless {@code TRANSP:TRANSPARENT} or {@code STATUS:CANCELLED},
 *       and {@code VFREEBUSY} periods of type {@code BUSY} or {@code BUSY-UNAVAILABLE}; tentative:
 *       {@code STATUS:TENTATIVE} events and {@code BUSY-TENTATIVE} periods.</li>
 *   <li>Recurrences ({@code RRULE}, {@code RDATE}, {@code EXDATE}) are expanded by ical4j, only
 *       inside the span (plus a day each side), and an instance that a {@code RECURRENCE-ID}
 *       override replaces (or cancels) is dropped in favour of the override. At most
 *       {@link #INSTANCES_MAX} instances, and a rule whose expansion could take more than
 *       {@link #ITERATIONS_MAX} steps (every minute for a year) is refused before it is expanded.</li>
 *   <li>Zones: a {@code TZID} defined by the file's own {@code VTIMEZONE} wins; else an IANA name;
 *       else a Windows name (Outlook, Exchange) mapped to IANA by CLDR's windowsZones table; else
 *       the request's zone. Floating times and all-day ({@code DATE}) values are read in the
 *       request's zone (an all-day event blocks whole local days). Nothing depends on the JVM's
 *       default zone: every local value is placed in an explicit zone.</li>
 * </ul>
 * Real exports break the rules in small ways; {@link ReadableLines} leaves out each value that
 * cannot be read (and an event that cannot be placed or expanded), reads the rest, and
 * reports what it left out in {@link BusyTime#skipped}, at most {@link #SKIPPED_MAX}. Only a file
 * that is not iCalendar, that ical4j cannot parse at all, or in which nothing can be read is
 * a 422 {@code calendar-invalid}; so is one past the expansion limits.
 */
public final class CalendarReader {

    /** The most event instances one file may expand to inside the span. */
    public static final int INSTANCES_MAX = 100_000;

    /** The most entries {@link BusyTime#skipped} lists. */
    public static final int SKIPPED_MAX = 100;

    /** What the reader left out: the line of the unfolded file (1-based), the property, and why. */
    public record Skipped(int line, String property, String reason) {
    }

    /**
     * Busy and tentative time, each a list of windows in no particular order (they may
     * overlap), and what could not be read, in file order (at most {@link #SKIPPED_MAX}).
     */
    public record BusyTime(List<TimeWindow> busy, List<TimeWindow> tentative, List<Skipped> skipped) {
    }

    private static final Map<String, String> WINDOWS_ZONES = windowsZones();
    private static final Pattern TZID_PARAM = Pattern.compile(";TZID=(\"?)([^\";:]+)\\1", Pattern.CASE_INSENSITIVE);
    private static final Pattern TZID_PROPERTY = Pattern.compile("(?m)^TZID:(.+?)\\r?$", Pattern.CASE_INSENSITIVE);

    private CalendarReader() {
    }

    /** The busy and tentative time of {@code ics} within {@code [from, to)}, local values read in {@code zone}. */
    public static BusyTime read(byte[] ics, ZoneId zone, Instant from, Instant to) {
        String text = unfold(new String(ics, StandardCharsets.UTF_8));
        if (!text.toUpperCase(Locale.ROOT).contains("BEGIN:VCALENDAR")) {
            throw invalid("it is not an iCalendar file (no BEGIN:VCALENDAR)");
        }
        ReadableLines.Result readable = ReadableLines.of(text);
        List<Skipped> skipped = new ArrayList<>(readable.skipped());
        if (readable.readableEntries() == 0 && !skipped.isEmpty()) {
            throw invalid("nothing in it can be read (line " + skipped.getFirst().line() + ", "
                    + skipped.getFirst().property() + ": " + skipped.getFirst().reason() + ")");
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(resolveZoneNames(readable.text(), zone)));
        } catch (ParserException e) {
            throw invalid("it cannot be parsed at line " + e.getLineNo() + ": " + Text.shorten(String.valueOf(e.getMessage())));
        } catch (IOException | RuntimeException e) {
            throw invalid("it cannot be parsed: " + Text.shorten(String.valueOf(e.getMessage())));
        } catch (StackOverflowError e) {
            throw invalid("its components are nested too deeply");
        }
        ZonedDateTime spanStart = from.minus(1, ChronoUnit.DAYS).atZone(ZoneOffset.UTC);
        ZonedDateTime spanEnd = to.plus(1, ChronoUnit.DAYS).atZone(ZoneOffset.UTC);
        Period<ZonedDateTime> span = new Period<>(spanStart, spanEnd);

        List<VEvent> events = new ArrayList<>();
        Map<String, Set<Instant>> replaced = new HashMap<>();
        for (CalendarComponent component : calendar.getComponents()) {
            if (component instanceof VEvent event) {
                events.add(event);
                Optional<Property> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
                if (recurrenceId.isPresent()) {
                    Instant at = instant(temporal(recurrenceId.get()), zone);
                    replaced.computeIfAbsent(uid(event), k -> new HashSet<>()).add(at);
                }
            }
        }
        List<TimeWindow> busy = new ArrayList<>();
        List<TimeWindow> tentative = new ArrayList<>();
        int instances = 0;
        for (VEvent event : events) {
            String status = value(event, Property.STATUS).toUpperCase(Locale.ROOT);
            if (status.equals("CANCELLED") || value(event, Property.TRANSP).equalsIgnoreCase("TRANSPARENT")) {
                continue;
            }
            Set<Period<Temporal>> periods;
            try {
                refuseRunawayRules(event, zone, from, to);
                periods = event.calculateRecurrenceSet(span);
            } catch (ProblemException e) {
                throw e;
            } catch (RuntimeException e) {
                skipped.add(new Skipped(lineOf(text, event), "VEVENT", "the event cannot be placed or expanded, so it was "
                        + "left out: " + Text.shorten(String.valueOf(e.getMessage()))));
                continue;
            }
            boolean override = event.getProperty(Property.RECURRENCE_ID).isPresent();
            Set<Instant> skip = new HashSet<>(override ? Set.of() : replaced.getOrDefault(uid(event), Set.of()));
            Set<LocalDate> skipDays = new HashSet<>();
            excluded(event, zone, skip, skipDays);
            List<TimeWindow> into = status.equals("TENTATIVE") ? tentative : busy;
            for (Period<Temporal> period : periods) {
                if (++instances > INSTANCES_MAX) {
                    throw invalid("it expands to more than " + INSTANCES_MAX + " event instances in the poll's span");
                }
                Instant start = instant(period.getStart(), zone);
                Instant end = instant(period.getEnd(), zone);
                if (period.getStart() instanceof LocalDate && !end.isAfter(start)) {
                    end = ((LocalDate) period.getStart()).plusDays(1).atStartOfDay(zone).toInstant();
                }
                if (skip.contains(start) || skipDays.contains(start.atZone(zone).toLocalDate()) || !end.isAfter(start)
                        || !end.isAfter(from) || !start.isBefore(to)) {
                    continue;
                }
                into.add(new TimeWindow(start, end));
            }
        }
        for (CalendarComponent component : calendar.getComponents()) {
            if (component instanceof VFreeBusy freeBusy) {
                instances += readFreeBusy(freeBusy, busy, tentative, from, to);
                if (instances > INSTANCES_MAX) {
                    throw invalid("it holds more than " + INSTANCES_MAX + " busy periods in the poll's span");
                }
            }
        }
        skipped.sort(java.util.Comparator.comparingInt(Skipped::line));
        return new BusyTime(busy, tentative, List.copyOf(skipped.subList(0, Math.min(SKIPPED_MAX, skipped.size()))));
    }

    /**
     * The instances {@code EXDATE} removes, as instants, whatever form each value has: ical4j
     * matches an exception only to an instance of the same kind of value, so Exchange's and
     * DAVx5's UTC exceptions of a zoned series ({@code EXDATE:20190310T233000Z} beside
     * {@code DTSTART;TZID=Europe/Berlin:...}) would stay busy. A {@code DATE} exception of a
     * timed series (which RFC 5545 does not allow, and some apps write) removes that local day's
     * instances.
     */
    private static void excluded(VEvent event, ZoneId zone, Set<Instant> instants, Set<LocalDate> days) {
        for (Property property : event.getProperties(Property.EXDATE)) {
            if (property instanceof net.fortuna.ical4j.model.property.ExDate<?> exDate) {
                for (Object value : exDate.getDates()) {
                    if (value instanceof LocalDate day) {
                        days.add(day);
                    } else if (value instanceof Temporal t) {
                        instants.add(instant(t, zone));
                    }
                }
            }
        }
    }

    /** The line of the unfolded file where {@code event}'s UID is, or 1 if it has none to find. */
    private static int lineOf(String text, VEvent event) {
        String uid = uid(event);
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!uid.isEmpty() && lines[i].regionMatches(true, 0, "UID:", 0, 4) && lines[i].substring(4).trim().equals(uid)) {
                return i + 1;
            }
        }
        return 1;
    }

    /** FREEBUSY values are UTC periods, "start/end" or "start/duration", comma separated. */
    private static int readFreeBusy(VFreeBusy freeBusy, List<TimeWindow> busy, List<TimeWindow> tentative, Instant from,
            Instant to) {
        int periods = 0;
        for (Property property : freeBusy.getProperties(Property.FREEBUSY)) {
            String type = property.getParameter(Parameter.FBTYPE).map(Parameter::getValue).orElse("BUSY")
                    .toUpperCase(Locale.ROOT);
            if (type.equals("FREE")) {
                continue;
            }
            for (String item : property.getValue().split(",", -1)) {
                Instant[] period = ReadableLines.busyPeriod(item);
                if (period == null) {
                    continue; // ReadableLines left out every such period and reported it
                }
                periods++;
                Instant start = period[0];
                Instant end = period[1];
                if (end.isAfter(start) && end.isAfter(from) && start.isBefore(to)) {
                    (type.equals("BUSY-TENTATIVE") ? tentative : busy).add(new TimeWindow(start, end));
                }
            }
        }
        return periods;
    }


    /** Rule iterations a single event may cost, counted from its start to the span's end. */
    static final long ITERATIONS_MAX = 2_000_000;

    /**
     * Refuses, before ical4j expands it, a rule whose candidate instances from its start to
     * the span's end could pass {@link #ITERATIONS_MAX}: the periods of its frequency times
     * every {@code BY...} list it multiplies by (bounded by {@code COUNT}). "Every minute" or
     * "daily at every hour and minute" would otherwise cost seconds and memory to expand.
     */
    private static void refuseRunawayRules(VEvent event, ZoneId zone, Instant from, Instant to) {
        Optional<Property> start = event.getProperty(Property.DTSTART);
        Instant first = start.map(p -> instant(temporal(p), zone)).filter(i -> i.isBefore(from)).orElse(from);
        for (Property property : event.getProperties(Property.RRULE)) {
            if (!(property instanceof net.fortuna.ical4j.model.property.RRule<?> rule)) {
                continue;
            }
            net.fortuna.ical4j.model.Recur<?> recur = rule.getRecur();
            if (recur == null || recur.getFrequency() == null) {
                throw invalid("event " + Text.shorten(uid(event)) + " has a recurrence rule without FREQ");
            }
            long unit = switch (recur.getFrequency()) {
                case SECONDLY -> 1;
                case MINUTELY -> 60;
                case HOURLY -> 3_600;
                case DAILY -> 86_400;
                case WEEKLY -> 604_800;
                case MONTHLY -> 2_419_200;
                case YEARLY -> 31_536_000;
            };
            long periods = Duration.between(first, to).plusDays(2).toSeconds() / (unit * Math.max(1, recur.getInterval())) + 1;
            long estimate = periods;
            for (List<?> list : List.of(recur.getSecondList(), recur.getMinuteList(), recur.getHourList(), recur.getDayList(),
                    recur.getMonthDayList(), recur.getYearDayList(), recur.getWeekNoList(), recur.getMonthList())) {
                try {
                    estimate = Math.multiplyExact(estimate, Math.max(1, list.size()));
                } catch (ArithmeticException e) {
                    estimate = Long.MAX_VALUE;
                }
            }
            if (recur.getCount() > 0) {
                estimate = Math.min(estimate, recur.getCount());
            }
            if (estimate > ITERATIONS_MAX) {
                throw invalid("event " + Text.shorten(uid(event)) + " has a recurrence rule that would take more than "
                        + ITERATIONS_MAX + " steps to expand up to the poll's end (" + Text.shorten(property.getValue()) + ")");
            }
        }
    }

    /**
     * Resolves every {@code TZID} before ical4j reads the file. A name that is (or ends in) an
     * IANA zone is that zone, by the JDK's rules, and the file's own {@code VTIMEZONE} of that
     * name is left out: exporters write partial definitions (iCalcreator's cover only the
     * years around the export, so a 2017 event in "Europe/Berlin" fell an hour off), and every
     * calendar app we compared reads an IANA name as the IANA zone. Any other name uses the
     * file's {@code VTIMEZONE} if it defines one (Apple's misspelt "America/New_Yrok",
     * Exchange's "GMT +0100 (Standard) / GMT +0200 (Daylight)"), else its CLDR IANA zone if it
     * is a Windows name, else the request's zone. {@code UTC} becomes {@code Etc/UTC}, which
     * ical4j's relaxed parser does not mistake for a floating time.
     */
    static String resolveZoneNames(String text, ZoneId zone) {
        String kept = withoutIanaDefinitions(text);
        Set<String> defined = new HashSet<>();
        Matcher definitions = TZID_PROPERTY.matcher(kept);
        while (definitions.find()) {
            defined.add(definitions.group(1).trim());
        }
        Matcher params = TZID_PARAM.matcher(kept);
        StringBuilder out = new StringBuilder(kept.length());
        while (params.find()) {
            String name = params.group(2).trim();
            String resolved = iana(name).orElse(defined.contains(name) ? name
                    : Optional.ofNullable(WINDOWS_ZONES.get(name)).orElse(zone.getId()));
            if (resolved.equals("UTC")) {
                resolved = "Etc/UTC"; // ical4j's relaxed parsing reads TZID=UTC as a floating time
            }
            params.appendReplacement(out, Matcher.quoteReplacement(";TZID=" + (resolved.equals(name)
                    ? params.group(1) + name + params.group(1) : resolved)));
        }
        params.appendTail(out);
        return out.toString();
    }

    /** {@code text} without the {@code VTIMEZONE} components whose {@code TZID} names an IANA zone. */
    private static String withoutIanaDefinitions(String text) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        StringBuilder out = new StringBuilder(text.length());
        List<String> block = null;
        boolean iana = false;
        for (String line : lines) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (block == null && upper.startsWith("BEGIN:VTIMEZONE")) {
                block = new ArrayList<>();
                iana = false;
            }
            if (block == null) {
                out.append(line).append("\r\n");
                continue;
            }
            block.add(line);
            if (upper.startsWith("TZID:") && iana(line.substring(5).trim()).isPresent()) {
                iana = true;
            }
            if (upper.startsWith("END:VTIMEZONE")) {
                if (!iana) {
                    block.forEach(l -> out.append(l).append("\r\n"));
                }
                block = null;
            }
        }
        if (block != null) {
            block.forEach(l -> out.append(l).append("\r\n"));
        }
        return out.toString();
    }

    /**
     * An IANA zone name as given; or one at the end of a longer name, as old Thunderbird
     * exports write them ({@code /mozilla.org/20050126_1/Europe/Berlin}); or the IANA zone of
     * a Windows zone name.
     */
    static Optional<String> ianaOrWindows(String name) {
        return iana(name).or(() -> Optional.ofNullable(WINDOWS_ZONES.get(name)));
    }

    /** An IANA zone name as given, or one at the end of a longer name. */
    private static Optional<String> iana(String name) {
        for (int from = 0; from >= 0 && from < name.length(); from = name.indexOf('/', from) + 1) {
            String candidate = name.substring(from);
            if (candidate.contains("/") || candidate.equals("UTC")) {
                try {
                    return Optional.of(ZoneId.of(candidate).getId());
                } catch (DateTimeException e) {
                    // not IANA from here: try from the next segment
                }
            }
            if (name.indexOf('/', from) < 0) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Temporal temporal(Property property) {
        if (property instanceof net.fortuna.ical4j.model.property.DateProperty<?> date) {
            return date.getDate();
        }
        throw invalid(property.getName() + " is not a date");
    }

    /** A period bound as an instant: zoned values as they are, floating and all-day values in {@code zone}. */
    private static Instant instant(Temporal t, ZoneId zone) {
        return switch (t) {
            case ZonedDateTime z -> z.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            case Instant i -> i;
            case LocalDateTime l -> l.atZone(zone).toInstant();
            case LocalDate d -> d.atStartOfDay(zone).toInstant();
            default -> throw invalid("a date of an unexpected kind: " + t);
        };
    }

    private static String uid(Component component) {
        return value(component, Property.UID);
    }

    private static String value(Component component, String name) {
        return component.getProperty(name).map(Property::getValue).orElse("");
    }

    private static String unfold(String text) {
        return text.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "").replace("\n\t", "");
    }

    static ProblemException invalid(String why) {
        return new ProblemException(ProblemType.CALENDAR_INVALID, "the calendar cannot be used: " + why);
    }

    private static Map<String, String> windowsZones() {
        Properties table = new Properties();
        try (InputStream in = CalendarReader.class.getResourceAsStream("/calendar/windows-zones.properties")) {
            if (in == null) {
                throw new IllegalStateException("calendar/windows-zones.properties is missing from the jar");
            }
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new HashMap<>();
        table.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return Map.copyOf(map);
    }
}
