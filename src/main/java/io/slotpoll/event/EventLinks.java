package io.slotpoll.event;

import io.slotpoll.calendar.FinalMeeting;
import io.slotpoll.calendar.IcsWriter;
import io.slotpoll.time.TimeWindow;
import java.util.Optional;

/**
 * The URLs of an event under the configured public base URL: the pages (participate,
 * manage), the API resource, and for a final event its calendar file. Tokens appear only
 * after {@code #}, which browsers never send.
 */
public record EventLinks(String base) {

    public String participate(String eventId) {
        return base + "/e/" + eventId;
    }

    public String manage(String eventId, String adminToken) {
        return base + "/e/" + eventId + "/manage#admin=" + adminToken;
    }

    public String api(String eventId) {
        return base + "/api/v1/events/" + eventId;
    }

    public String calendar(String eventId) {
        return api(eventId) + "/calendar.ics";
    }

    /** A participant's page with their edit token: {@code {base}/e/{id}#edit={participantId}.{editToken}}. */
    public String edit(String eventId, String participantId, String editToken) {
        return base + "/e/" + eventId + "#edit=" + participantId + "." + editToken;
    }

    private static java.time.ZoneId weeklyIn(Event event) {
        return event.weekly() == null ? null : event.timezone();
    }

    /** What a calendar needs of {@code event}, which must be final. */
    public FinalMeeting meeting(Event event) {
        return new FinalMeeting(event.id(), event.title(), event.description(), event.finalSlot().start(),
                event.finalSlot().end(), event.finalSequence(), participate(event.id()), weeklyIn(event));
    }

    /**
     * What the event's calendar feed holds: the final meeting; or, after un-picking, that
     * meeting cancelled with its SEQUENCE one more; or nothing.
     */
    public IcsWriter.Feed feed(Event event) {
        if (event.finalSlot() != null) {
            return new IcsWriter.Feed(event.title(), Optional.of(meeting(event)), IcsWriter.Status.CONFIRMED);
        }
        if (event.cancelledSlot() != null && event.finalSequence() != null) {
            return new IcsWriter.Feed(event.title(), Optional.of(cancelled(event, event.cancelledSlot())),
                    IcsWriter.Status.CANCELLED);
        }
        return new IcsWriter.Feed(event.title(), Optional.empty(), IcsWriter.Status.CONFIRMED);
    }

    /**
     * The meeting at {@code slot} as its cancellation: the SEQUENCE of the event's last pick,
     * one more (the contract counts only PUTs for {@code calendar.ics}, so a pick after an
     * un-pick repeats this number; its newer DTSTAMP orders the two).
     */
    public FinalMeeting cancelled(Event event, TimeWindow slot) {
        return new FinalMeeting(event.id(), event.title(), event.description(), slot.start(), slot.end(),
                event.finalSequence() + 1, participate(event.id()), weeklyIn(event));
    }
}
