package io.slotpoll.event;

import io.slotpoll.time.DailyHours;
import io.slotpoll.time.FirstWeek;
import io.slotpoll.time.WeeklyWindow;
import io.slotpoll.time.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * An event as stored. {@code proposedWindows} keep the organiser's order, in UTC;
 * {@code deadline} and {@code description} may be null. {@code finalSlot} is the picked
 * meeting time while the status is {@code final}, else null; {@code finalSequence} is the
 * .ics SEQUENCE of the last finalization (null if never finalized); {@code cancelledSlot} is the
 * time last un-picked, until a time is picked again (the feed shows it cancelled). {@code localHours} apply to
 * every participant without hours of their own, in the participant's zone (null: none).
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
        Instant updatedAt,
        TimeWindow finalSlot,
        Integer finalSequence,
        TimeWindow cancelledSlot,
        DailyHours localHours,
        Weekly weekly) {

    public Event {
        proposedWindows = List.copyOf(proposedWindows);
    }

    /**
     * What a weekly poll adds (null for a dates poll): its windows as the organiser wrote them,
     * in the event's zone, and its first week; {@code proposedWindows} are those windows as
     * UTC instants of that week.
     */
    public record Weekly(List<WeeklyWindow> windows, LocalDate firstWeekDate) {
        public Weekly {
            windows = List.copyOf(windows);
        }

        /** The first week in {@code zone}. */
        public FirstWeek week(ZoneId zone) {
            return FirstWeek.of(firstWeekDate, zone);
        }
    }

    /** The first week of a weekly poll, in the event's zone; null for a dates poll. */
    public FirstWeek firstWeek() {
        return weekly == null ? null : weekly.week(timezone);
    }

    /** Participants may write while the event is open and its deadline, if any, is still ahead. */
    public boolean acceptsAnswers(Instant now) {
        return status == EventStatus.OPEN && (deadline == null || now.isBefore(deadline));
    }

    /** The same event, final at {@code slot} with the .ics SEQUENCE {@code sequence}. */
    public Event picked(TimeWindow slot, int sequence, long newVersion, Instant now) {
        return new Event(id, title, description, durationMinutes, slotStepMinutes, timezone, proposedWindows, deadline,
                EventStatus.FINAL, newVersion, participantCount, createdAt, now, slot, sequence, null, localHours, weekly);
    }

    /** The same event with its final time un-picked: closed, the time kept as cancelled, the SEQUENCE kept. */
    public Event unpicked(long newVersion, Instant now) {
        return new Event(id, title, description, durationMinutes, slotStepMinutes, timezone, proposedWindows, deadline,
                EventStatus.CLOSED, newVersion, participantCount, createdAt, now, null, finalSequence, finalSlot,
                localHours, weekly);
    }
}
