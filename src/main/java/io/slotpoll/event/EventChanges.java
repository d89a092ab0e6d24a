package io.slotpoll.event;

import io.slotpoll.http.ObjectFields;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A validated PATCH body: each field is present only if the client sent it. Proposed
 * windows and the deadline stay unparsed ({@code body} keeps them) until the service
 * knows which zone reads their local times: the patch's {@code timezone} if given, else
 * the event's.
 */
record EventChanges(
        Optional<String> title,
        Optional<Optional<String>> description,
        Optional<Integer> durationMinutes,
        Optional<Integer> slotStepMinutes,
        Optional<ZoneId> timezone,
        Optional<List<ObjectFields>> proposedWindows,
        boolean deadlineGiven,
        Optional<EventStatus> status,
        ObjectFields body) {
}
