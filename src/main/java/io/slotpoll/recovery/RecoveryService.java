package io.slotpoll.recovery;

import static io.slotpoll.db.schema.Tables.EVENT;
import static io.slotpoll.db.schema.Tables.EXTRA_TOKEN;
import static io.slotpoll.db.schema.Tables.PARTICIPANT;
import static io.slotpoll.db.schema.Tables.RECOVERY_CODE;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.slotpoll.auth.Secrets;
import io.slotpoll.event.EventLinks;
import io.slotpoll.mail.Body;
import io.slotpoll.mail.MailText;
import io.slotpoll.mail.Composer;
import io.slotpoll.mail.Letter;
import io.slotpoll.mail.Mailer;
import io.slotpoll.mail.Outbox;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Link recovery. A request is counted against the address and against the client (each in
 * this instance's memory, like the other rate limits), and, with mail on, queues one outbox
 * row for the address whether or not any event knows it: the answer costs the same either
 * way, and the sender, when the row comes due, looks the address up. If it is an
 * organiser's or a participant's, the mail lists those events, each with a link holding a
 * one-time code for that event (stored as its SHA-256 hash, valid 60 minutes, used once),
 * made then; if not, the row ends with nothing sent. Redeeming the code issues a new admin or edit token for
 * each event it named that still exists, valid beside the old ones.
 */
public final class RecoveryService {

    /** Requests one address may make in an hour, and one client (whatever the addresses). */
    public static final int PER_ADDRESS_PER_HOUR = 5;
    public static final int PER_CLIENT_PER_HOUR = 20;
    /** How long a code is valid. */
    public static final Duration CODE_VALID = Duration.ofMinutes(60);
    /** The outbox kind of a recovery mail, written when due by {@link #composer()}. */
    public static final String KIND = "recovery";
    private static final int TRACKED_MAX = 100_000;
    private static final int EVENTS_LISTED_MAX = 50;

    /** What a redeemed code gives for one event. */
    public record Recovered(String eventId, String title, String role, Optional<String> participantId, String token) {
    }

    private final Cache<String, Bucket> addresses = buckets();
    private final Cache<String, Bucket> clients = buckets();
    private final DSLContext dsl;
    private final Mailer mailer;
    private final EventLinks links;
    private final Clock clock;

    public RecoveryService(DSLContext dsl, Mailer mailer, EventLinks links, Clock clock) {
        this.dsl = dsl;
        this.mailer = mailer;
        this.links = links;
        this.clock = clock;
    }

    private static Cache<String, Bucket> buckets() {
        return Caffeine.newBuilder().maximumSize(TRACKED_MAX).expireAfterAccess(Duration.ofHours(1)).build();
    }

    /** Asks for the links of {@code address} (already checked) from {@code client}; 429 past either limit. */
    void request(String address, String client, String language) {
        // the address is kept only as a hash, even in memory
        take(addresses, HexFormat.of().formatHex(Secrets.hash(address.toLowerCase(Locale.ROOT))), PER_ADDRESS_PER_HOUR,
                "this address");
        take(clients, client, PER_CLIENT_PER_HOUR, "this client");
        if (mailer.isOn()) {
            dsl.transaction(tx -> mailer.queueComposed(tx.dsl(), KIND, address, language));
        }
    }

    /** Writes the recovery mail when its row comes due, or nothing if no event knows the address. */
    public Composer composer() {
        return (DSLContext db, Outbox.Row row) -> {
            String address = row.recipient();
            List<Target> targets = new ArrayList<>();
            db.select(EVENT.ID, EVENT.TITLE).from(EVENT).where(EVENT.ORGANIZER_EMAIL.eq(address))
                    .orderBy(EVENT.CREATED_AT.desc()).limit(EVENTS_LISTED_MAX)
                    .forEach(r -> targets.add(new Target(r.value1(), r.value2(), null)));
            db.select(PARTICIPANT.EVENT_ID, EVENT.TITLE, PARTICIPANT.SEQ).from(PARTICIPANT)
                    .join(EVENT).on(EVENT.ID.eq(PARTICIPANT.EVENT_ID))
                    .where(PARTICIPANT.EMAIL.eq(address))
                    .orderBy(PARTICIPANT.CREATED_AT.desc()).limit(EVENTS_LISTED_MAX)
                    .forEach(r -> targets.add(new Target(r.value1(), r.value2(), r.value3())));
            if (targets.isEmpty()) {
                return Optional.empty();
            }
            // one code per event: it gives back every role the address has there
            Map<String, List<Target>> byEvent = new LinkedHashMap<>();
            for (Target t : targets) {
                byEvent.computeIfAbsent(t.eventId(), id -> new ArrayList<>()).add(t);
            }
            Instant now = now();
            String lang = MailText.orDefault(row.payload());
            Body body = new Body().paragraph(MailText.get(lang, "recovery.intro"));
            for (List<Target> event : byEvent.values()) {
                String code = Secrets.newToken();
                db.insertInto(RECOVERY_CODE).set(RECOVERY_CODE.CODE_HASH, Secrets.hash(code))
                        .set(RECOVERY_CODE.TARGETS, Target.write(event))
                        .set(RECOVERY_CODE.EXPIRES_AT, now.plus(CODE_VALID)).execute();
                boolean organises = event.stream().anyMatch(t -> t.participantSeq() == null);
                body.link(MailText.get(lang, organises ? "recovery.organise" : "recovery.answer",
                        "title", event.getFirst().title()), links.base() + "/recover#code=" + code);
            }
            body.paragraph(MailText.get(lang, "recovery.ignore"));
            Letter letter = mailer.personal(address, MailText.get(lang, "recovery.subject"), body);
            return Optional.of(letter);
        };
    }

    /**
     * Redeems {@code code}: 410 {@code code-expired} unless it is known, unused and younger
     * than 60 minutes; then, in one transaction, the code is used up and each event it named
     * that still exists gets a new token.
     */
    List<Recovered> redeem(String code) {
        Instant now = now();
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            byte[] hash = Secrets.hash(code);
            String targets = tx.select(RECOVERY_CODE.TARGETS).from(RECOVERY_CODE)
                    .where(RECOVERY_CODE.CODE_HASH.eq(hash)).and(RECOVERY_CODE.USED_AT.isNull())
                    .and(RECOVERY_CODE.EXPIRES_AT.gt(now)).forUpdate().fetchOne(RECOVERY_CODE.TARGETS);
            if (targets == null) {
                throw expired();
            }
            tx.update(RECOVERY_CODE).set(RECOVERY_CODE.USED_AT, now).where(RECOVERY_CODE.CODE_HASH.eq(hash)).execute();
            List<Recovered> recovered = new ArrayList<>();
            for (Target t : Target.read(targets)) {
                Optional<Recovered> r = t.participantSeq() == null ? admin(tx, t.eventId(), now)
                        : participant(tx, t.participantSeq(), now);
                r.ifPresent(recovered::add);
            }
            return recovered;
        });
    }

    private static Optional<Recovered> admin(DSLContext tx, String eventId, Instant now) {
        return tx.select(EVENT.TITLE).from(EVENT).where(EVENT.ID.eq(eventId)).fetchOptional(EVENT.TITLE)
                .map(title -> new Recovered(eventId, title, "admin", Optional.empty(), issue(tx, eventId, null, now)));
    }

    private static Optional<Recovered> participant(DSLContext tx, long seq, Instant now) {
        return tx.select(PARTICIPANT.EVENT_ID, PARTICIPANT.ID, EVENT.TITLE).from(PARTICIPANT)
                .join(EVENT).on(EVENT.ID.eq(PARTICIPANT.EVENT_ID)).where(PARTICIPANT.SEQ.eq(seq)).fetchOptional()
                .map(r -> new Recovered(r.value1(), r.value3(), "participant", Optional.of(r.value2()),
                        issue(tx, r.value1(), seq, now)));
    }

    private static String issue(DSLContext tx, String eventId, Long participantSeq, Instant now) {
        String token = Secrets.newToken();
        tx.insertInto(EXTRA_TOKEN).set(EXTRA_TOKEN.TOKEN_HASH, Secrets.hash(token)).set(EXTRA_TOKEN.EVENT_ID, eventId)
                .set(EXTRA_TOKEN.PARTICIPANT_SEQ, participantSeq).set(EXTRA_TOKEN.CREATED_AT, now).execute();
        return token;
    }

    /** Deletes codes that expired before {@code before}. */
    public int purgeExpired(Instant before) {
        return dsl.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.EXPIRES_AT.lt(before)).execute();
    }

    private static ProblemException expired() {
        return new ProblemException(ProblemType.CODE_EXPIRED, "this code is wrong, used or expired (codes are valid for"
                + " 60 minutes, once); ask for a new one at POST /api/v1/link-recovery");
    }

    /** One event a code names: as its organiser ({@code participantSeq} null) or as a participant. */
    private record Target(String eventId, String title, Long participantSeq) {

        /** One line each: {@code a <eventId>} or {@code p <eventId> <seq>} (the title is read again on redeem). */
        static String write(List<Target> targets) {
            StringBuilder out = new StringBuilder();
            for (Target t : targets) {
                out.append(t.participantSeq() == null ? "a " + t.eventId() : "p " + t.eventId() + " " + t.participantSeq())
                        .append('\n');
            }
            return out.toString();
        }

        static List<Target> read(String text) {
            List<Target> targets = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                String[] parts = line.split(" ", -1);
                if (parts.length >= 2) {
                    targets.add(new Target(parts[1], "", parts[0].equals("p") ? Long.valueOf(parts[2]) : null));
                }
            }
            return targets;
        }
    }

    private static void take(Cache<String, Bucket> buckets, String key, int perHour, String who) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1))).build());
        if (!bucket.tryConsume(1)) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, "more than " + perHour
                    + " link recovery requests an hour for " + who + "; try again later");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
