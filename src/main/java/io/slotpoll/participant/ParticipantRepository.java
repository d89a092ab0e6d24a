package io.slotpoll.participant;

import static io.slotpoll.db.schema.Tables.AVAILABILITY_WINDOW;
import static io.slotpoll.db.schema.Tables.EVENT;
import static io.slotpoll.db.schema.Tables.PARTICIPANT;
import static io.slotpoll.db.schema.Tables.WEEKLY_AVAILABILITY;

import io.slotpoll.db.DbErrors;
import io.slotpoll.db.PreRendered;
import io.slotpoll.db.schema.tables.records.AvailabilityWindowRecord;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.TimeWindow;
import io.slotpoll.time.WeeklyWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep6;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SelectConditionStep;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Stores participants and their availability. A name already taken in the event (ignoring
 * case) is refused by the unique key {@code ux_participant_event_name}, never by a read
 * first, so concurrent joins cannot both win.
 */
public final class ParticipantRepository {

    /** A stored participant with what only the service needs: its row key and token hash. */
    @SuppressWarnings("ArrayRecordComponent") // the hash is checked with MessageDigest.isEqual; never compared whole
    public record Stored(long seq, String eventId, Participant participant, byte[] editTokenHash,
            Optional<String> email) {
    }

    /** Inserts the participant and its windows; 409 if the name is taken. Returns the row key. */
    public long insert(DSLContext dsl, String eventId, Participant p, byte[] editTokenHash, Optional<String> email,
            String emailLanguage) {
        long seq;
        try {
            seq = dsl.insertInto(PARTICIPANT)
                    .set(PARTICIPANT.ID, p.id())
                    .set(PARTICIPANT.EVENT_ID, eventId)
                    .set(editable(p))
                    .set(PARTICIPANT.VERSION, p.version())
                    .set(PARTICIPANT.EDIT_TOKEN_HASH, editTokenHash)
                    .set(PARTICIPANT.EMAIL, email.orElse(null))
                    .set(PARTICIPANT.EMAIL_LANGUAGE, email.isPresent() ? emailLanguage : null)
                    .set(PARTICIPANT.CREATED_AT, p.createdAt())
                    .set(PARTICIPANT.UPDATED_AT, p.updatedAt())
                    .returningResult(PARTICIPANT.SEQ)
                    .fetchOne(PARTICIPANT.SEQ);
        } catch (DataAccessException e) {
            throw DbErrors.isDuplicateKey(e) ? nameTaken(p.name()) : e;
        }
        insertWindows(dsl, seq, eventId, p.availability());
        return seq;
    }

