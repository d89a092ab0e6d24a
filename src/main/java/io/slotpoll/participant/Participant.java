package io.slotpoll.participant;

import io.slotpoll.time.DailyHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A participant as stored; {@code availability} is merged per preference and sorted.
 * {@code localHours} are their own hours in {@code timezone} (null: the event's apply).
 */
public record Participant(
        String id,
        String name,
        ZoneId timezone,
        boolean required,
        List<AvailabilityWindow> availability,
        long version,
        Instant createdAt,
        Instant updatedAt,
        DailyHours localHours) {

    public Participant {
        availability = List.copyOf(availability);
    }
}
