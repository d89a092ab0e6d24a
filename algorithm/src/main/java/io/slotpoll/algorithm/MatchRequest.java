package io.slotpoll.algorithm;

import java.util.List;
import java.util.Objects;

/**
 * Everything the matcher needs for one ranking.
 *
 * @param proposedWindows  the organiser's windows; overlapping or touching ones are merged
 * @param durationMinutes  meeting length, positive
 * @param stepMinutes      distance between candidate starts inside a merged window, positive
 * @param participants     in the order results should list them
 * @param minAttending     candidates with fewer attending (available + if need be) are dropped
 * @param limit            at most this many ranked slots are returned, positive
 */
public record MatchRequest(
        List<Interval> proposedWindows,
        int durationMinutes,
        int stepMinutes,
        List<Respondent> participants,
        int minAttending,
        int limit) {

    public MatchRequest {
        proposedWindows = List.copyOf(Objects.requireNonNull(proposedWindows, "proposedWindows"));
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
        if (durationMinutes <= 0) {
            throw new IllegalArgumentException("durationMinutes must be positive: " + durationMinutes);
        }
        if (stepMinutes <= 0) {
            throw new IllegalArgumentException("stepMinutes must be positive: " + stepMinutes);
        }
        if (minAttending < 0) {
            throw new IllegalArgumentException("minAttending must not be negative: " + minAttending);
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
