package io.slotpoll.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The design slotpoll started from, kept as the benchmark's reference: for every
 * candidate, for every participant, scan every window. Coverage by a union is found by
 * repeatedly scanning for a window that extends the covered prefix of the slot. Correct
 * (the property test holds it to {@link SlotMatcher}) but O(candidates x participants x windows^2).
 */
public final class ScanMatcher {

    public MatchResult match(MatchRequest request) {
        List<Interval> merged = Intervals.union(request.proposedWindows());
        int d = request.durationMinutes();
        List<Long> candidates = new ArrayList<>();
        for (Interval w : merged) {
            for (long t = w.start(); t + d <= w.end(); t += request.stepMinutes()) {
                candidates.add(t);
            }
        }
        List<Respondent> ps = request.participants();
        record Row(long start, int index, List<Integer> yes, List<Integer> maybe, List<Integer> no, List<Integer> reqNo,
                List<RankedSlot.Partial> partial, List<Integer> outside) {
            int attending() {
                return yes.size() + maybe.size();
            }
        }
        List<Row> rows = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            long t = candidates.get(c);
            List<Integer> yes = new ArrayList<>();
            List<Integer> maybe = new ArrayList<>();
            List<Integer> no = new ArrayList<>();
            List<Integer> reqNo = new ArrayList<>();
            for (int p = 0; p < ps.size(); p++) {
                List<Availability> windows = ps.get(p).availability();
                if (covered(windows, t, t + d, true)) {
                    yes.add(p);
                } else if (covered(windows, t, t + d, false)) {
                    maybe.add(p);
                } else {
                    no.add(p);
                    if (ps.get(p).required()) {
                        reqNo.add(p);
                    }
                }
            }
            List<RankedSlot.Partial> partial = NaiveMatcher.partial(ps, no, t, t + d);
            List<Integer> outside = new ArrayList<>();
            for (int p = 0; p < ps.size(); p++) {
                Optional<LocalHours> hours = ps.get(p).hours();
                if (!no.contains(p) && hours.isPresent() && !hours.get().contains(t, t + d)) {
                    outside.add(p);
                }
            }
            rows.add(new Row(t, c, yes, maybe, no, reqNo, partial, outside));
        }
        List<Row> kept = new ArrayList<>(rows.stream().filter(r -> r.attending() >= request.minAttending()).toList());
        kept.sort(Comparator.<Row>comparingInt(r -> r.reqNo().size())
                .thenComparing(Comparator.<Row>comparingInt(Row::attending).reversed())
                .thenComparing(Comparator.<Row>comparingInt(r -> r.yes().size()).reversed())
                .thenComparingInt(r -> r.outside().size())
                .thenComparingLong(Row::start));
        List<RankedSlot> slots = new ArrayList<>();
        for (int i = 0; i < Math.min(request.limit(), kept.size()); i++) {
            Row r = kept.get(i);
            slots.add(new RankedSlot(i + 1, r.start(), r.start() + d, SlotMatcher.score(r.yes().size(), r.maybe().size(), ps.size()),
                    r.yes(), r.maybe(), r.no(), r.reqNo(), r.partial(), r.outside()));
        }
        Optional<EmptyReason> reason = Optional.empty();
        if (slots.isEmpty()) {
            reason = Optional.of(candidates.isEmpty() ? EmptyReason.NO_CANDIDATES
                    : ps.isEmpty() ? EmptyReason.NO_PARTICIPANTS : EmptyReason.BELOW_MIN_AVAILABLE);
        }
        return new MatchResult(candidates.size(), slots, reason);
    }

    /** Whether the union of the (yes-only, if asked) windows covers [from, to), by scanning. */
    private static boolean covered(List<Availability> windows, long from, long to, boolean yesOnly) {
        long reached = from;
        boolean extended = true;
        while (reached < to && extended) {
            extended = false;
            for (Availability a : windows) {
                if ((!yesOnly || a.preference() == Preference.YES)
                        && a.interval().start() <= reached && a.interval().end() > reached) {
                    reached = a.interval().end();
                    extended = true;
                }
            }
        }
        return reached >= to;
    }
}
