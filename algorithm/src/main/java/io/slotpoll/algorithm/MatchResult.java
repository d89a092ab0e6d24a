package io.slotpoll.algorithm;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one ranking.
 *
 * @param candidatesEvaluated every candidate start on the grid, before minAttending
 * @param slots               best first, at most the request's limit
 * @param emptyReason         present exactly when {@code slots} is empty
 */
public record MatchResult(int candidatesEvaluated, List<RankedSlot> slots, Optional<EmptyReason> emptyReason) {

    public MatchResult {
        slots = List.copyOf(slots);
        if (slots.isEmpty() != emptyReason.isPresent()) {
            throw new IllegalArgumentException("emptyReason must be present exactly when there are no slots");
        }
    }
}
