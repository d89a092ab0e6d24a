package io.slotpoll.participant;

import io.slotpoll.event.Event;
import io.slotpoll.event.EventLinks;
import io.slotpoll.event.EventRepository;
import io.slotpoll.event.Organizer;
import io.slotpoll.mail.Body;
import io.slotpoll.mail.Composer;
import io.slotpoll.mail.Letter;
import io.slotpoll.mail.Mailer;
import io.slotpoll.mail.Outbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
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

    void joined(DSLContext tx, Event event, Participant p, String to, String editToken) {
        Body body = new Body()
                .paragraph("Hello " + p.name() + ",")
                .paragraph("your answer to \u201c" + event.title() + "\u201d is saved.")
                .link("Change your answer later (keep this link to yourself: it holds your edit token)",
                        links.edit(event.id(), p.id(), editToken));
        mailer.queue(tx, "joined", mailer.about(event.id(), to, "Your answer: " + event.title(), body, Optional.empty()));
    }

    /** {@code p} answered ({@code joined}: for the first time): the organiser hears as they chose. */
    void answered(DSLContext tx, Event event, Organizer organizer, Participant p, boolean joined) {
        if (!mailer.isOn() || organizer.email().isEmpty()) {
            return;
        }
        String to = organizer.email().get();
        switch (organizer.notification()) {
            case EACH -> {
                Body body = new Body()
                        .paragraph(p.name() + (joined ? " answered" : " changed their answer") + " in \u201c"
                                + event.title() + "\u201d.")
                        .link("See the answers", links.participate(event.id()));
                mailer.queue(tx, "answer", mailer.about(event.id(), to, (joined ? "New answer: " : "Changed answer: ")
                        + p.name() + ", " + event.title(), body, Optional.empty()));
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
        Body body = new Body()
                .paragraph("Everyone you marked required has answered \u201c" + event.title() + "\u201d.")
                .paragraph("You can pick the time now.")
                .link("See the ranked times", links.participate(event.id()));
        mailer.queue(tx, "everyone", mailer.about(event.id(), organizer.email().get(),
                "Everyone answered: " + event.title(), body, Optional.empty()));
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
            Body body = new Body().paragraph(count(answered.size()) + " in \u201c" + title + "\u201d:");
            body.paragraph(answered.stream().map(a -> a.name() + (a.joined() ? "" : " (changed)"))
                    .collect(Collectors.joining(", ")));
            body.link("See the answers", links.participate(eventId));
            Letter letter = mailer.about(eventId, row.recipient(), count(answered.size()) + ": " + title, body,
                    Optional.empty());
            return Optional.of(letter);
        };
    }

    private static String count(int n) {
        return n == 1 ? "1 new answer" : n + " new answers";
    }
}
