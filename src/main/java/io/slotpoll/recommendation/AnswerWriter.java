package io.slotpoll.recommendation;

import io.slotpoll.algorithm.Heatmap;
import io.slotpoll.algorithm.MatchResult;
import io.slotpoll.participant.Participant;

/**
 * How computed answers become bytes; implemented at the edge ({@link RecommendationsView}),
 * so that the service ranks and caches without knowing the wire format.
 */
public interface AnswerWriter {

    /** A mention of one participant, rendered once per snapshot and reused in every slot. */
    String person(Participant participant);

    /** A ranking of one snapshot for one query. */
    byte[] recommendations(Snapshot snapshot, MatchResult result, Query query);

    /** The heatmap cells of one snapshot for one query. */
    byte[] heatmap(Snapshot snapshot, Heatmap.Result cells, HeatmapQuery query);
}
