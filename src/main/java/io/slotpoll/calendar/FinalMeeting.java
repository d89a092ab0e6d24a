package io.slotpoll.calendar;

import java.time.Instant;

/**
 * What a calendar needs of a finalized event: its id, title, description (may be null),
 * the chosen slot, the .ics SEQUENCE, and the page a participant opens.
 */
public record FinalMeeting(String eventId, String title, String description, Instant start, Instant end, int sequence,
        String participateUrl) {
}
