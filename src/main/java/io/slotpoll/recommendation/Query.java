package io.slotpoll.recommendation;

import java.time.ZoneId;
import java.util.Optional;

/** A validated ranking query: how many slots, how many attendees at least, and the zone of the local twins. */
public record Query(int limit, int minAvailable, Optional<ZoneId> zone) {
}
