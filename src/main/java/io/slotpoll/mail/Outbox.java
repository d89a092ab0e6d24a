package io.slotpoll.mail;

import static io.slotpoll.db.schema.Tables.MAIL_OUTBOX;

import io.slotpoll.db.schema.tables.records.MailOutboxRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * The outbox table. A row is written in the transaction of the change that causes it
 * ({@link #enqueue}); senders {@link #claim} due rows in a short transaction of their own
 * ({@code FOR UPDATE SKIP LOCKED}, so two senders never take the same row) that also moves
 * each row's {@code due_at} a lease ahead: a sender that dies before marking the row leaves
 * it to come due again, and another sender sends it then. A row ends {@code sent},
 * {@code failed} (given up), {@code dropped} (over a daily cap) or {@code cancelled} (its
 * event was deleted, or the address stopped this event's mail).
 */
public final class Outbox {

    /** Where a row stands. */
    public enum Status {
        QUEUED, SENT, FAILED, DROPPED, CANCELLED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A claimed row: what to send, to whom, and how often it was tried before (this claim included). */
    public record Row(long id, Optional<String> eventId, String kind, String recipient, String payload,
            String messageId, int attempts, Instant createdAt) {
    }

    private static final String QUEUED = Status.QUEUED.wire();

    /** Inserts a queued row, due at {@code due}. */
    public void enqueue(DSLContext tx, Optional<String> eventId, String kind, String recipient, String payload,
            String messageId, Instant now, Instant due) {
        tx.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.EVENT_ID, eventId.orElse(null))
                .set(MAIL_OUTBOX.KIND, kind)
                .set(MAIL_OUTBOX.RECIPIENT, recipient)
                .set(MAIL_OUTBOX.PAYLOAD, payload)
                .set(MAIL_OUTBOX.MESSAGE_ID, messageId)
                .set(MAIL_OUTBOX.STATUS, QUEUED)
                .set(MAIL_OUTBOX.DUE_AT, due)
                .set(MAIL_OUTBOX.ATTEMPTS, 0)
                .set(MAIL_OUTBOX.CREATED_AT, now)
                .execute();
    }

    /**
     * Up to {@code max} rows due at {@code now}, oldest due first, each leased until
     * {@code now + lease} and counted as one more attempt; one transaction.
     */
    public List<Row> claim(DSLContext dsl, Instant now, int max, Duration lease) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            List<Row> rows = tx.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.EVENT_ID, MAIL_OUTBOX.KIND, MAIL_OUTBOX.RECIPIENT,
                            MAIL_OUTBOX.PAYLOAD, MAIL_OUTBOX.MESSAGE_ID, MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.CREATED_AT)
                    .from(MAIL_OUTBOX)
                    .where(MAIL_OUTBOX.STATUS.eq(QUEUED)).and(MAIL_OUTBOX.DUE_AT.le(now))
                    .orderBy(MAIL_OUTBOX.DUE_AT)
                    .limit(max)
                    .forUpdate().skipLocked()
                    .fetch(r -> new Row(r.get(MAIL_OUTBOX.ID), Optional.ofNullable(r.get(MAIL_OUTBOX.EVENT_ID)),
                            r.get(MAIL_OUTBOX.KIND), r.get(MAIL_OUTBOX.RECIPIENT), r.get(MAIL_OUTBOX.PAYLOAD),
                            r.get(MAIL_OUTBOX.MESSAGE_ID), r.get(MAIL_OUTBOX.ATTEMPTS) + 1,
                            r.get(MAIL_OUTBOX.CREATED_AT)));
            if (!rows.isEmpty()) {
                tx.update(MAIL_OUTBOX)
                        .set(MAIL_OUTBOX.DUE_AT, now.plus(lease))
                        .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                        .where(MAIL_OUTBOX.ID.in(rows.stream().map(Row::id).toList()))
                        .execute();
            }
            return rows;
        });
    }

    /**
     * Marks a row sent. Its body is no longer needed and goes; so does its address when
     * {@code forget} (a deleted event's cancellation: the event keeps no address after it).
     */
    public void sent(DSLContext dsl, long id, Instant now, boolean forget) {
        UpdateSetMoreStep<MailOutboxRecord> update = dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.STATUS, Status.SENT.wire())
                .set(MAIL_OUTBOX.SENT_AT, now).set(MAIL_OUTBOX.LAST_ERROR, (String) null).set(MAIL_OUTBOX.PAYLOAD, "");
        if (forget) {
            update = update.set(MAIL_OUTBOX.RECIPIENT, "");
        }
        update.where(MAIL_OUTBOX.ID.eq(id)).execute();
    }

    /** A temporary failure: the row is due again at {@code due}. */
    public void retryAt(DSLContext dsl, long id, Instant due, String error) {
        dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.DUE_AT, due).set(MAIL_OUTBOX.LAST_ERROR, clip(error))
                .where(MAIL_OUTBOX.ID.eq(id)).and(MAIL_OUTBOX.STATUS.eq(QUEUED)).execute();
    }

    /** Ends a row without sending it ({@code failed}, {@code dropped} or {@code cancelled}). */
    public void end(DSLContext dsl, long id, Status status, String why) {
        dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.STATUS, status.wire()).set(MAIL_OUTBOX.LAST_ERROR, clip(why))
                .where(MAIL_OUTBOX.ID.eq(id)).and(MAIL_OUTBOX.STATUS.eq(QUEUED)).execute();
    }

    /** Whether the event has a queued row of {@code kind} to {@code recipient} that no sender has taken yet. */
    public boolean hasUntaken(DSLContext tx, String eventId, String kind, String recipient) {
        return tx.fetchExists(MAIL_OUTBOX, MAIL_OUTBOX.EVENT_ID.eq(eventId).and(MAIL_OUTBOX.STATUS.eq(QUEUED))
                .and(MAIL_OUTBOX.KIND.eq(kind)).and(MAIL_OUTBOX.RECIPIENT.eq(recipient))
                .and(MAIL_OUTBOX.ATTEMPTS.eq(0)));
    }

    /**
     * The event is deleted: its queued rows are cancelled, and no row of it keeps an
     * address or a body. Returns how many rows were cancelled.
     */
    public int forgetEvent(DSLContext tx, String eventId) {
        int cancelled = tx.update(MAIL_OUTBOX).set(MAIL_OUTBOX.STATUS, Status.CANCELLED.wire())
                .set(MAIL_OUTBOX.LAST_ERROR, "event deleted")
                .where(MAIL_OUTBOX.EVENT_ID.eq(eventId)).and(MAIL_OUTBOX.STATUS.eq(QUEUED)).execute();
        tx.update(MAIL_OUTBOX).set(MAIL_OUTBOX.RECIPIENT, "").set(MAIL_OUTBOX.PAYLOAD, "")
                .where(MAIL_OUTBOX.EVENT_ID.eq(eventId)).execute();
        return cancelled;
    }

    /**
     * An address leaves an event (its participant was deleted, or it was changed or
     * removed): its queued rows for the event are cancelled and its rows there blanked.
     */
    public void forgetAddress(DSLContext tx, String eventId, String address) {
        tx.update(MAIL_OUTBOX).set(MAIL_OUTBOX.STATUS, Status.CANCELLED.wire())
                .set(MAIL_OUTBOX.LAST_ERROR, "address removed")
                .where(MAIL_OUTBOX.EVENT_ID.eq(eventId)).and(MAIL_OUTBOX.RECIPIENT.eq(address))
                .and(MAIL_OUTBOX.STATUS.eq(QUEUED)).execute();
        tx.update(MAIL_OUTBOX).set(MAIL_OUTBOX.RECIPIENT, "").set(MAIL_OUTBOX.PAYLOAD, "")
                .where(MAIL_OUTBOX.EVENT_ID.eq(eventId)).and(MAIL_OUTBOX.RECIPIENT.eq(address)).execute();
    }

    /** Mails sent to {@code address} since {@code since}, for the per-address cap. */
    public int sentTo(DSLContext dsl, String address, Instant since) {
        return dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(address)
                .and(MAIL_OUTBOX.STATUS.eq(Status.SENT.wire())).and(MAIL_OUTBOX.SENT_AT.gt(since)));
    }

    /** Mails about {@code eventId} sent since {@code since}, for the per-event cap. */
    public int sentAbout(DSLContext dsl, String eventId, Instant since) {
        return dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.EVENT_ID.eq(eventId)
                .and(MAIL_OUTBOX.STATUS.eq(Status.SENT.wire())).and(MAIL_OUTBOX.SENT_AT.gt(since)));
    }

    /** Deletes rows that ended before {@code before} (sent ones by their send time), at most {@code max}. */
    public int purge(DSLContext dsl, Instant before, int max) {
        return dsl.deleteFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATUS.ne(QUEUED))
                .and(DSL.coalesce(MAIL_OUTBOX.SENT_AT, MAIL_OUTBOX.CREATED_AT).lt(before))
                .limit(max)
                .execute();
    }

    /** How long the oldest due queued row has waited at {@code now}, and how many rows are queued. */
    public record Backlog(long queued, Duration oldestDueAge) {
    }

    public Backlog backlog(DSLContext dsl, Instant now) {
        long queued = dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq(QUEUED));
        Record1<Instant> oldest = dsl.select(MAIL_OUTBOX.DUE_AT).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATUS.eq(QUEUED)).and(MAIL_OUTBOX.DUE_AT.le(now))
                .orderBy(MAIL_OUTBOX.DUE_AT).limit(1).fetchOne();
        Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.value1(), now);
        return new Backlog(queued, age.isNegative() ? Duration.ZERO : age.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String clip(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }
}
