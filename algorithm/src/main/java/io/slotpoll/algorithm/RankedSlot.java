package io.slotpoll.algorithm;

import java.util.List;

/**
 * One recommended slot {@code [start, end)}. The participant lists hold positions
 * in {@link MatchRequest#participants()}, in ascending order, except {@code partial}:
 * the unavailable participants free for part of the slot, most minutes first, then by
 * position. {@code outsideHours}: the attending participants with local hours for whom
 * the slot is not inside them.
 */
public record RankedSlot(
        int rank,
        long start,
        long end,
        double score,
        List<Integer> available,
        List<Integer> ifNeedBe,
        List<Integer> unavailable,
        List<Integer> requiredUnavailable,
        List<Partial> partial,
        List<Integer> outsideHours) {

    /** An unavailable participant and the minutes of the slot their windows cover, {@code 0 < minutesFree < duration}. */
    public record Partial(int participant, int minutesFree) {
    }

    public RankedSlot {
        available = List.copyOf(available);
        ifNeedBe = List.copyOf(ifNeedBe);
        unavailable = List.copyOf(unavailable);
        requiredUnavailable = List.copyOf(requiredUnavailable);
        partial = List.copyOf(partial);
        outsideHours = List.copyOf(outsideHours);
    }
}
