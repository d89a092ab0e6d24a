package io.slotpoll.event;

import io.slotpoll.time.TimeWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A validated create body; {@code description} and {@code deadline} may be null. */
record EventDraft(
        String title,
        String description,
        int durationMinutes,
        int slotStepMinutes,
        ZoneId timezone,
        List<TimeWindow> proposedWindows,
        Instant deadline) {
}
