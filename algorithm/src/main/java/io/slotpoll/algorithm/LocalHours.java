package io.slotpoll.algorithm;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * A person's working hours {@code [startMinute, endMinute]} of the local day in their zone;
 * {@code endMinute} may be 1440 ("24:00").
 *
 * <p>A slot {@code [t, t + d)} is <em>inside</em> the hours if, in {@code zone}, its start and
 * end fall on the same local date with start time {@code >= start} and end time
 * {@code <= end}, or its end is exactly the next local midnight, the hours end at 24:00
 * and start time {@code >= start}. Local times keep the zone's seconds (old offsets such
 * as Amsterdam's +00:19:32 are not whole minutes), so 07:59:28 is before 08:00.
 *
 * <p>{@link #contains} decides one slot; {@link #insideStarts} finds every inside start of a
 * range at once. Between two offset changes (of the start's or of the end's offset) local
 * start and local end are both the UTC time plus a constant, so for each local date the
 * inside starts form one interval solved by arithmetic: the cost is one step per local
 * day and per transition, not per minute.
 */
public record LocalHours(ZoneId zone, int startMinute, int endMinute) {

    private static final int DAY_SECONDS = 86_400;

    /** Receives inclusive ranges {@code [first, last]} of start minutes. */
    @FunctionalInterface
    public interface RangeSink {
        void accept(long first, long last);
    }

    public LocalHours {
        Objects.requireNonNull(zone, "zone");
        if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
            throw new IllegalArgumentException("hours must satisfy 0 <= start < end <= 1440: " + startMinute + ".." + endMinute);
        }
    }

    /** Whether the slot {@code [start, end)} (epoch minutes) is inside these hours. */
    public boolean contains(long start, long end) {
        ZoneRules rules = zone.getRules();
        long localStart = 60 * start + offset(rules, start);
        long localEnd = 60 * end + offset(rules, end);
        long day = Math.floorDiv(localStart, DAY_SECONDS);
        if (Math.floorMod(localStart, DAY_SECONDS) < 60L * startMinute) {
            return false;
        }
        if (Math.floorDiv(localEnd, DAY_SECONDS) == day) {
            return Math.floorMod(localEnd, DAY_SECONDS) <= 60L * endMinute;
        }
        return endMinute == 1440 && localEnd == (day + 1) * DAY_SECONDS;
    }

    /**
     * Calls {@code sink} with the starts {@code t} in {@code [from, to]} whose slot
     * {@code [t, t + duration)} is inside these hours, as ascending, disjoint inclusive ranges.
     */
    public void insideStarts(long from, long to, int duration, RangeSink sink) {
        ZoneRules rules = zone.getRules();
        long t = from;
        while (t <= to) {
            long last = Math.min(to, Math.min(nextChange(rules, t) - 1, nextChange(rules, t + duration) - duration - 1));
            insideStartsAtFixedOffsets(t, last, duration, offset(rules, t), offset(rules, t + duration), sink);
            t = last + 1;
        }
    }

    /** Starts in {@code [first, last]}, where the start's offset is {@code o1} and the end's {@code o2} throughout. */
    private void insideStartsAtFixedOffsets(long first, long last, int duration, int o1, int o2, RangeSink sink) {
        // Local start u = 60t + o1, local end v = u + delta; both on local day D (or v the next midnight).
        long delta = 60L * duration + o2 - o1;
        long latestEnd = endMinute == 1440 ? DAY_SECONDS : 60L * endMinute;
        long earliest = Math.max(60L * startMinute, -delta);
        long latest = Math.min(DAY_SECONDS - 1L, latestEnd - delta);
        if (earliest > latest) {
            return;
        }
        long lastDay = Math.floorDiv(60 * last + o1, DAY_SECONDS);
        for (long day = Math.floorDiv(60 * first + o1, DAY_SECONDS); day <= lastDay; day++) {
            long lo = Math.max(first, Math.ceilDiv(day * DAY_SECONDS + earliest - o1, 60));
            long hi = Math.min(last, Math.floorDiv(day * DAY_SECONDS + latest - o1, 60));
            if (lo <= hi) {
                sink.accept(lo, hi);
            }
        }
    }

    private static int offset(ZoneRules rules, long minute) {
        return rules.getOffset(Instant.ofEpochSecond(60 * minute)).getTotalSeconds();
    }

    /** The first minute after {@code minute} whose offset differs, or a far bound if none. */
    private static long nextChange(ZoneRules rules, long minute) {
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(60 * minute));
        return next == null ? Long.MAX_VALUE / 4 : Math.ceilDiv(next.getInstant().getEpochSecond(), 60);
    }

    /** The hours as "HH:MM" twins, for messages. */
    @Override
    public String toString() {
        return zone.getId() + " " + LocalTime.MIN.plusMinutes(startMinute) + ".." + (endMinute == 1440 ? "24:00"
                : LocalTime.MIN.plusMinutes(endMinute).toString());
    }
}
