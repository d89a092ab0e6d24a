package io.slotpoll.algorithm;

import java.util.List;

/**
 * One recommended slot {@code [start, end)}. The participant lists hold positions
 * in {@link MatchRequest#participants()}, in ascending order.
 */
public record RankedSlot(
        int rank,
        long start,
        long end,
        double score,
        List<Integer> available,
        List<Integer> ifNeedBe,
        List<Integer> unavailable,
        List<Integer> requiredUnavailable) {

    public RankedSlot {
        available = List.copyOf(available);
        ifNeedBe = List.copyOf(ifNeedBe);
        unavailable = List.copyOf(unavailable);
        requiredUnavailable = List.copyOf(requiredUnavailable);
    }
}