    public Optional<Participant> find(DSLContext dsl, String eventId, String participantId) {
        return dsl.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(participantId).and(PARTICIPANT.EVENT_ID.eq(eventId)))
                .fetchOptional()
                .map(r -> withWeekly(dsl, eventId, r.getSeq(), toParticipant(r, windows(dsl, r.getSeq()))));
    }

    /** Locks the participant row until the transaction ends. */
    public Optional<Stored> findForUpdate(DSLContext dsl, String eventId, String participantId) {
        return dsl.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(participantId).and(PARTICIPANT.EVENT_ID.eq(eventId)))
                .forUpdate()
                .fetchOptional()
                .map(r -> new Stored(r.getSeq(), r.getEventId(),
                        withWeekly(dsl, eventId, r.getSeq(), toParticipant(r, windows(dsl, r.getSeq()))),
                        r.getEditTokenHash(), Optional.ofNullable(r.getEmail())));
    }

    /** The participant with its token hash and address, unlocked (a read that may show the owner their address). */
    public Optional<Stored> findStored(DSLContext dsl, String eventId, String participantId) {
        return dsl.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(participantId).and(PARTICIPANT.EVENT_ID.eq(eventId)))
                .fetchOptional()
                .map(r -> new Stored(r.getSeq(), r.getEventId(),
                        withWeekly(dsl, eventId, r.getSeq(), toParticipant(r, windows(dsl, r.getSeq()))),
                        r.getEditTokenHash(), Optional.ofNullable(r.getEmail())));
    }

    public void setEmail(DSLContext dsl, long seq, Optional<String> email, String language) {
        dsl.update(PARTICIPANT).set(PARTICIPANT.EMAIL, email.orElse(null))
                .set(PARTICIPANT.EMAIL_LANGUAGE, email.isPresent() ? language : null)
                .where(PARTICIPANT.SEQ.eq(seq)).execute();
    }

    /** Someone who answered (joined, or replaced their availability) at or after an instant, for a digest. */
    public record Answered(String name, boolean joined) {
    }

    /** The event's participants written at or after {@code since}, oldest write first. */
    public List<Answered> answeredSince(DSLContext dsl, String eventId, Instant since) {
        return dsl.select(PARTICIPANT.NAME, PARTICIPANT.CREATED_AT).from(PARTICIPANT)
                .where(PARTICIPANT.EVENT_ID.eq(eventId)).and(PARTICIPANT.UPDATED_AT.ge(since))
                .orderBy(PARTICIPANT.UPDATED_AT, PARTICIPANT.SEQ)
                .fetch(r -> new Answered(r.value1(), !r.value2().isBefore(since)));
    }

    /**
     * Whether the event has required participants and every one of them has answered, that
     * is, holds at least one availability window.
     */
    public boolean everyRequiredAnswered(DSLContext dsl, String eventId) {
        SelectConditionStep<Record1<Long>> required = dsl.select(PARTICIPANT.SEQ).from(PARTICIPANT)
                .where(PARTICIPANT.EVENT_ID.eq(eventId)).and(PARTICIPANT.IS_REQUIRED.isTrue());
        return dsl.fetchExists(required) && !dsl.fetchExists(required.andNotExists(
                DSL.selectOne().from(AVAILABILITY_WINDOW).where(AVAILABILITY_WINDOW.PARTICIPANT_SEQ.eq(PARTICIPANT.SEQ))));
    }

    private static final PreRendered WITH_WINDOWS = PreRendered.of(DSL.select(PARTICIPANT.SEQ, PARTICIPANT.ID,
                    PARTICIPANT.NAME, PARTICIPANT.TIMEZONE, PARTICIPANT.IS_REQUIRED, PARTICIPANT.VERSION,
                    PARTICIPANT.CREATED_AT, PARTICIPANT.UPDATED_AT,
                    AVAILABILITY_WINDOW.START_AT, AVAILABILITY_WINDOW.END_AT, AVAILABILITY_WINDOW.PREFERENCE,
                    PARTICIPANT.LOCAL_HOURS_START, PARTICIPANT.LOCAL_HOURS_END)
            .from(PARTICIPANT)
            .leftJoin(AVAILABILITY_WINDOW).on(AVAILABILITY_WINDOW.PARTICIPANT_SEQ.eq(PARTICIPANT.SEQ))
            .where(PARTICIPANT.EVENT_ID.eq(DSL.param("eventId", String.class)))
            .orderBy(PARTICIPANT.SEQ, AVAILABILITY_WINDOW.ORDINAL));

    /**
     * Every participant of the event in creation order, with availability: one
     * pre-rendered join however many there are (a participant's row repeats per window).
     * This runs for every uncached ranking over every window of the event, so rows are
     * read by position (the order of the select above), not by field lookup.
     */
    public List<Participant> listByEvent(DSLContext dsl, String eventId) {
        List<Participant> participants = new ArrayList<>();
        Record current = null;
        long currentSeq = 0;
        List<AvailabilityWindow> windows = new ArrayList<>();
        for (Record row : WITH_WINDOWS.fetch(dsl, eventId)) {
            // Primitive comparison: get(0, long.class) returns a boxed Long, and two boxed Longs
            // compared with != are equal only inside the JVM's small-value cache (-128..127).
            long seq = row.get(0, Long.class).longValue();
            if (current != null && currentSeq != seq) {
                participants.add(joinedParticipant(current, windows));
                windows = new ArrayList<>();
            }
            current = row;
            currentSeq = seq;
            Instant start = row.get(8, Instant.class);
            if (start != null) {
                windows.add(new AvailabilityWindow(new TimeWindow(start,
                        row.get(9, Instant.class)), AvailabilityWindow.fromWire(row.get(10, String.class))));
            }
        }
        if (current != null) {
            participants.add(joinedParticipant(current, windows));
        }
        return participants;
    }

    /**
     * {@link #listByEvent}, and on a weekly poll each participant with its answer as written
     * (one more query), for the participant list; ranking needs only the UTC windows.
     */
    public List<Participant> listWithAnswers(DSLContext dsl, String eventId) {
        return withWeekly(dsl, eventId, listByEvent(dsl, eventId));
    }

    /** On a weekly poll, each participant with its answer as written; a dates poll's as they are. */
    private static List<Participant> withWeekly(DSLContext dsl, String eventId, List<Participant> participants) {
        if (!isWeekly(dsl, eventId)) {
            return participants;
        }
        Map<String, List<WeeklyAvailability>> byId = new LinkedHashMap<>();
        dsl.select(PARTICIPANT.ID, WEEKLY_AVAILABILITY.DAY_OF_WEEK, WEEKLY_AVAILABILITY.START_MINUTE,
                        WEEKLY_AVAILABILITY.END_MINUTE, WEEKLY_AVAILABILITY.PREFERENCE)
                .from(WEEKLY_AVAILABILITY).join(PARTICIPANT).on(PARTICIPANT.SEQ.eq(WEEKLY_AVAILABILITY.PARTICIPANT_SEQ))
                .where(WEEKLY_AVAILABILITY.EVENT_ID.eq(eventId))
                .orderBy(WEEKLY_AVAILABILITY.PARTICIPANT_SEQ, WEEKLY_AVAILABILITY.ORDINAL)
                .forEach(r -> byId.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(weekly(r.value2(), r.value3(), r.value4(), r.value5())));
        List<Participant> answered = new ArrayList<>(participants.size());
        for (Participant p : participants) {
            answered.add(p.withWeekly(byId.getOrDefault(p.id(), List.of())));
        }
        return answered;
    }

    private static boolean isWeekly(DSLContext dsl, String eventId) {
        return dsl.fetchExists(EVENT, EVENT.ID.eq(eventId).and(EVENT.KIND.eq("weekly")));
    }

    /** Replaces the participant's weekly answer as written (a weekly poll's). */
    public void replaceWeekly(DSLContext dsl, long seq, String eventId, List<WeeklyAvailability> weekly) {
        dsl.deleteFrom(WEEKLY_AVAILABILITY).where(WEEKLY_AVAILABILITY.PARTICIPANT_SEQ.eq(seq)).execute();
        for (int i = 0; i < weekly.size(); i++) {
            WeeklyAvailability w = weekly.get(i);
            dsl.insertInto(WEEKLY_AVAILABILITY).set(WEEKLY_AVAILABILITY.PARTICIPANT_SEQ, seq)
                    .set(WEEKLY_AVAILABILITY.ORDINAL, i).set(WEEKLY_AVAILABILITY.EVENT_ID, eventId)
                    .set(WEEKLY_AVAILABILITY.DAY_OF_WEEK, w.window().day().getValue())
                    .set(WEEKLY_AVAILABILITY.START_MINUTE, w.window().startMinute())
                    .set(WEEKLY_AVAILABILITY.END_MINUTE, w.window().endMinute())
                    .set(WEEKLY_AVAILABILITY.PREFERENCE, AvailabilityWindow.wire(w.preference())).execute();
        }
    }

    private static Participant withWeekly(DSLContext dsl, String eventId, long seq, Participant p) {
        if (!isWeekly(dsl, eventId)) {
            return p;
        }
        return p.withWeekly(dsl.selectFrom(WEEKLY_AVAILABILITY).where(WEEKLY_AVAILABILITY.PARTICIPANT_SEQ.eq(seq))
                .orderBy(WEEKLY_AVAILABILITY.ORDINAL)
                .fetch(w -> weekly(w.getDayOfWeek(), w.getStartMinute(), w.getEndMinute(), w.getPreference())));
    }

    /** A stored weekly answer row. */
    private static WeeklyAvailability weekly(int day, int startMinute, int endMinute, String preference) {
        return new WeeklyAvailability(new WeeklyWindow(DayOfWeek.of(day), startMinute, endMinute),
                AvailabilityWindow.fromWire(preference));
    }

    private static Participant joinedParticipant(Record r, List<AvailabilityWindow> windows) {
        return new Participant(r.get(1, String.class), r.get(2, String.class), ZoneId.of(r.get(3, String.class)),
                r.get(4, Boolean.class), windows, r.get(5, Long.class),
                r.get(6, Instant.class), r.get(7, Instant.class),
                hours(r.get(11, Integer.class), r.get(12, Integer.class)), null);
    }

    public void replaceAvailability(DSLContext dsl, long seq, String eventId, List<AvailabilityWindow> windows) {
        dsl.deleteFrom(AVAILABILITY_WINDOW).where(AVAILABILITY_WINDOW.PARTICIPANT_SEQ.eq(seq)).execute();
        insertWindows(dsl, seq, eventId, windows);
    }

    /** Writes name, zone, required and local hours, and bumps the version; 409 if the new name is taken. */
    public void update(DSLContext dsl, long seq, Participant p) {
        try {
            dsl.update(PARTICIPANT)
                    .set(editable(p))
                    .set(PARTICIPANT.VERSION, PARTICIPANT.VERSION.plus(1))
                    .set(PARTICIPANT.UPDATED_AT, p.updatedAt())
                    .where(PARTICIPANT.SEQ.eq(seq))
                    .execute();
        } catch (DataAccessException e) {
            throw DbErrors.isDuplicateKey(e) ? nameTaken(p.name()) : e;
        }
    }

    /** The columns of what a participant may change: name (and its key), zone, required, local hours. */
    private static Map<Field<?>, Object> editable(Participant p) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(PARTICIPANT.NAME, p.name());
        values.put(PARTICIPANT.NAME_KEY, Names.key(p.name()));
        values.put(PARTICIPANT.TIMEZONE, p.timezone().getId());
        values.put(PARTICIPANT.IS_REQUIRED, p.required());
        values.put(PARTICIPANT.LOCAL_HOURS_START, p.localHours() == null ? null : p.localHours().startMinute());
        values.put(PARTICIPANT.LOCAL_HOURS_END, p.localHours() == null ? null : p.localHours().endMinute());
        return values;
    }

    public void delete(DSLContext dsl, long seq) {
        dsl.deleteFrom(PARTICIPANT).where(PARTICIPANT.SEQ.eq(seq)).execute();
    }

    private static void insertWindows(DSLContext dsl, long seq, String eventId, List<AvailabilityWindow> windows) {
        if (windows.isEmpty()) {
            return;
        }
        InsertValuesStep6<AvailabilityWindowRecord, Long, Integer, String, Instant, Instant, String> insert =
                dsl.insertInto(AVAILABILITY_WINDOW, AVAILABILITY_WINDOW.PARTICIPANT_SEQ, AVAILABILITY_WINDOW.ORDINAL,
                        AVAILABILITY_WINDOW.EVENT_ID, AVAILABILITY_WINDOW.START_AT, AVAILABILITY_WINDOW.END_AT,
                        AVAILABILITY_WINDOW.PREFERENCE);
        for (int i = 0; i < windows.size(); i++) {
            AvailabilityWindow w = windows.get(i);
            insert = insert.values(seq, i, eventId, w.window().start(), w.window().end(),
                    AvailabilityWindow.wire(w.preference()));
        }
        insert.execute();
    }

    private static List<AvailabilityWindow> windows(DSLContext dsl, long seq) {
        return dsl.selectFrom(AVAILABILITY_WINDOW)
                .where(AVAILABILITY_WINDOW.PARTICIPANT_SEQ.eq(seq))
                .orderBy(AVAILABILITY_WINDOW.ORDINAL)
                .fetch(ParticipantRepository::toWindow);
    }

    private static AvailabilityWindow toWindow(AvailabilityWindowRecord w) {
        return new AvailabilityWindow(new TimeWindow(w.getStartAt(), w.getEndAt()),
                AvailabilityWindow.fromWire(w.getPreference()));
    }

    private static Participant toParticipant(Record r, List<AvailabilityWindow> windows) {
        return new Participant(r.get(PARTICIPANT.ID), r.get(PARTICIPANT.NAME), ZoneId.of(r.get(PARTICIPANT.TIMEZONE)),
                r.get(PARTICIPANT.IS_REQUIRED), windows, r.get(PARTICIPANT.VERSION),
                r.get(PARTICIPANT.CREATED_AT), r.get(PARTICIPANT.UPDATED_AT),
                hours(r.get(PARTICIPANT.LOCAL_HOURS_START), r.get(PARTICIPANT.LOCAL_HOURS_END)), null);
    }

    private static DailyHours hours(Integer start, Integer end) {
        return start == null || end == null ? null : new DailyHours(start, end);
    }

    static ProblemException nameTaken(String name) {
        return new ProblemException(ProblemType.NAME_TAKEN,
                "a participant named \"" + name + "\" (ignoring case) already answered this event");
    }
}
