package io.slotpoll.event;

import io.slotpoll.problem.Errors;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.RequestTimes.WindowBounds;
import io.slotpoll.time.TimeBound;
import io.slotpoll.time.WeeklyWindow;
import java.time.LocalDate;
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

    /**
     * A weekly poll's {@code weeklyWindows} (aligned with the request's items: null where one
     * was unreadable) and {@code firstWeek} (null if unreadable).
     */
    record WeeklyInput(List<WeeklyWindow> windows, LocalDate firstWeek) {
    }

    /**
     * {@code POST /api/v1/events}; fields are null where absent or invalid (already recorded).
     * {@code weekly} is null for a dates poll.
     */
    record Create(String title, String description, Integer durationMinutes, int slotStepMinutes,
            Optional<ZoneId> timezone, List<WindowBounds> proposedWindows, WeeklyInput weekly, TimeBound deadline,
            DailyHours localHours,
            Optional<Optional<String>> organizerEmail, String language, Optional<Organizer.Notify> notification,
            Errors errors) {
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
            Optional<List<WindowBounds>> proposedWindows, Optional<List<WeeklyWindow>> weeklyWindows,
            Optional<LocalDate> firstWeek, Optional<Optional<TimeBound>> deadline,
            Optional<EventStatus> status, Optional<Optional<DailyHours>> localHours,
            Optional<Optional<String>> organizerEmail, String language, Optional<Organizer.Notify> notification,
            Errors errors) {
    }
}
