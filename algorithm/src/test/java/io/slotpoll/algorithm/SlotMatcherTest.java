package io.slotpoll.algorithm;

import static io.slotpoll.algorithm.Availability.ifNeedBe;
import static io.slotpoll.algorithm.Availability.yes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotMatcherTest {

    private final SlotMatcher matcher = new SlotMatcher();

    private static MatchRequest request(List<Interval> proposed, int duration, int step, List<Respondent> ps,
            int minAttending, int limit) {
        return new MatchRequest(proposed, duration, step, ps, minAttending, limit);
    }

    private static List<Long> starts(MatchResult result) {
        return result.slots().stream().map(RankedSlot::start).toList();
    }

    @Test
    void ranks_three_people_over_two_windows_of_sixty_minutes() {
        Respondent ana = new Respondent(false, List.of(yes(600, 690), ifNeedBe(2280, 2400)));
        Respondent ben = new Respondent(false, List.of(yes(630, 720), yes(2280, 2340)));
        Respondent cy = new Respondent(true, List.of(ifNeedBe(600, 720)));
        MatchResult result = matcher.match(request(
                List.of(new Interval(600, 720), new Interval(2280, 2400)), 60, 15, List.of(ana, ben, cy), 0, 100));

        assertThat(result.candidatesEvaluated()).isEqualTo(10);
        assertThat(result.emptyReason()).isEmpty();
        assertThat(starts(result)).containsExactly(630L, 600L, 615L, 645L, 660L, 2280L, 2295L, 2310L, 2325L, 2340L);
        assertThat(result.slots().get(0)).isEqualTo(
                new RankedSlot(1, 630, 690, 0.8333, List.of(0, 1), List.of(2), List.of(), List.of(), List.of(), List.of()));
        assertThat(result.slots().get(1)).isEqualTo(
                new RankedSlot(2, 600, 660, 0.5, List.of(0), List.of(2), List.of(1), List.of(),
                        List.of(new RankedSlot.Partial(1, 30)), List.of()));
        assertThat(result.slots().get(5)).isEqualTo(
                new RankedSlot(6, 2280, 2340, 0.5, List.of(1), List.of(0), List.of(2), List.of(2), List.of(), List.of()));
        assertThat(result.slots().get(9)).isEqualTo(
                new RankedSlot(10, 2340, 2400, 0.1667, List.of(), List.of(0), List.of(1, 2), List.of(2), List.of(), List.of()));
    }

    @Test
    void touching_proposed_windows_merge_so_a_slot_may_span_their_boundary() {
        MatchResult result = matcher.match(request(
                List.of(new Interval(60, 120), new Interval(0, 60)), 90, 30, List.of(), 0, 10));
        assertThat(starts(result)).containsExactly(0L, 30L);
    }

    @Test
    void overlapping_proposed_windows_merge_and_the_grid_starts_at_the_merged_start() {
        MatchResult result = matcher.match(request(
                List.of(new Interval(10, 70), new Interval(0, 40)), 30, 20, List.of(), 0, 10));
        assertThat(starts(result)).containsExactly(0L, 20L, 40L);
    }

    @Test
    void a_candidate_ending_exactly_at_the_window_end_is_included() {
        MatchResult result = matcher.match(request(List.of(new Interval(0, 75)), 60, 15, List.of(), 0, 10));
        assertThat(starts(result)).containsExactly(0L, 15L);
        assertThat(result.slots().get(1).end()).isEqualTo(75L);
    }

    @Test
    void window_shorter_than_the_meeting_yields_no_candidates() {
        MatchResult result = matcher.match(request(List.of(new Interval(0, 59)), 60, 15,
                List.of(new Respondent(false, List.of(yes(0, 59)))), 0, 10));
        assertThat(result.candidatesEvaluated()).isZero();
        assertThat(result.slots()).isEmpty();
        assertThat(result.emptyReason()).contains(EmptyReason.NO_CANDIDATES);
    }

    @Test
    void without_participants_every_candidate_scores_zero_in_start_order() {
        MatchResult result = matcher.match(request(List.of(new Interval(0, 90)), 60, 15, List.of(), 0, 10));
        assertThat(result.slots()).containsExactly(
                new RankedSlot(1, 0, 60, 0.0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                new RankedSlot(2, 15, 75, 0.0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                new RankedSlot(3, 30, 90, 0.0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void min_attending_without_participants_reports_no_participants() {
        MatchResult result = matcher.match(request(List.of(new Interval(0, 90)), 60, 15, List.of(), 1, 10));
        assertThat(result).isEqualTo(new MatchResult(3, List.of(), Optional.of(EmptyReason.NO_PARTICIPANTS)));
    }

    @Test
    void min_attending_above_everyone_reports_below_min_available() {
        Respondent p = new Respondent(false, List.of(yes(0, 90)));
        MatchResult result = matcher.match(request(List.of(new Interval(0, 90)), 60, 15, List.of(p), 2, 10));
        assertThat(result).isEqualTo(new MatchResult(3, List.of(), Optional.of(EmptyReason.BELOW_MIN_AVAILABLE)));
    }

    @Test
    void partial_cover_counts_as_unavailable() {
        Respondent p = new Respondent(false, List.of(yes(0, 59)));
        RankedSlot slot = matcher.match(request(List.of(new Interval(0, 60)), 60, 15, List.of(p), 0, 10)).slots().getFirst();
        assertThat(slot.unavailable()).containsExactly(0);
        assertThat(slot.score()).isEqualTo(0.0);
    }

    @Test
    void touching_yes_windows_union_to_cover_a_slot() {
        Respondent p = new Respondent(false, List.of(yes(30, 60), yes(0, 30)));
        RankedSlot slot = matcher.match(request(List.of(new Interval(0, 60)), 60, 15, List.of(p), 0, 10)).slots().getFirst();
        assertThat(slot.available()).containsExactly(0);
    }

    @Test
    void yes_and_if_need_be_together_covering_a_slot_make_if_need_be() {
        Respondent p = new Respondent(false, List.of(yes(0, 30), ifNeedBe(30, 60)));
        RankedSlot slot = matcher.match(request(List.of(new Interval(0, 60)), 60, 15, List.of(p), 0, 10)).slots().getFirst();
        assertThat(slot.ifNeedBe()).containsExactly(0);
        assertThat(slot.score()).isEqualTo(0.5);
    }

    @Test
    void windows_outside_the_proposal_do_not_matter() {
        Respondent p = new Respondent(false, List.of(yes(-500, -100), yes(1000, 2000)));
        RankedSlot slot = matcher.match(request(List.of(new Interval(0, 60)), 60, 15, List.of(p), 0, 10)).slots().getFirst();
        assertThat(slot.unavailable()).containsExactly(0);
    }

    @Test
    void a_required_participant_outweighs_any_number_of_others() {
        Respondent boss = new Respondent(true, List.of(yes(60, 120)));
        Respondent a = new Respondent(false, List.of(yes(0, 60)));
        Respondent b = new Respondent(false, List.of(yes(0, 60)));
        MatchResult result = matcher.match(request(List.of(new Interval(0, 120)), 60, 60, List.of(boss, a, b), 0, 10));
        assertThat(starts(result)).containsExactly(60L, 0L);
        assertThat(result.slots().get(1).requiredUnavailable()).containsExactly(0);
    }

    @Test
    void if_need_be_counts_as_attending_before_available_breaks_ties() {
        Respondent a = new Respondent(false, List.of(yes(0, 60), ifNeedBe(60, 120)));
        Respondent b = new Respondent(false, List.of(ifNeedBe(60, 120)));
        MatchResult result = matcher.match(request(List.of(new Interval(0, 120)), 60, 60, List.of(a, b), 0, 10));
        assertThat(starts(result)).containsExactly(60L, 0L);
        assertThat(result.slots().get(0).score()).isEqualTo(0.5);
        assertThat(result.slots().get(1).score()).isEqualTo(0.5);
    }

    @Test
    void limit_keeps_only_the_best() {
        Respondent p = new Respondent(false, List.of(yes(45, 105)));
        MatchResult result = matcher.match(request(List.of(new Interval(0, 240)), 60, 15, List.of(p), 0, 2));
        assertThat(starts(result)).containsExactly(45L, 0L);
        assertThat(result.candidatesEvaluated()).isEqualTo(13);
    }

    @Test
    void score_rounds_half_up_to_four_decimals() {
        assertThat(SlotMatcher.score(1, 0, 3)).isEqualTo(0.3333);
        assertThat(SlotMatcher.score(2, 0, 3)).isEqualTo(0.6667);
        assertThat(SlotMatcher.score(0, 1, 16)).isEqualTo(0.0313);
        assertThat(SlotMatcher.score(0, 0, 0)).isEqualTo(0.0);
        assertThat(SlotMatcher.score(3, 0, 3)).isEqualTo(1.0);
    }

    @Test
    void among_equally_attended_slots_fewer_people_outside_their_hours_rank_first() {
        // Kolkata is +05:30: epoch minute 0 is 05:30 there. Ana works 06:00-24:00 locally, Ben has no hours.
        LocalHours anaHours = new LocalHours(ZoneId.of("Asia/Kolkata"), 360, 1440);
        Respondent ana = new Respondent(false, List.of(yes(0, 120)), Optional.of(anaHours));
        Respondent ben = new Respondent(false, List.of(yes(0, 120)));
        MatchResult result = matcher.match(request(List.of(new Interval(0, 120)), 60, 15, List.of(ana, ben), 0, 10));

        assertThat(starts(result)).containsExactly(30L, 45L, 60L, 0L, 15L);
        assertThat(result.slots().get(0).outsideHours()).isEmpty();
        assertThat(result.slots().get(3)).isEqualTo(new RankedSlot(4, 0, 60, 1.0, List.of(0, 1), List.of(), List.of(),
                List.of(), List.of(), List.of(0)));
    }

    @Test
    void partial_lists_unavailable_people_by_free_minutes_then_position() {
        Respondent a = new Respondent(false, List.of(yes(0, 20)));
        Respondent b = new Respondent(false, List.of(ifNeedBe(10, 50), yes(55, 58)));
        Respondent c = new Respondent(false, List.of(yes(30, 50)));
        Respondent d = new Respondent(false, List.of(yes(60, 90)));
        MatchResult result = matcher.match(request(List.of(new Interval(0, 60)), 60, 15, List.of(a, b, c, d), 0, 1));

        assertThat(result.slots().get(0).partial()).containsExactly(
                new RankedSlot.Partial(1, 43), new RankedSlot.Partial(0, 20), new RankedSlot.Partial(2, 20));
    }

    @Test
    void rejects_nonsense_requests() {
        assertThatThrownBy(() -> request(List.of(), 0, 15, List.of(), 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request(List.of(), 60, 0, List.of(), 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request(List.of(), 60, 15, List.of(), -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request(List.of(), 60, 15, List.of(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Interval(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
