package io.slotpoll.algorithm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A participant as the matcher sees it (the service's stored participant is
 * {@code io.slotpoll.participant.Participant}; this name keeps the two apart). Results refer to participants by their
 * position in {@link MatchRequest#participants()}, so the caller keeps names and ids.
 * {@code hours} are the local hours that apply to them (their own, else the event's), if any.
 */
public record Respondent(boolean required, List<Availability> availability, Optional<LocalHours> hours) {

    public Respondent {
        availability = List.copyOf(Objects.requireNonNull(availability, "availability"));
        Objects.requireNonNull(hours, "hours");
    }

    /** A participant without local hours. */
    public Respondent(boolean required, List<Availability> availability) {
        this(required, availability, Optional.empty());
    }
}
