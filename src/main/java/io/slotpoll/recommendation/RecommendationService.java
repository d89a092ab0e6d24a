package io.slotpoll.recommendation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.slotpoll.algorithm.Availability;
import io.slotpoll.algorithm.EmptyReason;
import io.slotpoll.algorithm.Heatmap;
import io.slotpoll.algorithm.Interval;
import io.slotpoll.algorithm.LocalHours;
import io.slotpoll.algorithm.MatchRequest;
import io.slotpoll.algorithm.MatchResult;
import io.slotpoll.algorithm.RankedSlot;
import io.slotpoll.algorithm.SlotMatcher;
import io.slotpoll.event.Event;
import io.slotpoll.event.EventRepository;
import io.slotpoll.event.EventService;
import io.slotpoll.http.EntityTags;
import io.slotpoll.participant.Participant;
import io.slotpoll.participant.ParticipantRepository;
import io.slotpoll.time.EpochMinutes;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.TimeWindow;
import io.slotpoll.time.Times;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.jooq.DSLContext;

/**
 * Computes recommendations from one consistent read of an event and its participants,
 * and keeps serialised answers in a bounded cache keyed by (event id, event version, query).
 * The read itself (a snapshot) is kept too, keyed by (event id, event version), so that a
 * new limit, minimum or zone for an unchanged event ranks again without loading again.
 * Answers get three quarters of the cache's bytes and snapshots one quarter.
 */
public final class RecommendationService {

    /** A validated query. */
    public record Query(int limit, int minAvailable, Optional<ZoneId> zone) {
    }

    /** Either the serialised answer with its ETag, or only the ETag when the client's copy is current. */
    public record Answer(String etag, Optional<AnswerBody> body) {
    }

    /**
     * An event and its participants as read in one transaction, prepared once for every
     * request that shares it: the matcher's input, and each participant's
     * {@code {"id","name"}} already serialised (an answer lists every participant once per
     * slot, so escaping them once per snapshot instead of once per mention pays).
     */
    private record Snapshot(Event event, List<Participant> participants, List<String> personJson,
            List<Interval> proposed, List<io.slotpoll.algorithm.Participant> matcherInput) {

        /** Roughly the bytes it holds: objects per participant and per window, and the serialised names. */
        int weight() {
            long bytes = 1024L + 64L * proposed.size();
            for (int i = 0; i < participants.size(); i++) {
                bytes += 320L + 2L * personJson.get(i).length() + 160L * participants.get(i).availability().size();
            }
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        }
    }

    /** Everything an answer depends on: the event's identity and version, and the normalised query. */
    private record Key(String eventId, long version, Object query) {
    }

    /** A validated heatmap query: the zone of the local twins, the window of cell starts, and whether to list members. */
    public record HeatmapQuery(Optional<ZoneId> zone, Optional<Instant> from, Optional<Instant> to, boolean members) {
    }

    /** One version of one event: what a snapshot is kept under. */
    private record Version(String eventId, long version) {
    }

    private final DSLContext dsl;
    private final EventRepository events;
    private final ParticipantRepository participants;
    private final SlotMatcher matcher;
    private final ObjectMapper mapper;
    private final Cache<Key, AnswerBody> cache;
    private final Cache<Version, Snapshot> loaded;
    private final CoalescedReads<String, Optional<Long>> versions;
    private final CoalescedReads<String, Optional<Snapshot>> snapshots;
    private final Timer computeTime;
    private final DistributionSummary candidates;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Counter notModified;

    /**
     * @param cacheBytes bound on the serialised answers kept in memory; 0 turns caching off
     */
    public RecommendationService(DSLContext dsl, EventRepository events, ParticipantRepository participants,
            SlotMatcher matcher, ObjectMapper mapper, long cacheBytes, MeterRegistry registry) {
        this.computeTime = Timer.builder("recommendation.compute")
                .description("ranking and writing one uncached answer").register(registry);
        this.candidates = DistributionSummary.builder("recommendation.candidates")
                .description("candidate starts evaluated per computed answer").register(registry);
        this.cacheHits = Counter.builder("recommendation.cache").tag("result", "hit").register(registry);
        this.cacheMisses = Counter.builder("recommendation.cache").tag("result", "miss").register(registry);
        this.notModified = Counter.builder("recommendation.cache").tag("result", "not-modified").register(registry);
        this.dsl = dsl;
        this.events = events;
        this.participants = participants;
        this.matcher = matcher;
        this.mapper = mapper;
        this.versions = new CoalescedReads<>(id -> events.version(dsl, id));
        this.snapshots = new CoalescedReads<>(this::load);
        this.cache = cacheBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(cacheBytes - cacheBytes / 4)
                .weigher((Key key, AnswerBody body) -> body.weight())
                .build();
        this.loaded = cacheBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(cacheBytes / 4)
                .weigher((Version key, Snapshot snapshot) -> snapshot.weight())
                .build();
    }

