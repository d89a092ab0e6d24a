package io.slotpoll.time;

import java.time.Instant;

/** A half-open window {@code [start, end)} in UTC. */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " must be after start " + start);
        }
    }

    public long minutes() {
        return (end.getEpochSecond() - start.getEpochSecond()) / 60;
    }
}
