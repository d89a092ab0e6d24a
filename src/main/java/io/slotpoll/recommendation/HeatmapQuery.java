package io.slotpoll.recommendation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A validated heatmap query: the zone of the local twins, the window of cell starts, and
 * whether each cell lists its members ({@code members}) or only counts them.
 */
public record HeatmapQuery(Optional<ZoneId> zone, Optional<Instant> from, Optional<Instant> to, boolean members) {
}
