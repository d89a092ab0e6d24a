package io.slotpoll.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's sender; every instance runs one. Each round claims due rows (a short
 * transaction), then for each, outside any transaction: skips it if its address stopped
 * the event's mail, drops it past a daily cap, composes it if it is a digest, sends it, and
 * marks it. A temporary failure is tried again after a backoff that doubles from 30 s to at
 * most an hour, with jitter, until the row is 25 hours old; a permanent one ends it. Logs
 * name the row and its event, never the address.
 */
public final class Sender {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

    /** Rows one round claims; a full round is followed at once by the next. */
    static final int BATCH = 20;
    /** How long a claimed row is held before another sender may take it (a send takes seconds). */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** Temporary failures are retried until a row is this old. */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(25);
    static final Duration BACKOFF_FIRST = Duration.ofSeconds(30);
    static final Duration BACKOFF_MAX = Duration.ofHours(1);

    /** The kind of mail whose address goes once it is sent: a deleted event's cancellation. */
    public static final String FORGET_AFTER_SENDING = "deleted";

    /** The daily caps. */
    public record Caps(int perAddress, int perEvent) {
    }

    private final DSLContext dsl;
    private final Outbox outbox;
    private final Mailer mailer;
    private final MailTransport transport;
    private final Map<String, Composer> composers;
    private final Caps caps;
    private final Clock clock;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final Counter dropped;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong oldestDueMillis = new AtomicLong();

    public Sender(DSLContext dsl, Outbox outbox, Mailer mailer, MailTransport transport, Map<String, Composer> composers,
            Caps caps, Clock clock, MeterRegistry registry) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.mailer = mailer;
        this.transport = transport;
        this.composers = Map.copyOf(composers);
        this.caps = caps;
        this.clock = clock;
        this.sent = Counter.builder("slotpoll.mail.sent").description("mails handed to the transport").register(registry);
        this.retried = Counter.builder("slotpoll.mail.retried").description("temporary failures, to be tried again")
                .register(registry);
        this.failed = Counter.builder("slotpoll.mail.failed").description("mails given up on").register(registry);
        this.dropped = Counter.builder("slotpoll.mail.dropped").description("mails dropped by a daily cap")
                .register(registry);
        Gauge.builder("slotpoll.mail.queued", queued, AtomicLong::get).description("outbox rows waiting")
                .register(registry);
        Gauge.builder("slotpoll.mail.oldest.due.age", oldestDueMillis, AtomicLong::get).baseUnit("milliseconds")
                .description("how long the oldest due row has waited").register(registry);
    }

    /** One round: claims and handles due rows; returns how many were claimed. */
    public int round() {
        Instant now = now();
        List<Outbox.Row> rows = outbox.claim(dsl, now, BATCH, LEASE);
        for (Outbox.Row row : rows) {
            handle(row, now);
        }
        return rows.size();
    }

    /** Reads the backlog gauges from the table. */
    public void measure() {
        Outbox.Backlog backlog = outbox.backlog(dsl, now());
        queued.set(backlog.queued());
        oldestDueMillis.set(backlog.oldestDueAge().toMillis());
    }

    /** One claimed row; {@code now} is the claim's time, from which caps, give-up and backoff count. */
    private void handle(Outbox.Row row, Instant now) {
        String about = row.eventId().map(id -> " about event " + id).orElse("");
        if (row.eventId().isPresent() && mailer.stopped(dsl, row.eventId().get(), row.recipient())) {
            outbox.end(dsl, row.id(), Outbox.Status.CANCELLED, "the address stopped this event's mail");
            return;
        }
        Instant dayAgo = now.minus(Duration.ofDays(1));
        if (outbox.sentTo(dsl, row.recipient(), dayAgo) >= caps.perAddress()
                || (row.eventId().isPresent() && outbox.sentAbout(dsl, row.eventId().get(), dayAgo) >= caps.perEvent())) {
            outbox.end(dsl, row.id(), Outbox.Status.DROPPED, "over a daily cap");
            dropped.increment();
            LOG.warn("mail {} ({}){} dropped: over the daily cap of {} per address or {} per event", row.id(),
                    row.kind(), about, caps.perAddress(), caps.perEvent());
            return;
        }
        String mime = row.payload();
        Composer composer = composers.get(row.kind());
        if (composer != null) {
            Optional<Letter> letter = composer.compose(dsl, row);
            if (letter.isEmpty()) {
                outbox.end(dsl, row.id(), Outbox.Status.CANCELLED, "nothing to report");
                return;
            }
            mime = mailer.mime(letter.get(), row.messageId(), now);
        }
        try {
            transport.send(row.recipient(), mime);
            outbox.sent(dsl, row.id(), now(), FORGET_AFTER_SENDING.equals(row.kind()));
            sent.increment();
        } catch (MailTransport.SendFailure e) {
            if (e.outcome() == MailTransport.Outcome.PERMANENT || !now.isBefore(row.createdAt().plus(GIVE_UP_AFTER))) {
                outbox.end(dsl, row.id(), Outbox.Status.FAILED, e.getMessage());
                failed.increment();
                LOG.warn("mail {} ({}){} failed after {} attempts, given up: {}", row.id(), row.kind(), about,
                        row.attempts(), e.getMessage());
            } else {
                Instant due = now.plus(backoff(row.attempts()));
                outbox.retryAt(dsl, row.id(), due, e.getMessage());
                retried.increment();
                LOG.info("mail {} ({}){} not sent ({}), trying again at {}", row.id(), row.kind(), about,
                        e.getMessage(), due);
            }
        }
    }

    /** 30 s doubled per attempt before, at most an hour, times a random factor in [0.5, 1.5). */
    static Duration backoff(int attempts) {
        long base = BACKOFF_FIRST.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, BACKOFF_MAX.toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
