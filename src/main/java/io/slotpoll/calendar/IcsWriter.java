package io.slotpoll.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * The final meeting as an iCalendar file: {@code VERSION:2.0}, {@code PRODID},
 * {@code METHOD:PUBLISH} and one {@code VEVENT} with {@code UID:{id}@slotpoll}, {@code DTSTAMP},
 * {@code DTSTART}/{@code DTEND} in UTC, {@code SEQUENCE}, {@code SUMMARY}, {@code DESCRIPTION}
 * (the description, then the participate link), {@code URL} and {@code STATUS:CONFIRMED}.
 * ical4j folds lines at 75 octets, escapes text and ends lines with CRLF. Its iTIP
 * validation is off: RFC 5546 wants an ORGANIZER for METHOD:PUBLISH, which a poll has no
 * address for, and the contract fixes the properties; FinalApiTest parses the file back.
 */
public final class IcsWriter {

    static final String PRODID = "-//slotpoll//slotpoll 1.1//EN";

    private IcsWriter() {
    }

    public static String write(FinalMeeting meeting, Instant stamp) {
        VEvent event = new VEvent(meeting.start(), meeting.end(), meeting.title());
        event.replace(new DtStamp(stamp));
        event.add(new Uid(meeting.eventId() + "@slotpoll"));
        event.add(new Sequence(meeting.sequence()));
        String description = meeting.description() == null || meeting.description().isBlank()
                ? meeting.participateUrl()
                : meeting.description() + "\n\n" + meeting.participateUrl();
        event.add(new Description(description));
        event.add(new Url(URI.create(meeting.participateUrl())));
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the calendar file", e);
        } catch (ValidationException e) {
            throw new IllegalStateException("the calendar file of event " + meeting.eventId() + " is not valid", e);
        }
        return out.toString();
    }
}
