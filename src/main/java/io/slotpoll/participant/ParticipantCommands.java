package io.slotpoll.participant;

import io.slotpoll.algorithm.Preference;
import io.slotpoll.problem.Errors;
import io.slotpoll.problem.VersionPrecondition;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.RequestTimes.WindowBounds;
import io.slotpoll.time.WeeklyWindow;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Participant writes as typed commands: what a handler read from a request, with every
 * field error it found collected in {@code errors}, for the service to throw in its turn.
 * Availability stays as bounds until the service resolves them in the body's zone.
 */
final class ParticipantCommands {

    private ParticipantCommands() {
    }

    /** One availability item as given; {@code window} is null if it could not be read (already recorded). */
    record AvailabilityItem(WindowBounds window, Preference preference) {
    }

    /** One weekly availability item as given; {@code window} is null if it could not be read (already recorded). */
    record WeeklyItem(WeeklyWindow window, Preference preference) {
    }

    /**
     * What an answer holds: {@code availability} (dates poll; {@code availabilitySent} says
     * whether the field was in the body) or {@code weekly} (a weekly poll's
     * {@code weeklyAvailability}, present when sent).
     */
    record Answer(List<AvailabilityItem> availability, boolean availabilitySent, Optional<List<WeeklyItem>> weekly) {
    }

    /** Which participant a write targets, and with what credentials. */
    record Target(String eventId, String participantId, Optional<String> token, VersionPrecondition ifMatch) {
    }

    /** {@code POST .../participants}; needs no token. */
    record Join(String name, Optional<ZoneId> timezone, Answer answer, DailyHours localHours,
            Optional<Optional<String>> email, String language, Errors errors) {
    }

    /** {@code PUT .../participants/{pid}/availability}. */
    record Replace(Target target, Optional<ZoneId> timezone, Answer answer, Errors errors) {
    }

    /**
     * {@code PATCH .../participants/{pid}}: each field present only if sent; {@code required} is
     * admin-only; {@code localHours} may be sent as null to follow the event's again.
     */
    record Change(Target target, Optional<String> name, Optional<Boolean> required,
            Optional<Optional<DailyHours>> localHours, Optional<Optional<String>> email, String language, Errors errors) {
    }
}
