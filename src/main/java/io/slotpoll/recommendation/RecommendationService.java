package io.slotpoll.recommendation;

import io.slotpoll.algorithm.Availability;
import io.slotpoll.algorithm.EmptyReason;
import io.slotpoll.algorithm.Interval;
import io.slotpoll.algorithm.MatchRequest;
import io.slotpoll.algorithm.MatchResult;
import io.slotpoll.algorithm.RankedSlot;
import io.slotpoll.algorithm.SlotMatcher;
import io.slotpoll.event.Event;
import io.slotpoll.event.EventRepository;
import io.slotpoll.event.EventService;
import io.slotpoll.http.EntityTags;
import io.slotpoll.participant.AvailabilityWindow;
import io.slotpoll.participant.Participant;
import io.slotpoll.participant.ParticipantRepository;
import io.slotpoll.time.TimeWindow;
import io.slotpoll.time.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

/** Computes recommendations from one consistent read of an event and its participants. */
public final class RecommendationService {

    /** A validated query. */
    public record Query(int limit, int minAvailable, Optional<ZoneId> zone) {
    }

    /** Either the answer with its ETag, or only the ETag when the client's copy is current. */
    public record Answer(String etag, Optional<RecommendationView> view) {
    }

    private final DSLContext dsl;
    private final EventRepository events;
    private final ParticipantRepository participants;
    private final SlotMatcher matcher;

    public RecommendationService(DSLContext dsl, EventRepository events, ParticipantRepository participants,
            SlotMatcher matcher) {
        this.dsl = dsl;
        this.events = events;
        this.participants = participants;
        this.matcher = matcher;
    }

    /**
     * Reads the event first, then its participants, in one transaction: under MySQL's
     * REPEATABLE READ both reads see the same snapshot, so the version in the ETag is
     * the version of the data ranked.
     */
    Answer recommend(String eventId, Query query, String ifNoneMatch) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Event event = events.find(t, eventId).orElseThrow(() -> EventService.notFound(eventId));
            String etag = etag(event, query);
            if (EntityTags.noneMatchHits(ifNoneMatch, etag)) {
                return new Answer(etag, Optional.empty());
            }
            List<Participant> people = participants.listByEvent(t, eventId);
            return new Answer(etag, Optional.of(rank(event, people, query)));
        });
    }

    RecommendationView rank(Event event, List<Participant> people, Query query) {
        MatchResult result = matcher.match(new MatchRequest(
                event.proposedWindows().stream().map(RecommendationService::interval).toList(),
                event.durationMinutes(),
                event.slotStepMinutes(),
                people.stream().map(RecommendationService::toMatcher).toList(),
                query.minAvailable(),
                query.limit()));
        List<RecommendationView.Slot> slots = result.slots().stream().map(s -> slot(s, people, query.zone())).toList();
        return new RecommendationView(event.id(), event.version(), event.durationMinutes(), event.slotStepMinutes(),
                people.size(), result.candidatesEvaluated(), slots, result.emptyReason().map(RecommendationService::wire).orElse(null));
    }

    private static RecommendationView.Slot slot(RankedSlot s, List<Participant> people, Optional<ZoneId> zone) {
        Instant start = AvailabilityWindow.fromMinutes(s.start());
        Instant end = AvailabilityWindow.fromMinutes(s.end());
        return new RecommendationView.Slot(s.rank(), Times.utc(start), Times.utc(end),
                zone.map(z -> Times.local(start, z)).orElse(null), zone.map(z -> Times.local(end, z)).orElse(null),
                s.score(), s.available().size(), s.ifNeedBe().size(), s.unavailable().size(),
                persons(s.available(), people), persons(s.ifNeedBe(), people),
                persons(s.unavailable(), people), persons(s.requiredUnavailable(), people));
    }

    private static List<RecommendationView.Person> persons(List<Integer> positions, List<Participant> people) {
        return positions.stream().map(i -> new RecommendationView.Person(people.get(i).id(), people.get(i).name())).toList();
    }

    private static io.slotpoll.algorithm.Participant toMatcher(Participant p) {
        return new io.slotpoll.algorithm.Participant(p.required(), p.availability().stream()
                .map(w -> new Availability(interval(w.window()), w.preference()))
                .toList());
    }

    private static Interval interval(TimeWindow window) {
        return new Interval(AvailabilityWindow.toMinutes(window.start()), AvailabilityWindow.toMinutes(window.end()));
    }

    private static String wire(EmptyReason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Derived from the event version and the normalised query: any change to either changes it. */
    static String etag(Event event, Query query) {
        return EntityTags.strong(event.version() + "-" + query.limit() + "-" + query.minAvailable() + "-"
                + query.zone().map(ZoneId::getId).orElse("utc"));
    }
}
