package io.slotpoll.algorithm;

/**
 * A half-open interval {@code [start, end)} of epoch minutes (UTC). Empty and
 * reversed intervals are rejected so every interval covers at least one minute.
 */
public record Interval(long start, long end) {

    public Interval {
        if (end <= start) {
            throw new IllegalArgumentException("interval end " + end + " must be after start " + start);
        }
    }

    public long length() {
        return end - start;
    }

    /** True if this interval contains all of {@code [from, to)}. */
    public boolean covers(long from, long to) {
        return start <= from && to <= end;
    }
}
