package io.slotpoll.recommendation;

import io.slotpoll.algorithm.Interval;
import io.slotpoll.algorithm.Respondent;
import io.slotpoll.event.Event;
import io.slotpoll.participant.Participant;
import java.util.List;

/**
 * An event and its participants as read in one transaction, prepared once for every
 * answer that shares it: the matcher's input ({@code proposed}, {@code matcherInput}) and
 * each participant as the answer writer renders a mention of them ({@code renderedPeople},
 * same order as {@code participants}; an answer mentions every participant once per slot,
 * so rendering them once per snapshot instead of once per mention pays).
 */
public record Snapshot(Event event, List<Participant> participants, List<String> renderedPeople,
        List<Interval> proposed, List<Respondent> matcherInput) {

    /** Roughly the bytes it holds: objects per participant and per window, and the rendered mentions. */
    int weight() {
        long bytes = 1024L + 64L * proposed.size();
        for (int i = 0; i < participants.size(); i++) {
            bytes += 320L + 2L * renderedPeople.get(i).length() + 160L * participants.get(i).availability().size();
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
