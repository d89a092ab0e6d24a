package io.slotpoll.algorithm;

import java.util.List;
import java.util.Objects;

/**
 * A participant as the matcher sees it. Results refer to participants by their
 * position in {@link MatchRequest#participants()}, so the caller keeps names and ids.
 */
public record Participant(boolean required, List<Availability> availability) {

    public Participant {
        availability = List.copyOf(Objects.requireNonNull(availability, "availability"));
    }
}
