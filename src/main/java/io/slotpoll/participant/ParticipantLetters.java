package io.slotpoll.participant;

import io.slotpoll.event.Event;
import io.slotpoll.event.EventLinks;
import io.slotpoll.event.EventRepository;
import io.slotpoll.event.Organizer;
import io.slotpoll.mail.Body;
import io.slotpoll.mail.Composer;
import io.slotpoll.mail.Letter;
import io.slotpoll.mail.MailText;
import io.slotpoll.mail.Mailer;
import io.slotpoll.mail.Outbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The mails participants' answers cause, queued in the answer's transaction: a
 * participant's own edit link on join; to the organiser, one mail per answer
 * ({@code notify: each}) or one digest per period ({@code digest}, written when it comes
 * due, listing who answered or changed since it was queued), and once, the mail that every
 * required participant has answered.
 */
public final class ParticipantLetters {

    /** The outbox kind of a digest, which {@link #digestComposer} writes when due. */
    public static final String DIGEST = "digest";

    private final Mailer mailer;
    private final EventRepository events;
    private final ParticipantRepository participants;
    private final EventLinks links;

    public ParticipantLetters(Mailer mailer, EventRepository events, ParticipantRepository participants,
            EventLinks links) {
        this.mailer = mailer;
        this.events = events;
        this.participants = participants;
        this.links = links;
    }

    void joined(DSLContext tx, Event event, Participant p, String to, String language, String editToken) {
        Body body = new Body()
                .paragraph(MailText.get(language, "hello", "name", p.name()))
                .paragraph(MailText.get(language, "joined.saved", "title", event.title()))
                .link(MailText.get(language, "joined.edit"), links.edit(event.id(), p.id(), editToken));
        mailer.queue(tx, "joined", mailer.about(language, event.id(), to,
                MailText.get(language, "joined.subject", "title", event.title()), body, Optional.empty()));
    }

    /** {@code p} answered ({@code joined}: for the first time): the organiser hears as they chose. */
    void answered(DSLContext tx, Event event, Organizer organizer, Participant p, boolean joined) {
        if (!mailer.isOn() || organizer.email().isEmpty()) {
            return;
        }
        String to = organizer.email().get();
        switch (organizer.notification()) {
            case EACH -> {
                String lang = organizer.language();
                String what = joined ? "answer.new" : "answer.changed";
                Body body = new Body()
                        .paragraph(MailText.get(lang, what, "name", p.name(), "title", event.title()))
                        .link(MailText.get(lang, "seeAnswers"), links.participate(event.id()));
                mailer.queue(tx, "answer", mailer.about(lang, event.id(), to,
                        MailText.get(lang, what + ".subject", "name", p.name(), "title", event.title()), body, Optional.empty()));
            }
            case DIGEST -> mailer.queueDigest(tx, event.id(), DIGEST, to);
            case OFF -> {
            }
        }
    }

    /**
     * After any participant write: once, when the event has required participants, each of
     * them has answered and the event still takes answers, the organiser hears so.
     */
    void checkEveryoneAnswered(DSLContext tx, Event event, Organizer organizer, Instant now) {
        if (!mailer.isOn() || organizer.email().isEmpty() || organizer.notification() == Organizer.Notify.OFF
                || organizer.everyoneAnsweredQueued() || !event.acceptsAnswers(now)
                || !participants.everyRequiredAnswered(tx, event.id())) {
            return;
        }
        events.markEveryoneAnswered(tx, event.id(), now);
        String lang = organizer.language();
        Body body = new Body()
                .paragraph(MailText.get(lang, "everyone.text", "title", event.title()))
                .paragraph(MailText.get(lang, "everyone.pick"))
                .link(MailText.get(lang, "everyone.ranked"), links.participate(event.id()));
        mailer.queue(tx, "everyone", mailer.about(lang, event.id(), organizer.email().get(),
                MailText.get(lang, "everyone.subject", "title", event.title()), body, Optional.empty()));
    }

    /**
     * Writes a due digest: who answered or changed since it was queued. Nothing when the
     * event is gone, the organiser's address changed, they chose another way to hear, or
     * nobody is left to report.
     */
    public Composer digestComposer() {
        return (DSLContext dsl, Outbox.Row row) -> {
            String eventId = row.eventId().orElseThrow();
            Optional<Event> event = events.find(dsl, eventId);
            Optional<Organizer> organizer = events.organizer(dsl, eventId);
            if (event.isEmpty() || organizer.isEmpty() || !organizer.get().email().equals(Optional.of(row.recipient()))
                    || organizer.get().notification() != Organizer.Notify.DIGEST) {
                return Optional.empty();
            }
            List<ParticipantRepository.Answered> answered = participants.answeredSince(dsl, eventId,
                    Instant.parse(row.payload()));
            if (answered.isEmpty()) {
                return Optional.empty();
            }
            String title = event.get().title();
            String lang = organizer.get().language();
            Body body = new Body().paragraph(MailText.get(lang, "digest.intro", "count", answered.size(), "title", title));
            body.paragraph(MailText.list(lang, answered.stream()
                    .map(a -> a.joined() ? a.name() : MailText.get(lang, "digest.changed", "name", a.name())).toList()));
            body.link(MailText.get(lang, "seeAnswers"), links.participate(eventId));
            Letter letter = mailer.about(lang, eventId, row.recipient(),
                    MailText.get(lang, "digest.subject", "count", answered.size(), "title", title), body, Optional.empty());
            return Optional.of(letter);
        };
    }
}
