package io.slotpoll.event;

import io.slotpoll.time.TimeWindow;
import io.slotpoll.time.Times;
import java.util.List;

/** The public representation of an event; every instant in UTC. */
public record EventView(
        String id,
        String title,
        String description,
        int durationMinutes,
        int slotStepMinutes,
        String timezone,
        List<WindowView> proposedWindows,
        String deadline,
        String status,
        int participantCount,
        long version,
        String createdAt) {

    public record WindowView(String start, String end) {
        static WindowView of(TimeWindow window) {
            return new WindowView(Times.utc(window.start()), Times.utc(window.end()));
        }
    }

    public static EventView of(Event event) {
        return new EventView(event.id(), event.title(), event.description(), event.durationMinutes(),
                event.slotStepMinutes(), event.timezone().getId(),
                event.proposedWindows().stream().map(WindowView::of).toList(),
                event.deadline() == null ? null : Times.utc(event.deadline()),
                event.status().wire(), event.participantCount(), event.version(), Times.utc(event.createdAt()));
    }
}
