package io.slotpoll.recommendation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.slotpoll.event.EventRepository;
import io.slotpoll.participant.Participant;
import io.slotpoll.participant.ParticipantRepository;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Loads {@link Snapshot}s and keeps them by (event id, event version), so that a new limit,
 * minimum or zone for an unchanged event ranks again without reading again. Concurrent
 * loads of one event share a read ({@link CoalescedReads}).
 */
final class SnapshotLoader {

    /** One version of one event: what a snapshot is kept under. */
    private record Version(String eventId, long version) {
    }

    private final DSLContext dsl;
    private final EventRepository events;
    private final ParticipantRepository participants;
    private final Function<Participant, String> render;
    private final CoalescedReads<String, Optional<Snapshot>> reads;
    private final Cache<Version, Snapshot> kept;

    /**
     * @param render how the answer writer renders a mention of a participant, done once per snapshot
     * @param keptBytes bound on the snapshots kept in memory; 0 keeps none
     */
    SnapshotLoader(DSLContext dsl, EventRepository events, ParticipantRepository participants,
            Function<Participant, String> render, long keptBytes) {
        this.dsl = dsl;
        this.events = events;
        this.participants = participants;
        this.render = render;
        this.reads = new CoalescedReads<>(this::read);
        this.kept = keptBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(keptBytes)
                .weigher((Version key, Snapshot snapshot) -> snapshot.weight())
                .build();
    }

    /** The snapshot kept for this version of the event, if any. */
    Optional<Snapshot> kept(String eventId, long version) {
        return kept == null ? Optional.empty() : Optional.ofNullable(kept.getIfPresent(new Version(eventId, version)));
    }

    /** Reads the event as it is now (sharing a read that starts after this call), and keeps it; empty if there is none. */
    Optional<Snapshot> load(String eventId) {
        Optional<Snapshot> snapshot = reads.get(eventId);
        if (kept != null && snapshot.isPresent()) {
            kept.put(new Version(eventId, snapshot.get().event().version()), snapshot.get());
        }
        return snapshot;
    }

    /**
     * Reads the event first, then its participants, in one transaction: under MySQL's
     * REPEATABLE READ both see the same snapshot, so the version in the ETag is the
     * version of the data ranked.
     */
    private Optional<Snapshot> read(String eventId) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            return events.find(t, eventId).map(event -> {
                List<Participant> people = participants.listByEvent(t, eventId);
                return new Snapshot(event, people, people.stream().map(render).toList(),
                        MatcherInput.proposed(event), MatcherInput.respondents(people, event.localHours()));
            });
        });
    }
}
