package io.slotpoll.participant;

import static io.slotpoll.db.schema.Tables.AVAILABILITY_WINDOW;
import static io.slotpoll.db.schema.Tables.PARTICIPANT;

import io.slotpoll.db.DbErrors;
import io.slotpoll.db.DbTime;
import io.slotpoll.db.schema.tables.records.AvailabilityWindowRecord;
import io.slotpoll.db.schema.tables.records.ParticipantRecord;
import io.slotpoll.http.ApiException;
import io.slotpoll.http.ProblemType;
import io.slotpoll.time.TimeWindow;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep6;
import org.jooq.exception.DataAccessException;

/**
 * Stores participants and their availability. A name already taken in the event (ignoring
 * case) is refused by the unique key {@code ux_participant_event_name}, never by a read
 * first, so concurrent joins cannot both win.
 */
public final class ParticipantRepository {

    /** A stored participant with what only the service needs: its row key and token hash. */
    public record Stored(long seq, Participant participant, byte[] editTokenHash) {
    }

    /** Inserts the participant and its windows; 409 if the name is taken. Returns the row key. */
    public long insert(DSLContext dsl, String eventId, Participant p, byte[] editTokenHash) {
        long seq;
        try {
            seq = dsl.insertInto(PARTICIPANT)
                    .set(PARTICIPANT.ID, p.id())
                    .set(PARTICIPANT.EVENT_ID, eventId)
                    .set(PARTICIPANT.NAME, p.name())
                    .set(PARTICIPANT.NAME_KEY, Names.key(p.name()))
                    .set(PARTICIPANT.TIMEZONE, p.timezone().getId())
                    .set(PARTICIPANT.IS_REQUIRED, p.required())
                    .set(PARTICIPANT.VERSION, p.version())
                    .set(PARTICIPANT.EDIT_TOKEN_HASH, editTokenHash)
                    .set(PARTICIPANT.CREATED_AT, DbTime.toDb(p.createdAt()))
                    .set(PARTICIPANT.UPDATED_AT, DbTime.toDb(p.updatedAt()))
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
                .map(r -> toParticipant(r, windows(dsl, r.getSeq())));
    }

    /** Locks the participant row until the transaction ends. */
    public Optional<Stored> findForUpdate(DSLContext dsl, String eventId, String participantId) {
        return dsl.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(participantId).and(PARTICIPANT.EVENT_ID.eq(eventId)))
                .forUpdate()
                .fetchOptional()
                .map(r -> new Stored(r.getSeq(), toParticipant(r, windows(dsl, r.getSeq())), r.getEditTokenHash()));
    }

    public Optional<byte[]> editTokenHash(DSLContext dsl, String eventId, String participantId) {
        return dsl.select(PARTICIPANT.EDIT_TOKEN_HASH).from(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(participantId).and(PARTICIPANT.EVENT_ID.eq(eventId)))
                .fetchOptional(PARTICIPANT.EDIT_TOKEN_HASH);
    }

    /** Every participant of the event in creation order, with availability: two queries however many there are. */
    public List<Participant> listByEvent(DSLContext dsl, String eventId) {
        Map<Long, List<AvailabilityWindow>> windows = new HashMap<>();
        for (AvailabilityWindowRecord w : dsl.selectFrom(AVAILABILITY_WINDOW)
                .where(AVAILABILITY_WINDOW.EVENT_ID.eq(eventId))
                .orderBy(AVAILABILITY_WINDOW.PARTICIPANT_SEQ, AVAILABILITY_WINDOW.ORDINAL)
                .fetch()) {
            windows.computeIfAbsent(w.getParticipantSeq(), k -> new ArrayList<>()).add(toWindow(w));
        }
        return dsl.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.EVENT_ID.eq(eventId))
                .orderBy(PARTICIPANT.SEQ)
                .fetch(r -> toParticipant(r, windows.getOrDefault(r.getSeq(), List.of())));
    }

    public boolean existsWithToken(DSLContext dsl, String eventId, byte[] tokenHash) {
        return dsl.fetchExists(PARTICIPANT, PARTICIPANT.EVENT_ID.eq(eventId).and(PARTICIPANT.EDIT_TOKEN_HASH.eq(tokenHash)));
    }

    public void replaceAvailability(DSLContext dsl, long seq, String eventId, List<AvailabilityWindow> windows) {
        dsl.deleteFrom(AVAILABILITY_WINDOW).where(AVAILABILITY_WINDOW.PARTICIPANT_SEQ.eq(seq)).execute();
        insertWindows(dsl, seq, eventId, windows);
    }

    /** Writes name, zone and required, and bumps the version; 409 if the new name is taken. */
    public void update(DSLContext dsl, long seq, Participant p) {
        try {
            dsl.update(PARTICIPANT)
                    .set(PARTICIPANT.NAME, p.name())
                    .set(PARTICIPANT.NAME_KEY, Names.key(p.name()))
                    .set(PARTICIPANT.TIMEZONE, p.timezone().getId())
                    .set(PARTICIPANT.IS_REQUIRED, p.required())
                    .set(PARTICIPANT.VERSION, PARTICIPANT.VERSION.plus(1))
                    .set(PARTICIPANT.UPDATED_AT, DbTime.toDb(p.updatedAt()))
                    .where(PARTICIPANT.SEQ.eq(seq))
                    .execute();
        } catch (DataAccessException e) {
            throw DbErrors.isDuplicateKey(e) ? nameTaken(p.name()) : e;
        }
    }

    public void delete(DSLContext dsl, long seq) {
        dsl.deleteFrom(PARTICIPANT).where(PARTICIPANT.SEQ.eq(seq)).execute();
    }

    private static void insertWindows(DSLContext dsl, long seq, String eventId, List<AvailabilityWindow> windows) {
        if (windows.isEmpty()) {
            return;
        }
        InsertValuesStep6<AvailabilityWindowRecord, Long, Integer, String, LocalDateTime, LocalDateTime, String> insert =
                dsl.insertInto(AVAILABILITY_WINDOW, AVAILABILITY_WINDOW.PARTICIPANT_SEQ, AVAILABILITY_WINDOW.ORDINAL,
                        AVAILABILITY_WINDOW.EVENT_ID, AVAILABILITY_WINDOW.START_AT, AVAILABILITY_WINDOW.END_AT,
                        AVAILABILITY_WINDOW.PREFERENCE);
        for (int i = 0; i < windows.size(); i++) {
            AvailabilityWindow w = windows.get(i);
            insert = insert.values(seq, i, eventId, DbTime.toDb(w.window().start()), DbTime.toDb(w.window().end()),
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
        return new AvailabilityWindow(new TimeWindow(DbTime.fromDb(w.getStartAt()), DbTime.fromDb(w.getEndAt())),
                AvailabilityWindow.fromWire(w.getPreference()));
    }

    private static Participant toParticipant(ParticipantRecord r, List<AvailabilityWindow> windows) {
        return new Participant(r.getId(), r.getName(), ZoneId.of(r.getTimezone()), r.getIsRequired(), windows,
                r.getVersion(), DbTime.fromDb(r.getCreatedAt()), DbTime.fromDb(r.getUpdatedAt()));
    }

    static ApiException nameTaken(String name) {
        return new ApiException(ProblemType.NAME_TAKEN,
                "a participant named \"" + name + "\" (ignoring case) already answered this event");
    }
}
