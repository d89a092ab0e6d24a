package io.slotpoll.algorithm;

import java.util.Objects;

/** One window a participant submitted, with its preference. */
public record Availability(Interval interval, Preference preference) {

    public Availability {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(preference, "preference");
    }

    public static Availability yes(long start, long end) {
        return new Availability(new Interval(start, end), Preference.YES);
    }

    public static Availability ifNeedBe(long start, long end) {
        return new Availability(new Interval(start, end), Preference.IF_NEED_BE);
    }
}
