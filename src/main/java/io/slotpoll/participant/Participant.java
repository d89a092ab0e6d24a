package io.slotpoll.participant;

import io.slotpoll.time.DailyHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A participant as stored; {@code availability} is merged per preference and sorted.
 * {@code localHours} are their own hours in {@code timezone} (null: the event's apply).
 * On a weekly poll {@code weekly} is the answer as written, in {@code timezone}, and
 * {@code availability} its UTC instants in the first week; null on a dates poll.
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
        DailyHours localHours,
        List<WeeklyAvailability> weekly) {

    public Participant {
        availability = List.copyOf(availability);
        weekly = weekly == null ? null : List.copyOf(weekly);
    }

    /** The same participant with {@code weekly} (its answer to a weekly poll as written; null on a dates poll). */
    public Participant withWeekly(List<WeeklyAvailability> answer) {
        return new Participant(id, name, timezone, required, availability, version, createdAt, updatedAt, localHours,
                answer);
    }
}