    /**
     * With the cache: one primary-key read of the event's version decides between 304, a
     * cached answer, and computing. The version comes from the database, so instances
     * behind a load balancer never serve an answer older than the data; concurrent
     * requests for one event share reads ({@link CoalescedReads}) without weakening that.
     */
    Answer recommend(String eventId, Query query, String ifNoneMatch) {
        return serve(eventId, query, version -> etag(version, query), snapshot -> write(snapshot, query), ifNoneMatch);
    }

    /** The heatmap, served and cached exactly as recommendations are (by event version and query). */
    Answer heatmap(String eventId, HeatmapQuery query, String ifNoneMatch) {
        return serve(eventId, query, version -> heatmapEtag(version, query), snapshot -> writeHeatmap(snapshot, query),
                ifNoneMatch);
    }

    private Answer serve(String eventId, Object query, LongFunction<String> etagOf, Function<Snapshot, byte[]> write,
            String ifNoneMatch) {
        if (cache != null) {
            long version = versions.get(eventId).orElseThrow(() -> EventService.notFound(eventId));
            String etag = etagOf.apply(version);
            if (EntityTags.noneMatchHits(ifNoneMatch, etag)) {
                notModified.increment();
                return new Answer(etag, Optional.empty());
            }
            AnswerBody cached = cache.getIfPresent(new Key(eventId, version, query));
            if (cached != null) {
                cacheHits.increment();
                return new Answer(etag, Optional.of(cached));
            }
            cacheMisses.increment();
            Snapshot kept = loaded.getIfPresent(new Version(eventId, version));
            if (kept != null) {
                AnswerBody body = new AnswerBody(write.apply(kept));
                cache.put(new Key(eventId, version, query), body);
                return new Answer(etag, Optional.of(body));
            }
        }
        Snapshot snapshot = snapshots.get(eventId).orElseThrow(() -> EventService.notFound(eventId));
        if (loaded != null) {
            loaded.put(new Version(eventId, snapshot.event().version()), snapshot);
        }
        Event event = snapshot.event();
        String etag = etagOf.apply(event.version());
        if (EntityTags.noneMatchHits(ifNoneMatch, etag)) {
            return new Answer(etag, Optional.empty());
        }
        AnswerBody body = new AnswerBody(write.apply(snapshot));
        if (cache != null) {
            cache.put(new Key(eventId, event.version(), query), body);
        }
        return new Answer(etag, Optional.of(body));
    }

    /**
     * The heatmap in the field order of docs/openapi.yaml (Heatmap): cells from the matcher
     * module's {@link Heatmap}, their counts first so that {@code maxAttending} (over the
     * cells returned) comes before them.
     */
    private byte[] writeHeatmap(Snapshot snapshot, HeatmapQuery query) {
        Event event = snapshot.event();
        long from = query.from().map(EpochMinutes::ceil).orElse(Long.MIN_VALUE / 4);
        long to = query.to().map(EpochMinutes::ceil).orElse(Long.MAX_VALUE / 4);
        Heatmap.Result cells = Heatmap.compute(snapshot.proposed(), event.slotStepMinutes(), snapshot.matcherInput(),
                from, to, query.members());
        int maxAttending = 0;
        for (int c = 0; c < cells.size(); c++) {
            maxAttending = Math.max(maxAttending, cells.available()[c] + cells.ifNeedBe()[c]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 96 * cells.size());
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("eventId", event.id());
            g.writeNumberField("eventVersion", event.version());
            g.writeNumberField("cellMinutes", event.slotStepMinutes());
            g.writeNumberField("participantCount", snapshot.participants().size());
            g.writeNumberField("maxAttending", maxAttending);
            g.writeArrayFieldStart("participants");
            for (Participant p : snapshot.participants()) {
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeStringField("name", p.name());
                g.writeBooleanField("required", p.required());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("cells");
            for (int c = 0; c < cells.size(); c++) {
                Instant start = EpochMinutes.instant(cells.starts()[c]);
                Instant end = EpochMinutes.instant(cells.ends()[c]);
                g.writeStartObject();
                g.writeStringField("start", Times.utc(start));
                g.writeStringField("end", Times.utc(end));
                if (query.zone().isPresent()) {
                    g.writeStringField("startLocal", Times.local(start, query.zone().get()));
                    g.writeStringField("endLocal", Times.local(end, query.zone().get()));
                }
                g.writeNumberField("availableCount", cells.available()[c]);
                g.writeNumberField("ifNeedBeCount", cells.ifNeedBe()[c]);
                if (query.members()) {
                    int[] available = cells.availableMembers().get(c);
                    g.writeFieldName("available");
                    g.writeArray(available, 0, available.length);
                    int[] maybe = cells.ifNeedBeMembers().get(c);
                    g.writeFieldName("ifNeedBe");
                    g.writeArray(maybe, 0, maybe.length);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the heatmap", e);
        }
        return out.toByteArray();
    }

    /** Derived from the event version and the normalised heatmap query. */
    static String heatmapEtag(long version, HeatmapQuery query) {
        return EntityTags.strong("h-" + version + "-" + query.zone().map(ZoneId::getId).orElse("utc") + "-"
                + query.from().map(Times::utc).orElse("") + "-" + query.to().map(Times::utc).orElse("") + "-"
                + (query.members() ? "m" : "c"));
    }

    /**
     * Reads the event first, then its participants, in one transaction: under MySQL's
     * REPEATABLE READ both see the same snapshot, so the version in the ETag is the
     * version of the data ranked. Concurrent requests for one event share a load
     * ({@link CoalescedReads}); each still ranks and serialises for its own query.
     */
    private Optional<Snapshot> load(String eventId) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            return events.find(t, eventId).map(event -> {
                List<Participant> people = participants.listByEvent(t, eventId);
                return new Snapshot(event, people, people.stream().map(this::personJson).toList(),
                        event.proposedWindows().stream().map(RecommendationService::interval).toList(),
                        people.stream().map(p -> toMatcher(p, event.localHours())).toList());
            });
        });
    }

