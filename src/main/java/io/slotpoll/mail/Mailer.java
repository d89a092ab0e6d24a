package io.slotpoll.mail;

import io.slotpoll.auth.Secrets;
import io.slotpoll.problem.FieldError;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import java.net.IDN;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * What features see of mail: whether it is on, and queueing a letter in the caller's
 * transaction (so it is sent exactly when the change commits). A letter about an event gets
 * that event's stop link (in its {@code List-Unsubscribe} header and as a page link the
 * features put in the body). Off, every call that would store an address is a 422
 * {@code email-off} and nothing is queued.
 */
public final class Mailer {

    private record On(String from, String baseUrl, Outbox outbox, StopLinks stops, Clock clock, Duration digest) {
    }

    private final Optional<On> on;

    private Mailer(Optional<On> on) {
        this.on = on;
    }

    public static Mailer off() {
        return new Mailer(Optional.empty());
    }

    /**
     * Mail on: letters from {@code from}, links under {@code baseUrl}, composed letters
     * (digests) due {@code digest} after the first change they report.
     */
    public static Mailer on(String from, String baseUrl, Outbox outbox, StopLinks stops, Clock clock, Duration digest) {
        return new Mailer(Optional.of(new On(from, baseUrl, outbox, stops, clock, digest)));
    }

    public boolean isOn() {
        return on.isPresent();
    }

    /** 422 {@code email-off} naming {@code field}, unless mail is on. */
    public void requireOn(String field) {
        if (on.isEmpty()) {
            throw new ProblemException(ProblemType.EMAIL_OFF, "this slotpoll sends no mail (SMTP_URL or SES_REGION and"
                    + " MAIL_FROM are not set), so " + field + " cannot be stored; leave it out",
                    List.of(new FieldError(field, "mail is off on this service")));
        }
    }

    /** Queues {@code letter}, due now, in the caller's transaction; nothing when mail is off. */
    public void queue(DSLContext tx, String kind, Letter letter) {
        if (on.isEmpty()) {
            return;
        }
        On o = on.get();
        Instant now = now(o);
        String messageId = messageId(o);
        o.outbox().enqueue(tx, letter.eventId(), kind, letter.to(), mime(letter, messageId, now), messageId, now, now);
    }

    /**
     * Queues a letter of {@code kind} to {@code recipient} about {@code eventId} that the
     * sender composes when it comes due, {@code NOTIFY_DIGEST_MINUTES} from now, unless one is
     * already waiting (then that one will report this change too). Its payload is the
     * instant from which it reports.
     */
    public void queueDigest(DSLContext tx, String eventId, String kind, String recipient) {
        if (on.isEmpty()) {
            return;
        }
        On o = on.get();
        if (o.outbox().hasUntaken(tx, eventId, kind, recipient)) {
            return;
        }
        Instant now = now(o);
        o.outbox().enqueue(tx, Optional.of(eventId), kind, recipient, now.toString(), messageId(o), now,
                now.plus(o.digest()));
    }

    /**
     * Queues a letter about no event that the sender composes when it comes due, which is
     * now (link recovery: the lookup and the code wait for the sender, so the request costs
     * the same whether or not the address is known); {@code payload} is what the composer needs
     * (for recovery, the language to write in).
     */
    public void queueComposed(DSLContext tx, String kind, String recipient, String payload) {
        if (on.isEmpty()) {
            return;
        }
        On o = on.get();
        Instant now = now(o);
        o.outbox().enqueue(tx, Optional.empty(), kind, recipient, payload, messageId(o), now, now);
    }

    /** The event is gone: its queued mail is cancelled and its outbox rows keep no address. */
    public void forgetEvent(DSLContext tx, String eventId) {
        on.ifPresent(o -> o.outbox().forgetEvent(tx, eventId));
    }

    /** {@code address} left {@code eventId}: its queued mail there is cancelled and its rows keep no address. */
    public void forgetAddress(DSLContext tx, String eventId, String address) {
        on.ifPresent(o -> o.outbox().forgetAddress(tx, eventId, address));
    }

    /** The sender address ({@code MAIL_FROM}); mail must be on. */
    public String from() {
        return on.orElseThrow().from();
    }

    /**
     * A letter about {@code eventId} in {@code language}: the body, then the line that says why
     * the mail came and the link that stops this event's mail to {@code to}.
     */
    public Letter about(String language, String eventId, String to, String subject, Body body,
            Optional<Letter.Attachment> calendar) {
        body.paragraph(MailText.get(language, "footer")).link(MailText.get(language, "stop"), stopPage(eventId, to));
        return new Letter(to, subject, body.text(), body.html(), calendar, Optional.of(eventId));
    }

    /** A letter about no event (link recovery answers the person's own request). */
    public Letter personal(String to, String subject, Body body) {
        return new Letter(to, subject, body.text(), body.html(), Optional.empty(), Optional.empty());
    }

    /** The page that stops {@code address}'s mail from {@code eventId}. */
    public String stopPage(String eventId, String address) {
        On o = on.orElseThrow();
        return o.baseUrl() + "/stop#" + o.stops().token(eventId, address);
    }

    /** The complete message for {@code letter}, with its Message-ID and date. */
    String mime(Letter letter, String messageId, Instant date) {
        On o = on.orElseThrow();
        Optional<String> unsubscribe = letter.eventId()
                .map(id -> o.baseUrl() + "/api/v1/mail-stop/" + o.stops().token(id, letter.to()));
        return MimeLetters.build(letter, o.from(), messageId, unsubscribe, date);
    }

    /** Records a stop from a link's token; false when it names no event. */
    boolean stop(DSLContext dsl, String token, Instant now) {
        return on.orElseThrow().stops().stop(dsl, token, now);
    }

    boolean stopped(DSLContext dsl, String eventId, String address) {
        return on.orElseThrow().stops().stopped(dsl, eventId, address);
    }

    private static String messageId(On o) {
        String domain = IDN.toASCII(o.from().substring(o.from().lastIndexOf('@') + 1));
        return "<" + Secrets.newId() + "@" + domain + ">";
    }

    private static Instant now(On o) {
        return o.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
