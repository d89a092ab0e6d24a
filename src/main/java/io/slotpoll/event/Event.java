package io.slotpoll.event;

import io.slotpoll.time.TimeWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * An event as stored. {@code proposedWindows} keep the organiser's order, in UTC;
 * {@code deadline} and {@code description} may be null.
 */
public record Event(
        String id,
        String title,
        String description,
        int durationMinutes,
        int slotStepMinutes,
        ZoneId timezone,
        List<TimeWindow> proposedWindows,
        Instant deadline,
        EventStatus status,
        long version,
        int participantCount,
        Instant createdAt,
        Instant updatedAt) {

    public Event {
        proposedWindows = List.copyOf(proposedWindows);
    }

    /** Participants may write while the event is open and its deadline, if any, is still ahead. */
    public boolean acceptsAnswers(Instant now) {
        return status == EventStatus.OPEN && (deadline == null || now.isBefore(deadline));
    }
}