    private String personJson(Participant p) {
        try {
            return mapper.writeValueAsString(new Person(p.id(), p.name()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a participant reference", e);
        }
    }

    /** A participant as the answer names it. */
    private record Person(String id, String name) {
    }

    /**
     * Ranks and writes the answer in one pass with Jackson's streaming generator, in the
     * field order of docs/openapi.yaml (Recommendations, Slot). Local twins appear only when
     * the query names a zone; {@code emptyReason} is null exactly when there are slots.
     */
    private byte[] write(Snapshot snapshot, Query query) {
        Event event = snapshot.event();
        List<Participant> people = snapshot.participants();
        long started = System.nanoTime();
        MatchResult result = matcher.match(new MatchRequest(snapshot.proposed(), event.durationMinutes(),
                event.slotStepMinutes(), snapshot.matcherInput(), query.minAvailable(), query.limit()));
        candidates.record(result.candidatesEvaluated());
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 64 * people.size() * result.slots().size());
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("eventId", event.id());
            g.writeNumberField("eventVersion", event.version());
            g.writeNumberField("durationMinutes", event.durationMinutes());
            g.writeNumberField("slotStepMinutes", event.slotStepMinutes());
            g.writeNumberField("participantCount", people.size());
            g.writeNumberField("candidatesEvaluated", result.candidatesEvaluated());
            g.writeArrayFieldStart("recommendations");
            for (RankedSlot s : result.slots()) {
                Instant start = EpochMinutes.instant(s.start());
                Instant end = EpochMinutes.instant(s.end());
                g.writeStartObject();
                g.writeNumberField("rank", s.rank());
                g.writeStringField("start", Times.utc(start));
                g.writeStringField("end", Times.utc(end));
                if (query.zone().isPresent()) {
                    g.writeStringField("startLocal", Times.local(start, query.zone().get()));
                    g.writeStringField("endLocal", Times.local(end, query.zone().get()));
                }
                g.writeNumberField("score", s.score());
                g.writeNumberField("availableCount", s.available().size());
                g.writeNumberField("ifNeedBeCount", s.ifNeedBe().size());
                g.writeNumberField("unavailableCount", s.unavailable().size());
                writePeople(g, "available", s.available(), snapshot.personJson());
                writePeople(g, "ifNeedBe", s.ifNeedBe(), snapshot.personJson());
                writePeople(g, "unavailable", s.unavailable(), snapshot.personJson());
                writePeople(g, "requiredUnavailable", s.requiredUnavailable(), snapshot.personJson());
                g.writeArrayFieldStart("partial");
                for (RankedSlot.Partial partial : s.partial()) {
                    Participant p = people.get(partial.participant());
                    g.writeStartObject();
                    g.writeStringField("id", p.id());
                    g.writeStringField("name", p.name());
                    g.writeNumberField("minutesFree", partial.minutesFree());
                    g.writeEndObject();
                }
                g.writeEndArray();
                writePeople(g, "outsideHours", s.outsideHours(), snapshot.personJson());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (result.emptyReason().isPresent()) {
                g.writeStringField("emptyReason", wire(result.emptyReason().get()));
            } else {
                g.writeNullField("emptyReason");
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recommendations", e);
        }
        computeTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return out.toByteArray();
    }

    private static void writePeople(JsonGenerator g, String field, List<Integer> positions, List<String> personJson)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (int position : positions) {
            g.writeRawValue(personJson.get(position));
        }
        g.writeEndArray();
    }

    /** The participant for the matcher, with the hours that apply to them (their own, else the event's) in their zone. */
    private static io.slotpoll.algorithm.Participant toMatcher(Participant p, DailyHours eventHours) {
        DailyHours hours = p.localHours() != null ? p.localHours() : eventHours;
        return new io.slotpoll.algorithm.Participant(p.required(), p.availability().stream()
                .map(w -> new Availability(interval(w.window()), w.preference()))
                .toList(),
                hours == null ? Optional.empty()
                        : Optional.of(new LocalHours(p.timezone(), hours.startMinute(), hours.endMinute())));
    }

    private static Interval interval(TimeWindow window) {
        return EpochMinutes.interval(window);
    }

    private static String wire(EmptyReason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Derived from the event version and the normalised query: any change to either changes it. */
    static String etag(long version, Query query) {
        return EntityTags.strong(version + "-" + query.limit() + "-" + query.minAvailable() + "-"
                + query.zone().map(ZoneId::getId).orElse("utc"));
    }
}
