package io.slotpoll.event;

import io.slotpoll.calendar.FinalMeeting;
import io.slotpoll.calendar.IcsWriter;
import io.slotpoll.mail.Body;
import io.slotpoll.mail.Letter;
import io.slotpoll.mail.Mailer;
import io.slotpoll.mail.Sender;
import io.slotpoll.time.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The mails an event's own changes cause, queued in the change's transaction: the
 * organiser's links on create, and to every participant with an address the final time
 * when it is picked or moved ({@code METHOD:REQUEST}) and its cancellation when it is
 * un-picked or the final event deleted ({@code METHOD:CANCEL}, SEQUENCE one more, as the feed
 * has it). Times are in the recipient's zone, with the zone named.
 */
final class EventLetters {

    private final Mailer mailer;
    private final EventRepository events;
    private final EventLinks links;

    EventLetters(Mailer mailer, EventRepository events, EventLinks links) {
        this.mailer = mailer;
        this.events = events;
        this.links = links;
    }

    EventLinks links() {
        return links;
    }

    void created(DSLContext tx, Event event, String to, String adminToken) {
        Body body = new Body()
                .paragraph("Your poll \u201c" + event.title() + "\u201d is ready.")
                .link("Share this link with the people you invite", links.participate(event.id()))
                .link("Manage the poll (keep this link to yourself: it holds your admin token)",
                        links.manage(event.id(), adminToken));
        mailer.queue(tx, "created", mailer.about(event.id(), to, "Your poll: " + event.title(), body, Optional.empty()));
    }

    /** The final time was picked ({@code moved} false) or moved: a REQUEST to every participant with an address. */
    void picked(DSLContext tx, Event event, boolean moved) {
        if (!mailer.isOn()) {
            return;
        }
        FinalMeeting meeting = links.meeting(event);
        String ics = IcsWriter.invitation(meeting, IcsWriter.Status.CONFIRMED, mailer.from(), event.updatedAt());
        for (EventRepository.Recipient r : events.recipients(tx, event.id())) {
            String when = spoken(meeting, r.timezone());
            Body body = new Body()
                    .paragraph("Hello " + r.name() + ",")
                    .paragraph((moved ? "The meeting \u201c" + event.title() + "\u201d has moved to "
                            : "The time for \u201c" + event.title() + "\u201d is picked: ") + when + ".")
                    .paragraph("The attached invitation adds it to your calendar.")
                    .link("The poll", links.participate(event.id()));
            mailer.queue(tx, moved ? "moved" : "picked", mailer.about(event.id(), r.email(),
                    (moved ? "Moved: " : "Picked: ") + event.title() + ", " + when, body,
                    Optional.of(new Letter.Attachment(ics, "REQUEST"))));
        }
    }

    /**
     * The final time {@code meeting} no longer holds: un-picked ({@code deleted} false) or
     * the event deleted. A CANCEL to every participant with an address.
     */
    void cancelled(DSLContext tx, Event event, FinalMeeting meeting, boolean deleted, Instant now) {
        if (!mailer.isOn()) {
            return;
        }
        String ics = IcsWriter.invitation(meeting, IcsWriter.Status.CANCELLED, mailer.from(), now);
        for (EventRepository.Recipient r : events.recipients(tx, event.id())) {
            String when = spoken(meeting, r.timezone());
            Body body = new Body()
                    .paragraph("Hello " + r.name() + ",")
                    .paragraph("The meeting \u201c" + event.title() + "\u201d at " + when + " is cancelled"
                            + (deleted ? ": the organiser deleted the poll." : "; the organiser may pick another time."))
                    .paragraph("The attached cancellation removes it from your calendar.");
            if (!deleted) {
                body.link("The poll", links.participate(event.id()));
            }
            mailer.queue(tx, deleted ? Sender.FORGET_AFTER_SENDING : "unpicked", mailer.about(event.id(), r.email(),
                    "Cancelled: " + event.title() + ", " + when, body,
                    Optional.of(new Letter.Attachment(ics, "CANCEL"))));
        }
    }

    private static String spoken(FinalMeeting meeting, ZoneId zone) {
        return Times.spoken(meeting.start(), meeting.end(), zone);
    }
}
