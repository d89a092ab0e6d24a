package io.slotpoll.event;

import io.slotpoll.calendar.FinalMeeting;
import io.slotpoll.calendar.IcsWriter;
import io.slotpoll.mail.Body;
import io.slotpoll.mail.Letter;
import io.slotpoll.mail.MailText;
import io.slotpoll.mail.Mailer;
import io.slotpoll.mail.Sender;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The mails an event's own changes cause, queued in the change's transaction: the
 * organiser's links on create, and to every participant with an address the final time
 * when it is picked or moved ({@code METHOD:REQUEST}) and its cancellation when it is
 * un-picked or the final event deleted ({@code METHOD:CANCEL}, SEQUENCE one more, as the feed
 * has it). Each in the recipient's language, times in their zone with the zone named.
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

    void created(DSLContext tx, Event event, String to, String language, String adminToken) {
        String title = event.title();
        Body body = new Body()
                .paragraph(MailText.get(language, "created.ready", "title", title))
                .link(MailText.get(language, "created.share"), links.participate(event.id()))
                .link(MailText.get(language, "created.manage"), links.manage(event.id(), adminToken));
        mailer.queue(tx, "created", mailer.about(language, event.id(), to, MailText.get(language, "created.subject", "title", title),
                body, Optional.empty()));
    }

    /** The final time was picked ({@code moved} false) or moved: a REQUEST to every participant with an address. */
    void picked(DSLContext tx, Event event, boolean moved) {
        if (!mailer.isOn()) {
            return;
        }
        FinalMeeting meeting = links.meeting(event);
        String ics = IcsWriter.invitation(meeting, IcsWriter.Status.CONFIRMED, mailer.from(), event.updatedAt());
        for (EventRepository.Recipient r : events.recipients(tx, event.id())) {
            String lang = r.language();
            String when = spoken(lang, meeting, r.timezone());
            String kind = moved ? "moved" : "picked";
            Body body = new Body()
                    .paragraph(MailText.get(lang, "hello", "name", r.name()))
                    .paragraph(MailText.get(lang, kind + ".text", "title", event.title(), "when", when))
                    .paragraph(MailText.get(lang, "invitation"))
                    .link(MailText.get(lang, "poll"), links.participate(event.id()));
            mailer.queue(tx, kind, mailer.about(lang, event.id(), r.email(),
                    MailText.get(lang, kind + ".subject", "title", event.title(), "when", when), body,
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
            String lang = r.language();
            String when = spoken(lang, meeting, r.timezone());
            Body body = new Body()
                    .paragraph(MailText.get(lang, "hello", "name", r.name()))
                    .paragraph(MailText.get(lang, deleted ? "cancelled.deleted" : "cancelled.unpicked",
                            "title", event.title(), "when", when))
                    .paragraph(MailText.get(lang, "cancellation"));
            if (!deleted) {
                body.link(MailText.get(lang, "poll"), links.participate(event.id()));
            }
            mailer.queue(tx, deleted ? Sender.FORGET_AFTER_SENDING : "unpicked", mailer.about(lang, event.id(), r.email(),
                    MailText.get(lang, "cancelled.subject", "title", event.title(), "when", when), body,
                    Optional.of(new Letter.Attachment(ics, "CANCEL"))));
        }
    }

    private static String spoken(String language, FinalMeeting meeting, ZoneId zone) {
        return MailText.when(language, meeting.start(), meeting.end(), zone);
    }
}
