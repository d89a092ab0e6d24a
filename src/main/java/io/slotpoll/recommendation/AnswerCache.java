package io.slotpoll.recommendation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotpoll.event.EventRepository;
import io.slotpoll.event.EventService;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.jooq.DSLContext;

/**
 * Serves computed answers (rankings and heatmaps alike) and keeps them, with their gzip form
 * ({@link AnswerBody}), keyed by (event id, event version, query).
 *
 * <p>With the cache on, one primary-key read of the event's version decides between "the
 * client's copy is current", a kept answer, an answer computed from a kept snapshot, and
 * loading. The version comes from the database, so instances behind a load balancer never
 * serve an answer older than the data; concurrent requests for one event share that read
 * ({@link CoalescedReads}) without weakening it. With the cache off every answer is
 * computed from a fresh (coalesced) load.
 */
final class AnswerCache {

    /** The answer's event version, and its body unless the client's copy is current. */
    record Served(long version, Optional<AnswerBody> body) {
    }

    /** Everything an answer depends on: the event's identity and version, and the normalised query. */
    private record Key(String eventId, long version, Object query) {
    }

    private final SnapshotLoader snapshots;
    private final CoalescedReads<String, Optional<Long>> versions;
    private final Cache<Key, AnswerBody> answers;
    private final Counter hits;
    private final Counter misses;
    private final Counter notModified;

    /** @param answerBytes bound on the answers kept in memory; 0 turns the cache off */
    AnswerCache(DSLContext dsl, EventRepository events, SnapshotLoader snapshots, long answerBytes,
            MeterRegistry registry) {
        this.snapshots = snapshots;
        this.versions = new CoalescedReads<>(id -> events.version(dsl, id));
        this.answers = answerBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(answerBytes)
                .weigher((Key key, AnswerBody body) -> body.weight())
                .build();
        this.hits = Counter.builder("recommendation.cache").tag("result", "hit").register(registry);
        this.misses = Counter.builder("recommendation.cache").tag("result", "miss").register(registry);
        this.notModified = Counter.builder("recommendation.cache").tag("result", "not-modified").register(registry);
    }

    /**
     * @param query the normalised query (a record: part of the key)
     * @param clientIsCurrent whether the client already holds the answer for this event version
     * @param compute the answer's bytes from a snapshot
     */
    Served serve(String eventId, Object query, LongPredicate clientIsCurrent, Function<Snapshot, byte[]> compute) {
        if (answers != null) {
            long version = versions.get(eventId).orElseThrow(() -> EventService.notFound(eventId));
            if (clientIsCurrent.test(version)) {
                notModified.increment();
                return new Served(version, Optional.empty());
            }
            Key key = new Key(eventId, version, query);
            AnswerBody kept = answers.getIfPresent(key);
            if (kept != null) {
                hits.increment();
                return new Served(version, Optional.of(kept));
            }
            misses.increment();
            Optional<Snapshot> snapshot = snapshots.kept(eventId, version);
            if (snapshot.isPresent()) {
                AnswerBody body = new AnswerBody(compute.apply(snapshot.get()));
                answers.put(key, body);
                return new Served(version, Optional.of(body));
            }
        }
        Snapshot snapshot = snapshots.load(eventId).orElseThrow(() -> EventService.notFound(eventId));
        long version = snapshot.event().version();
        if (clientIsCurrent.test(version)) {
            return new Served(version, Optional.empty());
        }
        AnswerBody body = new AnswerBody(compute.apply(snapshot));
        if (answers != null) {
            answers.put(new Key(eventId, version, query), body);
        }
        return new Served(version, Optional.of(body));
    }
}
