package io.slotpoll.participant;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A participant as stored; {@code availability} is merged per preference and sorted. */
public record Participant(
        String id,
        String name,
        ZoneId timezone,
        boolean required,
        List<AvailabilityWindow> availability,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Participant {
        availability = List.copyOf(availability);
    }
}
