/**
 * Ranked slot recommendations and the heatmap. {@link io.slotpoll.recommendation.SnapshotLoader}
 * reads one consistent snapshot of an event and its participants, {@link
 * io.slotpoll.recommendation.MatcherInput} maps it to the matcher's epoch minutes, {@link
 * io.slotpoll.recommendation.RecommendationService} ranks it (or counts its cells), and {@link
 * io.slotpoll.recommendation.AnswerCache} keeps answers and snapshots by event version with
 * their gzip form. At the edge, {@link io.slotpoll.recommendation.RecommendationsView} writes
 * the JSON and {@link io.slotpoll.recommendation.RecommendationHandler} reads the query and
 * turns versions into ETags.
 */
package io.slotpoll.recommendation;
