package io.slotpoll.event;

import io.slotpoll.problem.Errors;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.RequestTimes.WindowBounds;
import io.slotpoll.time.TimeBound;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Event writes as typed commands: what a handler read from a request, with every field
 * error it found collected in {@code errors}. Services never see JSON. Times stay bounds
 * ({@link TimeBound}) until the service resolves them in the zone in effect; a list of
 * window bounds is aligned with the request's items (null where an item was unreadable).
 */
final class EventCommands {

    private EventCommands() {
    }

    /** {@code POST /api/v1/events}; fields are null where absent or invalid (already recorded). */
    record Create(String title, String description, Integer durationMinutes, int slotStepMinutes,
            Optional<ZoneId> timezone, List<WindowBounds> proposedWindows, TimeBound deadline, DailyHours localHours,
            Optional<Optional<String>> organizerEmail, Optional<Organizer.Notify> notification, Errors errors) {
    }

    /** {@code PUT /api/v1/events/{id}/final}: a local {@code start} is read in the event's zone. */
    record Finalize(String eventId, Optional<String> token, TimeBound start, Errors errors) {
    }

    /**
     * {@code PATCH /api/v1/events/{id}}: each field is present only if the client sent it;
     * {@code description}, {@code deadline} and {@code localHours} may be sent as null to clear them.
     */
    record Patch(String eventId, Optional<String> token, Optional<String> title, Optional<Optional<String>> description,
            Optional<Integer> durationMinutes, Optional<Integer> slotStepMinutes, Optional<ZoneId> timezone,
            Optional<List<WindowBounds>> proposedWindows, Optional<Optional<TimeBound>> deadline,
            Optional<EventStatus> status, Optional<Optional<DailyHours>> localHours,
            Optional<Optional<String>> organizerEmail, Optional<Organizer.Notify> notification, Errors errors) {
    }
}
