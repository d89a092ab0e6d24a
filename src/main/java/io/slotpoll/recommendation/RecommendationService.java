package io.slotpoll.recommendation;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.slotpoll.algorithm.Heatmap;
import io.slotpoll.algorithm.MatchRequest;
import io.slotpoll.algorithm.MatchResult;
import io.slotpoll.algorithm.SlotMatcher;
import io.slotpoll.event.Event;
import io.slotpoll.event.EventRepository;
import io.slotpoll.participant.ParticipantRepository;
import io.slotpoll.time.EpochMinutes;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.jooq.DSLContext;

/**
 * Rankings and heatmaps of one consistent snapshot of an event: the matcher computes, the
 * {@link AnswerWriter} turns the result into bytes, and the {@link AnswerCache} keeps both
 * answers and snapshots. The cache's bytes go three quarters to answers and one quarter to
 * snapshots.
 */
public final class RecommendationService {

    private final SlotMatcher matcher;
    private final AnswerWriter writer;
    private final AnswerCache cache;
    private final Timer computeTime;
    private final DistributionSummary candidates;

    /** @param cacheBytes bound on what is kept in memory (answers and snapshots); 0 turns caching off */
    public RecommendationService(DSLContext dsl, EventRepository events, ParticipantRepository participants,
            SlotMatcher matcher, AnswerWriter writer, long cacheBytes, MeterRegistry registry) {
        this.matcher = matcher;
        this.writer = writer;
        long snapshotBytes = cacheBytes <= 0 ? 0 : cacheBytes / 4;
        this.cache = new AnswerCache(dsl, events,
                new SnapshotLoader(dsl, events, participants, writer::person, snapshotBytes),
                cacheBytes <= 0 ? 0 : cacheBytes - snapshotBytes, registry);
        this.computeTime = Timer.builder("recommendation.compute")
                .description("ranking and writing one uncached answer").register(registry);
        this.candidates = DistributionSummary.builder("recommendation.candidates")
                .description("candidate starts evaluated per computed answer").register(registry);
    }

    /** The ranking for a query, unless the client's copy (judged by event version) is current. */
    AnswerCache.Served recommend(String eventId, Query query, LongPredicate clientIsCurrent) {
        return cache.serve(eventId, query, clientIsCurrent, snapshot -> rank(snapshot, query));
    }

    /** The heatmap, served and cached exactly as rankings are (by event version and query). */
    AnswerCache.Served heatmap(String eventId, HeatmapQuery query, LongPredicate clientIsCurrent) {
        return cache.serve(eventId, query, clientIsCurrent, snapshot -> cells(snapshot, query));
    }

    private byte[] rank(Snapshot snapshot, Query query) {
        Event event = snapshot.event();
        long started = System.nanoTime();
        MatchResult result = matcher.match(new MatchRequest(snapshot.proposed(), event.durationMinutes(),
                event.slotStepMinutes(), snapshot.matcherInput(), query.minAvailable(), query.limit()));
        candidates.record(result.candidatesEvaluated());
        byte[] bytes = writer.recommendations(snapshot, result, query);
        computeTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return bytes;
    }

    /** Cells whose start lies in the query's window ({@code from} and {@code to} rounded up to a whole minute). */
    private byte[] cells(Snapshot snapshot, HeatmapQuery query) {
        long from = query.from().map(EpochMinutes::ceil).orElse(Long.MIN_VALUE / 4);
        long to = query.to().map(EpochMinutes::ceil).orElse(Long.MAX_VALUE / 4);
        Heatmap.Result cells = Heatmap.compute(snapshot.proposed(), snapshot.event().slotStepMinutes(),
                snapshot.matcherInput(), from, to, query.members() ? Heatmap.Detail.MEMBERS : Heatmap.Detail.COUNTS);
        return writer.heatmap(snapshot, cells, query);
    }
}
