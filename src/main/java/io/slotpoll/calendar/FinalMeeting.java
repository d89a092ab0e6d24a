package io.slotpoll.calendar;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a calendar needs of a finalized event: its id, title, description (may be null),
 * the chosen slot, the .ics SEQUENCE, and the page a participant opens; for a weekly poll
 * the zone whose local time it keeps every week ({@code weeklyIn}, else null).
 */
public record FinalMeeting(String eventId, String title, String description, Instant start, Instant end, int sequence,
        String participateUrl, ZoneId weeklyIn) {

    /** A meeting that happens once (a dates poll's). */
    public FinalMeeting(String eventId, String title, String description, Instant start, Instant end, int sequence,
            String participateUrl) {
        this(eventId, title, description, start, end, sequence, participateUrl, null);
    }

    /** Whether it repeats every week at the same local time in {@link #weeklyIn()} (a weekly poll's). */
    public boolean weekly() {
        return weeklyIn != null;
    }
}
