package io.slotpoll.recommendation;

import io.slotpoll.algorithm.Availability;
import io.slotpoll.algorithm.Interval;
import io.slotpoll.algorithm.Respondent;
import io.slotpoll.algorithm.LocalHours;
import io.slotpoll.event.Event;
import io.slotpoll.participant.Participant;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.EpochMinutes;
import java.util.List;
import java.util.Optional;

/** The mapping from stored events and participants to the matcher's epoch-minute input. */
final class MatcherInput {

    private MatcherInput() {
    }

    /** The event's proposed windows as epoch-minute intervals, in stored order. */
    static List<Interval> proposed(Event event) {
        return event.proposedWindows().stream().map(EpochMinutes::interval).toList();
    }

    /** Every participant for the matcher, in the order given (positions in answers refer to it). */
    static List<Respondent> respondents(List<Participant> people, DailyHours eventHours) {
        return people.stream().map(p -> respondent(p, eventHours)).toList();
    }

    /** The participant for the matcher, with the hours that apply to them (their own, else the event's) in their zone. */
    private static Respondent respondent(Participant p, DailyHours eventHours) {
        DailyHours hours = p.localHours() != null ? p.localHours() : eventHours;
        return new Respondent(p.required(), p.availability().stream()
                .map(w -> new Availability(EpochMinutes.interval(w.window()), w.preference()))
                .toList(),
                hours == null ? Optional.empty()
                        : Optional.of(new LocalHours(p.timezone(), hours.startMinute(), hours.endMinute())));
    }
}
