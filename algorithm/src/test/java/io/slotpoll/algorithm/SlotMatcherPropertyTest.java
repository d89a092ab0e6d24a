package io.slotpoll.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The matcher agrees exactly with the naive reference on many small random inputs.
 * Seeds are fixed so a failure names the seed and case that reproduce it.
 */
class SlotMatcherPropertyTest {

    private static final int CASES_PER_SEED = 2_000;

    private final SlotMatcher matcher = new SlotMatcher();
    private final NaiveMatcher naive = new NaiveMatcher();
    private final ScanMatcher scan = new ScanMatcher();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void matches_naive_reference_exactly(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            MatchRequest request = randomRequest(random, 1 + random.nextInt(12));
            MatchResult expected = naive.match(request);
            assertThat(matcher.match(request)).as("seed %d case %d: %s", seed, i, request).isEqualTo(expected);
            assertThat(scan.match(request)).as("scan, seed %d case %d: %s", seed, i, request).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    void lists_every_candidate_when_the_limit_allows(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            MatchRequest request = randomRequest(random, 10_000);
            MatchResult result = matcher.match(request);
            assertThat(result).as("seed %d case %d: %s", seed, i, request).isEqualTo(naive.match(request));
            if (request.minAttending() == 0 && result.candidatesEvaluated() > 0) {
                assertThat(result.slots()).hasSize(result.candidatesEvaluated());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void matches_naive_reference_with_local_hours_across_dst_changes_and_midnights(long seed) {
        checkWithHours(seed, false);
    }

    /** The same when people share their hours (the matcher works out shared hours once for all who hold them). */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {24, 25, 26})
    void matches_naive_reference_when_people_share_their_local_hours(long seed) {
        checkWithHours(seed, true);
    }

    private void checkWithHours(long seed, boolean shared) {
        Random random = new Random(seed);
        int outsideSeen = 0;
        int partialSeen = 0;
        for (int i = 0; i < CASES_PER_SEED; i++) {
            ZoneId zone = ZonedCases.zone(random);
            long base = ZonedCases.nearSomethingHard(random, zone);
            MatchRequest plain = randomRequest(random, 1 + random.nextInt(30));
            List<LocalHours> pool = !shared ? List.of() : List.of(ZonedCases.hoursAround(random, zone, base + random.nextInt(280)),
                    ZonedCases.hoursAround(random, ZonedCases.zone(random), base + random.nextInt(280)));
            List<Respondent> withHours = new ArrayList<>();
            for (Respondent p : plain.participants()) {
                List<Availability> moved = p.availability().stream()
                        .map(a -> new Availability(new Interval(a.interval().start() + base, a.interval().end() + base),
                                a.preference()))
                        .toList();
                Optional<LocalHours> hours = random.nextInt(4) == 0 ? Optional.empty()
                        : shared ? Optional.of(pool.get(random.nextInt(pool.size())))
                        : Optional.of(ZonedCases.hoursAround(random, random.nextInt(4) == 0 ? ZonedCases.zone(random) : zone,
                                base + random.nextInt(280)));
                withHours.add(new Respondent(p.required(), moved, hours));
            }
            MatchRequest request = new MatchRequest(
                    plain.proposedWindows().stream().map(w -> new Interval(w.start() + base, w.end() + base)).toList(),
                    plain.durationMinutes(), plain.stepMinutes(), withHours, plain.minAttending(), plain.limit());
            MatchResult expected = naive.match(request);
            assertThat(matcher.match(request)).as("seed %d case %d: %s", seed, i, request).isEqualTo(expected);
            for (RankedSlot slot : expected.slots()) {
                outsideSeen += slot.outsideHours().size();
                partialSeen += slot.partial().size();
            }
        }
        assertThat(outsideSeen).as("the cases reach people outside their hours").isGreaterThan(1_000);
        assertThat(partialSeen).as("the cases reach partial attendance").isGreaterThan(1_000);
    }

    private static MatchRequest randomRequest(Random random, int limit) {
        List<Interval> proposed = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            proposed.add(interval(random, 0, 240, 90));
        }
        List<Respondent> participants = new ArrayList<>();
        for (int p = random.nextInt(7); p > 0; p--) {
            List<Availability> windows = new ArrayList<>();
            for (int w = random.nextInt(6); w > 0; w--) {
                Preference preference = random.nextInt(3) == 0 ? Preference.IF_NEED_BE : Preference.YES;
                windows.add(new Availability(interval(random, -30, 280, 120), preference));
            }
            participants.add(new Respondent(random.nextInt(4) == 0, windows));
        }
        int duration = 1 + random.nextInt(60);
        int step = 1 + random.nextInt(20);
        int minAttending = random.nextInt(3) == 0 ? random.nextInt(5) : 0;
        return new MatchRequest(proposed, duration, step, participants, minAttending, limit);
    }

    private static Interval interval(Random random, int min, int max, int maxLength) {
        long start = (long) min + random.nextInt(max - min + 1);
        return new Interval(start, start + 1 + random.nextInt(maxLength));
    }
}
