package io.slotpoll.calendar;

import io.slotpoll.text.Text;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * The final meeting as an iCalendar file: {@code VERSION:2.0}, {@code PRODID},
 * {@code METHOD:PUBLISH} and one {@code VEVENT} with {@code UID:{id}@slotpoll}, {@code DTSTAMP},
 * {@code DTSTART}/{@code DTEND} in UTC, {@code SEQUENCE}, {@code SUMMARY}, {@code DESCRIPTION}
 * (the description, then the participate link), {@code URL} and {@code STATUS:CONFIRMED}.
 * ical4j escapes text and ends lines with CRLF; {@link #fold} folds them at 75 octets (ical4j
 * counts UTF-16 chars, which lets a line of accented text reach 149 octets). Stored text
 * passes {@link Text#printableLine}/{@link Text#printableText} first, so no control
 * character reaches the file (ical4j writes a lone CR as it is, and a reader takes it for a
 * line end: a description could otherwise add properties or events). Its iTIP
 * validation is off: RFC 5546 wants an ORGANIZER for METHOD:PUBLISH, which a poll has no
 * address for, and the contract fixes the properties; FinalApiTest parses the file back.
 */
public final class IcsWriter {

    static final String PRODID = "-//slotpoll//slotpoll 1.1//EN";

    private IcsWriter() {
    }

    /** RFC 5545 3.1: a content line is at most 75 octets, not counting its CRLF. */
    static final int LINE_OCTETS_MAX = 75;

    /** ical4j's own folding, pushed past any line we write, so that {@link #fold} alone folds. */
    private static final int NO_FOLDING = Integer.MAX_VALUE / 2;

    /** A meeting's state in a calendar. */
    public enum Status { CONFIRMED, CANCELLED }

    /** What an event's subscription feed holds: its name, and the meeting (confirmed or cancelled), if any. */
    public record Feed(String title, Optional<FinalMeeting> meeting, Status status) {
    }

    /** The calendar file of the final meeting ({@code calendar.ics}). */
    public static String write(FinalMeeting meeting, Instant stamp) {
        Calendar calendar = calendar(ImmutableMethod.PUBLISH);
        addZone(calendar, meeting);
        calendar.add(vevent(meeting, Status.CONFIRMED, stamp));
        return output(calendar, meeting.eventId());
    }

    /**
     * The subscription feed ({@code feed.ics}): {@code METHOD:PUBLISH}, the calendar's name
     * ({@code NAME} and {@code X-WR-CALNAME}), {@code REFRESH-INTERVAL} and
     * {@code X-PUBLISHED-TTL} of an hour, and the feed's meeting if it has one.
     */
    public static String feed(String eventId, Feed feed, Instant stamp) {
        Calendar calendar = calendar(ImmutableMethod.PUBLISH);
        String name = Text.printableLine(feed.title());
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), Duration.ofHours(1)));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        feed.meeting().ifPresent(meeting -> {
            addZone(calendar, meeting);
            calendar.add(vevent(meeting, feed.status(), stamp));
        });
        return output(calendar, eventId);
    }

    /**
     * The invitation attached to a mail: {@code METHOD:REQUEST} with the meeting confirmed, or
     * {@code METHOD:CANCEL} with it cancelled; the same UID and SEQUENCE as {@code calendar.ics}
     * and the feed, and the sender as {@code ORGANIZER}, which RFC 5546 asks of both methods.
     */
    public static String invitation(FinalMeeting meeting, Status status, String organizer, Instant stamp) {
        Calendar calendar = calendar(status == Status.CONFIRMED ? ImmutableMethod.REQUEST : ImmutableMethod.CANCEL);
        addZone(calendar, meeting);
        VEvent event = vevent(meeting, status, stamp);
        event.add(new Organizer(URI.create("mailto:" + organizer)));
        calendar.add(event);
        return output(calendar, meeting.eventId());
    }

    private static Calendar calendar(Method method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(method);
        return calendar;
    }

    private static VEvent vevent(FinalMeeting meeting, Status status, Instant stamp) {
        VEvent event = meeting.weekly()
                ? new VEvent(meeting.start().atZone(meeting.weeklyIn()), meeting.end().atZone(meeting.weeklyIn()),
                        Text.printableLine(meeting.title()))
                : new VEvent(meeting.start(), meeting.end(), Text.printableLine(meeting.title()));
        if (meeting.weekly()) {
            event.add(new RRule<>(Frequency.WEEKLY));
        }
        event.replace(new DtStamp(stamp));
        event.add(new Uid(meeting.eventId() + "@slotpoll"));
        event.add(new Sequence(meeting.sequence()));
        String description = meeting.description() == null || meeting.description().isBlank()
                ? meeting.participateUrl()
                : Text.printableText(meeting.description()) + "\n\n" + meeting.participateUrl();
        event.add(new Description(description));
        event.add(new Url(URI.create(meeting.participateUrl())));
        event.add(status == Status.CONFIRMED ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_CANCELLED);
        return event;
    }

    /** A weekly meeting's calendar holds its zone's VTIMEZONE (ical4j's zone data), which DTSTART;TZID names. */
    private static void addZone(Calendar calendar, FinalMeeting meeting) {
        if (meeting.weekly()) {
            calendar.add(TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(meeting.weeklyIn().getId())
                    .getVTimeZone());
        }
    }

    private static String output(Calendar calendar, String eventId) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false, NO_FOLDING).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the calendar file", e);
        } catch (ValidationException e) {
            throw new IllegalStateException("the calendar file of event " + eventId + " is not valid", e);
        }
        return fold(out.toString());
    }

    /**
     * Folds every CRLF-ended line of {@code unfolded} so that no line is longer than
     * {@link #LINE_OCTETS_MAX} octets of UTF-8: a continuation starts with one space, which
     * counts. A line breaks only between code points, never inside a UTF-8 sequence.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int c = line.codePointAt(i);
                int size = utf8Octets(c);
                if (octets + size > LINE_OCTETS_MAX) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(c);
                octets += size;
                i += Character.charCount(c);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static int utf8Octets(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
