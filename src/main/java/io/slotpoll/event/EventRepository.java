package io.slotpoll.event;

import io.slotpoll.mail.MailText;
import static io.slotpoll.db.schema.Tables.EVENT;
import static io.slotpoll.db.schema.Tables.EXTRA_TOKEN;
import static io.slotpoll.db.schema.Tables.PARTICIPANT;
import static io.slotpoll.db.schema.Tables.PROPOSED_WINDOW;
import static io.slotpoll.db.schema.Tables.WEEKLY_WINDOW;

import io.slotpoll.db.PreRendered;
import io.slotpoll.db.schema.tables.records.EventRecord;
import io.slotpoll.db.schema.tables.records.ProposedWindowRecord;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.TimeWindow;
import io.slotpoll.time.WeeklyWindow;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/** Stores events and their proposed windows. Methods take the {@link DSLContext} of the caller's transaction. */
public final class EventRepository {

    private static final Field<Integer> PARTICIPANT_COUNT = DSL.field(DSL.selectCount().from(PARTICIPANT)
            .where(PARTICIPANT.EVENT_ID.eq(EVENT.ID))).as("participant_count");

    public void insert(DSLContext dsl, Event event, byte[] adminTokenHash, Organizer organizer) {
        dsl.insertInto(EVENT)
                .set(changeableFields(event))
                .set(EVENT.ORGANIZER_EMAIL, organizer.email().orElse(null))
                .set(EVENT.ORGANIZER_LANGUAGE, organizer.language())
                .set(EVENT.NOTIFY, organizer.notification().wire())
                .set(EVENT.ID, event.id())
                .set(EVENT.VERSION, event.version())
                .set(EVENT.ADMIN_TOKEN_HASH, adminTokenHash)
                .set(EVENT.CREATED_AT, event.createdAt())
                .execute();
        insertWindows(dsl, event.id(), event.proposedWindows());
        insertWeekly(dsl, event);
    }

    private static final PreRendered FIND = PreRendered.of(DSL.select(EVENT.fields()).select(PARTICIPANT_COUNT)
            .from(EVENT).where(EVENT.ID.eq(DSL.param("id", String.class))));
    private static final PreRendered WINDOWS = PreRendered.of(DSL.select(PROPOSED_WINDOW.START_AT, PROPOSED_WINDOW.END_AT)
            .from(PROPOSED_WINDOW).where(PROPOSED_WINDOW.EVENT_ID.eq(DSL.param("id", String.class)))
            .orderBy(PROPOSED_WINDOW.ORDINAL));

