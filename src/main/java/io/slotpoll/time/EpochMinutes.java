package io.slotpoll.time;

import java.time.Instant;

/**
 * The one conversion between {@code Instant}s and the matcher's epoch minutes (minutes since
 * 1970-01-01T00:00Z). Stored instants are whole minutes, so {@link #of} is exact for them;
 * {@link #ceil} rounds a bound up where a caller must not cover less than it was given.
 */
public final class EpochMinutes {

    private EpochMinutes() {
    }

    /** The minute that holds {@code instant} (rounded down). */
    public static long of(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    /** The first whole minute at or after {@code instant}. */
    public static long ceil(Instant instant) {
        return Math.ceilDiv(instant.getEpochSecond(), 60);
    }

    /** The instant at the start of epoch minute {@code minute}. */
    public static Instant instant(long minute) {
        return Instant.ofEpochSecond(Math.multiplyExact(minute, 60));
    }

    /** A window as a matcher interval of epoch minutes. */
    public static io.slotpoll.algorithm.Interval interval(TimeWindow window) {
        return new io.slotpoll.algorithm.Interval(of(window.start()), of(window.end()));
    }
}
