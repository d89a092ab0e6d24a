package io.slotpoll.event;

import io.slotpoll.auth.Access;
import io.slotpoll.auth.Secrets;
import io.slotpoll.db.TxHook;
import io.slotpoll.http.ApiException;
import io.slotpoll.http.Errors;
import io.slotpoll.http.ObjectFields;
import io.slotpoll.http.PathIds;
import io.slotpoll.participant.ParticipantRepository;
import io.slotpoll.time.RequestTimes;
import io.slotpoll.time.TimeWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Creates, changes and deletes events; each write is one transaction. */
public final class EventService {

    /** A new event and the admin token, which exists only in this answer. */
    public record Created(Event event, String adminToken) {
    }

    private final DSLContext dsl;
    private final EventRepository events;
    private final ParticipantRepository participants;
    private final Clock clock;

    public EventService(DSLContext dsl, EventRepository events, ParticipantRepository participants, Clock clock) {
        this.dsl = dsl;
        this.events = events;
        this.participants = participants;
        this.clock = clock;
    }

    Created create(EventDraft draft, TxHook<Created> hook) {
        Instant now = now();
        String token = Secrets.newToken();
        Event event = new Event(Secrets.newId(), draft.title(), draft.description(), draft.durationMinutes(),
                draft.slotStepMinutes(), draft.timezone(), draft.proposedWindows(), draft.deadline(),
                EventStatus.OPEN, 1, 0, now, now);
        Created created = new Created(event, token);
        dsl.transaction(tx -> {
            hook.before(tx.dsl());
            events.insert(tx.dsl(), event, Secrets.hash(token));
            hook.after(tx.dsl(), created);
        });
        return created;
    }

    Event get(String id) {
        return events.find(dsl, id).orElseThrow(() -> notFound(id));
    }

    /** Checks the admin token before the body is read: 404, then 401 or 403. */
    void authorize(String id, Optional<String> token) {
        requireAdmin(dsl, id, token);
    }

    Event patch(String id, Optional<String> token, EventChanges changes, Errors errors) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Event current = events.findForUpdate(t, id).orElseThrow(() -> notFound(id));
            requireAdmin(t, id, token);
            ZoneId zone = changes.timezone().orElse(current.timezone());
            List<TimeWindow> windows = current.proposedWindows();
            if (changes.proposedWindows().isPresent()) {
                windows = parseWindows(changes.proposedWindows().get(), Optional.of(zone));
            }
            Instant deadline = current.deadline();
            if (changes.deadlineGiven()) {
                deadline = RequestTimes.instant(changes.body(), "deadline", false, Optional.of(zone));
            }
            int duration = changes.durationMinutes().orElse(current.durationMinutes());
            EventRules.checkWindows(windows, duration, "proposedWindows", errors);
            errors.throwIfAny();
            Event changed = new Event(id,
                    changes.title().orElse(current.title()),
                    changes.description().map(d -> d.orElse(null)).orElse(current.description()),
                    duration,
                    changes.slotStepMinutes().orElse(current.slotStepMinutes()),
                    zone,
                    windows,
                    deadline,
                    changes.status().orElse(current.status()),
                    current.version() + 1,
                    current.participantCount(),
                    current.createdAt(),
                    now());
            events.update(t, changed, changes.proposedWindows().isPresent());
            return changed;
        });
    }

    void delete(String id, Optional<String> token) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            if (events.findForUpdate(t, id).isEmpty()) {
                throw notFound(id);
            }
            requireAdmin(t, id, token);
            events.delete(t, id);
        });
    }

    private void requireAdmin(DSLContext t, String id, Optional<String> token) {
        byte[] adminHash = events.adminTokenHash(t, id).orElseThrow(() -> notFound(id));
        Access.requireAdmin(token, adminHash, hash -> participants.existsWithToken(t, id, hash));
    }

    /**
     * Reads window items whose local times are in {@code zone}; errors land in the items'
     * error list. The result is aligned with {@code items}: null where a window could not
     * be read, so later checks name the right index.
     */
    static List<TimeWindow> parseWindows(List<ObjectFields> items, Optional<ZoneId> zone) {
        List<TimeWindow> windows = new ArrayList<>(items.size());
        for (ObjectFields item : items) {
            item.allowOnly(ObjectFields.names("start", "end"));
            windows.add(RequestTimes.window(item, zone));
        }
        return windows;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public static ApiException notFound(String id) {
        return ApiException.notFound("no event with id " + PathIds.shown(id));
    }
}