    /** The event with its participant count (one read) and its windows (a second); both pre-rendered. */
    public Optional<Event> find(DSLContext dsl, String id) {
        List<Record> rows = FIND.fetch(dsl, id);
        return map(dsl, rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst()));
    }

    /**
     * The event row locked until the transaction ends (serialising writers), read once: the
     * event, its admin token's hash and its usage. A write request reads the row this way and
     * takes everything it needs of it from here.
     */
    @SuppressWarnings("ArrayRecordComponent") // the hash is checked with MessageDigest.isEqual; never compared whole
    public record Locked(Event event, byte[] adminTokenHash, Usage usage, Organizer organizer) {
    }

    /** Locks and reads the event row (and its windows); empty if there is no such event. */
    public Optional<Locked> lock(DSLContext dsl, String id) {
        Optional<Record> row = withCount(dsl, id).forUpdate().fetchOptional();
        return map(dsl, row).map(event -> {
            EventRecord r = row.orElseThrow().into(EVENT);
            return new Locked(event, r.getAdminTokenHash(), new Usage(r.getWindowCount(), r.getNameBytes()),
                    organizer(r));
        });
    }

    private static SelectConditionStep<Record> withCount(DSLContext dsl, String id) {
        return dsl.select(EVENT.fields()).select(PARTICIPANT_COUNT).from(EVENT).where(EVENT.ID.eq(id));
    }

    /**
     * The event's version alone: one primary-key read, the cheapest check that a cached
     * answer is current. It runs on every recommendation request, so it is plain SQL
     * (still executed, bound and counted by jOOQ) to skip building and rendering a query
     * object each time; the table and column names come from the generated schema.
     */
    public Optional<Long> version(DSLContext dsl, String id) {
        return dsl.resultQuery(VERSION_SQL, id).fetchOptional(0, Long.class);
    }

    private static final String VERSION_SQL = "select " + EVENT.VERSION.getName() + " from " + EVENT.getName()
            + " where " + EVENT.ID.getName() + " = ?";

    /**
     * Whether {@code tokenHash} is the edit token of one of the event's participants, the
     * first one or one issued by link recovery.
     */
    public boolean hasParticipantToken(DSLContext dsl, String eventId, byte[] tokenHash) {
        return dsl.fetchExists(PARTICIPANT, PARTICIPANT.EVENT_ID.eq(eventId).and(PARTICIPANT.EDIT_TOKEN_HASH.eq(tokenHash)))
                || dsl.fetchExists(EXTRA_TOKEN, EXTRA_TOKEN.TOKEN_HASH.eq(tokenHash).and(EXTRA_TOKEN.EVENT_ID.eq(eventId))
                        .and(EXTRA_TOKEN.PARTICIPANT_SEQ.isNotNull()));
    }

    /** Whether {@code tokenHash} is the event's admin token: the first ({@code adminHash}) or one from link recovery. */
    public static Predicate<byte[]> adminToken(DSLContext dsl, String eventId, byte[] adminHash) {
        return hash -> MessageDigest.isEqual(hash, adminHash)
                || dsl.fetchExists(EXTRA_TOKEN, EXTRA_TOKEN.TOKEN_HASH.eq(hash).and(EXTRA_TOKEN.EVENT_ID.eq(eventId))
                        .and(EXTRA_TOKEN.PARTICIPANT_SEQ.isNull()));
    }

    /** Whether {@code tokenHash} is participant {@code seq}'s edit token: the first ({@code editHash}) or a recovered one. */
    public static Predicate<byte[]> editToken(DSLContext dsl, long seq, byte[] editHash) {
        return hash -> MessageDigest.isEqual(hash, editHash)
                || dsl.fetchExists(EXTRA_TOKEN, EXTRA_TOKEN.TOKEN_HASH.eq(hash).and(EXTRA_TOKEN.PARTICIPANT_SEQ.eq(seq)));
    }

    /** The organiser's address and notification choice, for the admin view. */
    public Optional<Organizer> organizer(DSLContext dsl, String id) {
        return dsl.selectFrom(EVENT).where(EVENT.ID.eq(id)).fetchOptional().map(EventRepository::organizer);
    }

    private static Organizer organizer(EventRecord r) {
        return new Organizer(Optional.ofNullable(r.getOrganizerEmail()), MailText.orDefault(r.getOrganizerLanguage()),
                Organizer.Notify.fromWire(r.getNotify()),
                r.getAllAnsweredAt() != null);
    }

    /** Writes the organiser's address and notification choice; the caller holds the row lock. */
    public void setOrganizer(DSLContext dsl, String id, Organizer organizer) {
        dsl.update(EVENT).set(EVENT.ORGANIZER_EMAIL, organizer.email().orElse(null))
                .set(EVENT.ORGANIZER_LANGUAGE, organizer.language())
                .set(EVENT.NOTIFY, organizer.notification().wire()).where(EVENT.ID.eq(id)).execute();
    }

    /** Records that the "everyone answered" mail was queued, so it is queued once. */
    public void markEveryoneAnswered(DSLContext dsl, String id, Instant now) {
        dsl.update(EVENT).set(EVENT.ALL_ANSWERED_AT, now).where(EVENT.ID.eq(id)).execute();
    }

    /** A participant who gave an address: what a mail to them needs. */
    public record Recipient(String name, String email, String language, ZoneId timezone) {
    }

    /** The participants of the event who gave an address, in creation order. */
    public List<Recipient> recipients(DSLContext dsl, String eventId) {
        return dsl.select(PARTICIPANT.NAME, PARTICIPANT.EMAIL, PARTICIPANT.EMAIL_LANGUAGE, PARTICIPANT.TIMEZONE).from(PARTICIPANT)
                .where(PARTICIPANT.EVENT_ID.eq(eventId)).and(PARTICIPANT.EMAIL.isNotNull())
                .orderBy(PARTICIPANT.SEQ)
                .fetch(r -> new Recipient(r.value1(), r.value2(), MailText.orDefault(r.value3()), ZoneId.of(r.value4())));
    }

    /** The admin token's hash, for reads that check it without locking the row (the CSV export). */
    public Optional<byte[]> adminTokenHash(DSLContext dsl, String id) {
        return dsl.select(EVENT.ADMIN_TOKEN_HASH).from(EVENT).where(EVENT.ID.eq(id)).fetchOptional(EVENT.ADMIN_TOKEN_HASH);
    }

    /** Writes every changeable field and bumps the version; the caller holds the row lock. */
    public void update(DSLContext dsl, Event event) {
        dsl.update(EVENT)
                .set(changeableFields(event))
                .set(EVENT.VERSION, EVENT.VERSION.plus(1))
                .where(EVENT.ID.eq(event.id()))
                .execute();
    }

    /** {@link #update}, and the proposed windows replaced by the event's. */
    public void updateWithWindows(DSLContext dsl, Event event) {
        update(dsl, event);
        dsl.deleteFrom(PROPOSED_WINDOW).where(PROPOSED_WINDOW.EVENT_ID.eq(event.id())).execute();
        insertWindows(dsl, event.id(), event.proposedWindows());
        dsl.deleteFrom(WEEKLY_WINDOW).where(WEEKLY_WINDOW.EVENT_ID.eq(event.id())).execute();
        insertWeekly(dsl, event);
    }

    private static void insertWeekly(DSLContext dsl, Event event) {
        if (event.weekly() == null) {
            return;
        }
        List<WeeklyWindow> windows = event.weekly().windows();
        for (int i = 0; i < windows.size(); i++) {
            WeeklyWindow w = windows.get(i);
            dsl.insertInto(WEEKLY_WINDOW).set(WEEKLY_WINDOW.EVENT_ID, event.id()).set(WEEKLY_WINDOW.ORDINAL, i)
                    .set(WEEKLY_WINDOW.DAY_OF_WEEK, w.day().getValue()).set(WEEKLY_WINDOW.START_MINUTE, w.startMinute())
                    .set(WEEKLY_WINDOW.END_MINUTE, w.endMinute()).execute();
        }
    }

    /** What the event's participants hold together: availability windows and name bytes. */
    public record Usage(int windows, long nameBytes) {
    }

    /**
     * Records a change that can alter recommendations (a participant joined, changed or
     * left) and what it did to the event's usage.
     */
    public void bumpVersion(DSLContext dsl, String id, Instant now, Usage delta) {
        dsl.update(EVENT)
                .set(EVENT.VERSION, EVENT.VERSION.plus(1))
                .set(EVENT.UPDATED_AT, now)
                .set(EVENT.WINDOW_COUNT, EVENT.WINDOW_COUNT.plus(delta.windows()))
                .set(EVENT.NAME_BYTES, EVENT.NAME_BYTES.plus(delta.nameBytes()))
                .where(EVENT.ID.eq(id))
                .execute();
    }

    /** Deletes the event; foreign keys cascade to windows, participants and their availability. */
    public boolean delete(DSLContext dsl, String id) {
        return dsl.deleteFrom(EVENT).where(EVENT.ID.eq(id)).execute() > 0;
    }

    /** The columns a PATCH may change, plus updated_at: written alike on insert and update. */
    private static Map<Field<?>, Object> changeableFields(Event event) {
        Map<Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(EVENT.TITLE, event.title());
        fields.put(EVENT.DESCRIPTION, event.description());
        fields.put(EVENT.DURATION_MINUTES, event.durationMinutes());
        fields.put(EVENT.SLOT_STEP_MINUTES, event.slotStepMinutes());
        fields.put(EVENT.TIMEZONE, event.timezone().getId());
        fields.put(EVENT.DEADLINE, event.deadline());
        fields.put(EVENT.STATUS, event.status().wire());
        fields.put(EVENT.UPDATED_AT, event.updatedAt());
        fields.put(EVENT.FINAL_START, event.finalSlot() == null ? null : event.finalSlot().start());
        fields.put(EVENT.FINAL_END, event.finalSlot() == null ? null : event.finalSlot().end());
        fields.put(EVENT.FINAL_SEQUENCE, event.finalSequence());
        fields.put(EVENT.CANCELLED_START, event.cancelledSlot() == null ? null : event.cancelledSlot().start());
        fields.put(EVENT.CANCELLED_END, event.cancelledSlot() == null ? null : event.cancelledSlot().end());
        fields.put(EVENT.LOCAL_HOURS_START, event.localHours() == null ? null : event.localHours().startMinute());
        fields.put(EVENT.LOCAL_HOURS_END, event.localHours() == null ? null : event.localHours().endMinute());
        fields.put(EVENT.KIND, event.weekly() == null ? "dates" : "weekly");
        fields.put(EVENT.FIRST_WEEK, event.weekly() == null ? null : event.weekly().firstWeekDate());
        return fields;
    }

    private static void insertWindows(DSLContext dsl, String eventId, List<TimeWindow> windows) {
        InsertValuesStep4<ProposedWindowRecord, String, Integer, Instant, Instant> insert =
                dsl.insertInto(PROPOSED_WINDOW, PROPOSED_WINDOW.EVENT_ID, PROPOSED_WINDOW.ORDINAL,
                        PROPOSED_WINDOW.START_AT, PROPOSED_WINDOW.END_AT);
        for (int i = 0; i < windows.size(); i++) {
            insert = insert.values(eventId, i, windows.get(i).start(), windows.get(i).end());
        }
        insert.execute();
    }

    private static Optional<Event> map(DSLContext dsl, Optional<Record> found) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        EventRecord r = found.get().into(EVENT);
        int participants = found.get().get(PARTICIPANT_COUNT);
        List<TimeWindow> windows = new ArrayList<>();
        for (Record w : WINDOWS.fetch(dsl, r.getId())) {
            windows.add(new TimeWindow(w.get(PROPOSED_WINDOW.START_AT), w.get(PROPOSED_WINDOW.END_AT)));
        }
        return Optional.of(new Event(
                r.getId(), r.getTitle(), r.getDescription(), r.getDurationMinutes(), r.getSlotStepMinutes(),
                ZoneId.of(r.getTimezone()), windows, r.getDeadline(), EventStatus.fromWire(r.getStatus()),
                r.getVersion(), participants, r.getCreatedAt(), r.getUpdatedAt(),
                r.getFinalStart() == null ? null : new TimeWindow(r.getFinalStart(), r.getFinalEnd()),
                r.getFinalSequence(),
                r.getCancelledStart() == null ? null : new TimeWindow(r.getCancelledStart(), r.getCancelledEnd()),
                r.getLocalHoursStart() == null ? null : new DailyHours(r.getLocalHoursStart(), r.getLocalHoursEnd()),
                "weekly".equals(r.getKind()) ? new Event.Weekly(weeklyWindows(dsl, r.getId()), r.getFirstWeek()) : null));
    }

    private static List<WeeklyWindow> weeklyWindows(DSLContext dsl, String eventId) {
        return dsl.select(WEEKLY_WINDOW.DAY_OF_WEEK, WEEKLY_WINDOW.START_MINUTE, WEEKLY_WINDOW.END_MINUTE)
                .from(WEEKLY_WINDOW).where(WEEKLY_WINDOW.EVENT_ID.eq(eventId)).orderBy(WEEKLY_WINDOW.ORDINAL)
                .fetch(w -> new WeeklyWindow(DayOfWeek.of(w.value1()), w.value2(), w.value3()));
    }
}
