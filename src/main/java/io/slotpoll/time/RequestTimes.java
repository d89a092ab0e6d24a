package io.slotpoll.time;

import io.slotpoll.problem.Errors;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Resolves the time bounds of a request ({@link TimeBound}s, read at the edge by
 * {@code http.TimeFields}) once the zone in effect is known, recording each error under
 * its field's path.
 */
public final class RequestTimes {

    private RequestTimes() {
    }

    /** A window of a request, as given: where it sits in the body and its two bounds. */
    public record WindowBounds(String path, TimeBound start, TimeBound end) {

        /**
         * The window in {@code zone}; null if a bound does not resolve or the end is not after
         * the start, each recorded under the bound's path. A local time with no valid zone
         * records nothing of its own: the zone field's error already explains it.
         */
        public TimeWindow resolve(Optional<ZoneId> zone, Errors errors) {
            Instant from = RequestTimes.resolve(start, zone, path + ".start", errors);
            Instant to = RequestTimes.resolve(end, zone, path + ".end", errors);
            if (from == null || to == null) {
                return null;
            }
            if (!to.isAfter(from)) {
                errors.add(path + ".end", "must be after start (" + Times.utc(from) + "), was " + Times.utc(to));
                return null;
            }
            return new TimeWindow(from, to);
        }
    }

    /** {@code bound} in {@code zone}; null (recorded under {@code path}) if it does not resolve. */
    public static Instant resolve(TimeBound bound, Optional<ZoneId> zone, String path, Errors errors) {
        return switch (bound.resolve(zone)) {
            case TimeBound.Ok ok -> ok.instant();
            case TimeBound.Invalid invalid -> {
                errors.add(path, invalid.message());
                yield null;
            }
            case TimeBound.NeedsZone needsZone -> null;
        };
    }
}
