package io.slotpoll.participant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.slotpoll.event.EventView.HoursView;
import io.slotpoll.time.Times;
import java.util.List;

/** The public representation of a participant; windows in UTC, merged per preference, sorted by start. */
public record ParticipantView(
        String id,
        String name,
        String timezone,
        HoursView localHours,
        boolean required,
        List<WindowView> availability,
        long version,
        String updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<WeeklyView> weeklyAvailability) {

    public record WindowView(String start, String end, String preference) {
    }

    /** A weekly answer as written: {@code {"day", "start", "end", "preference"}}. */
    public record WeeklyView(String day, String start, String end, String preference) {
    }

    public static ParticipantView of(Participant p) {
        return new ParticipantView(p.id(), p.name(), p.timezone().getId(), HoursView.of(p.localHours()), p.required(),
                p.availability().stream().map(w -> new WindowView(Times.utc(w.window().start()),
                        Times.utc(w.window().end()), AvailabilityWindow.wire(w.preference()))).toList(),
                p.version(), Times.utc(p.updatedAt()),
                p.weekly() == null ? null : p.weekly().stream().map(w -> new WeeklyView(w.window().dayName(),
                        w.window().start(), w.window().end(), AvailabilityWindow.wire(w.preference()))).toList());
    }
}
