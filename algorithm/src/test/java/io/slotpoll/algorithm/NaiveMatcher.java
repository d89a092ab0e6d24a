package io.slotpoll.algorithm;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A deliberately naive matcher, written straight from the contract's words, to check
 * {@link SlotMatcher} against: proposed windows become a set of minutes; for every
 * candidate, every participant, every minute of the slot, it scans every window.
 */
final class NaiveMatcher {

    MatchResult match(MatchRequest request) {
        TreeSet<Long> proposedMinutes = new TreeSet<>();
        for (Interval w : request.proposedWindows()) {
            for (long m = w.start(); m < w.end(); m++) {
                proposedMinutes.add(m);
            }
        }
        List<Long> starts = new ArrayList<>();
        Long runStart = null;
        long previous = Long.MIN_VALUE;
        List<long[]> runs = new ArrayList<>();
        for (long m : proposedMinutes) {
            if (runStart == null) {
                runStart = m;
            } else if (m != previous + 1) {
                runs.add(new long[] {runStart, previous + 1});
                runStart = m;
            }
            previous = m;
        }
        if (runStart != null) {
            runs.add(new long[] {runStart, previous + 1});
        }
        int d = request.durationMinutes();
        for (long[] run : runs) {
            for (long t = run[0]; t + d <= run[1]; t += request.stepMinutes()) {
                starts.add(t);
            }
        }

        List<Respondent> ps = request.participants();
        record Row(long start, List<Integer> yes, List<Integer> maybe, List<Integer> no, List<Integer> reqNo,
                List<RankedSlot.Partial> partial, List<Integer> outside) {
            int attending() {
                return yes.size() + maybe.size();
            }
        }
        List<Row> rows = new ArrayList<>();
        for (long t : starts) {
            List<Integer> yes = new ArrayList<>();
            List<Integer> maybe = new ArrayList<>();
            List<Integer> no = new ArrayList<>();
            List<Integer> reqNo = new ArrayList<>();
            for (int p = 0; p < ps.size(); p++) {
                if (covers(ps.get(p), t, t + d, true)) {
                    yes.add(p);
                } else if (covers(ps.get(p), t, t + d, false)) {
                    maybe.add(p);
                } else {
                    no.add(p);
                    if (ps.get(p).required()) {
                        reqNo.add(p);
                    }
                }
            }
            List<RankedSlot.Partial> partial = partial(ps, no, t, t + d);
            List<Integer> outside = new ArrayList<>();
            for (int p = 0; p < ps.size(); p++) {
                Optional<LocalHours> hours = ps.get(p).hours();
                if (!no.contains(p) && hours.isPresent() && !inside(hours.get(), t, t + d)) {
                    outside.add(p);
                }
            }
            rows.add(new Row(t, yes, maybe, no, reqNo, partial, outside));
        }
        int evaluated = rows.size();
        List<Row> kept = new ArrayList<>(rows.stream().filter(r -> r.attending() >= request.minAttending()).toList());
        kept.sort(Comparator.<Row>comparingInt(r -> r.reqNo().size())
                .thenComparing(Comparator.<Row>comparingInt(Row::attending).reversed())
                .thenComparing(Comparator.<Row>comparingInt(r -> r.yes().size()).reversed())
                .thenComparingInt(r -> r.outside().size())
                .thenComparingLong(Row::start));
        List<RankedSlot> slots = new ArrayList<>();
        for (int i = 0; i < Math.min(request.limit(), kept.size()); i++) {
            Row r = kept.get(i);
            double score = ps.isEmpty() ? 0.0
                    : Math.round((r.yes().size() + 0.5 * r.maybe().size()) / ps.size() * 10_000.0) / 10_000.0;
            slots.add(new RankedSlot(i + 1, r.start(), r.start() + d, score, r.yes(), r.maybe(), r.no(), r.reqNo(),
                    r.partial(), r.outside()));
        }
        Optional<EmptyReason> reason = Optional.empty();
        if (slots.isEmpty()) {
            reason = Optional.of(evaluated == 0 ? EmptyReason.NO_CANDIDATES
                    : ps.isEmpty() ? EmptyReason.NO_PARTICIPANTS : EmptyReason.BELOW_MIN_AVAILABLE);
        }
        return new MatchResult(evaluated, slots, reason);
    }

    /** The unavailable {@code no} free for part of [from, to), most minutes first, then by position. */
    static List<RankedSlot.Partial> partial(List<Respondent> ps, List<Integer> no, long from, long to) {
        List<RankedSlot.Partial> partial = new ArrayList<>();
        for (int p : no) {
            int free = freeMinutes(ps.get(p), from, to);
            if (free > 0) {
                partial.add(new RankedSlot.Partial(p, free));
            }
        }
        partial.sort(Comparator.comparingInt(RankedSlot.Partial::minutesFree).reversed()
                .thenComparingInt(RankedSlot.Partial::participant));
        return partial;
    }

    /** Counts, minute by minute, the minutes of [from, to) that lie in any of {@code p}'s windows. */
    static int freeMinutes(Respondent p, long from, long to) {
        int free = 0;
        for (long m = from; m < to; m++) {
            for (Availability a : p.availability()) {
                if (a.interval().start() <= m && m < a.interval().end()) {
                    free++;
                    break;
                }
            }
        }
        return free;
    }

    /**
     * The contract's words, through {@link ZonedDateTime}: start and end on the same local
     * date with start time at or after the hours' start and end time at or before their end,
     * or the end exactly the next local midnight with hours to 24:00.
     */
    static boolean inside(LocalHours hours, long from, long to) {
        ZonedDateTime start = Instant.ofEpochSecond(from * 60).atZone(hours.zone());
        ZonedDateTime end = Instant.ofEpochSecond(to * 60).atZone(hours.zone());
        boolean startOk = start.toLocalTime().toSecondOfDay() >= hours.startMinute() * 60;
        if (end.toLocalDate().equals(start.toLocalDate())) {
            return startOk && end.toLocalTime().toSecondOfDay() <= hours.endMinute() * 60;
        }
        boolean nextMidnight = end.toLocalDate().equals(start.toLocalDate().plusDays(1))
                && end.toLocalTime().equals(LocalTime.MIDNIGHT);
        return nextMidnight && hours.endMinute() == 1440 && startOk;
    }

    /** Whether every minute of [from, to) lies in one of {@code p}'s windows ("yes" windows only if {@code yesOnly}). */
    static boolean covers(Respondent p, long from, long to, boolean yesOnly) {
        for (long m = from; m < to; m++) {
            boolean minuteCovered = false;
            for (Availability a : p.availability()) {
                if ((!yesOnly || a.preference() == Preference.YES) && a.interval().start() <= m && m < a.interval().end()) {
                    minuteCovered = true;
                    break;
                }
            }
            if (!minuteCovered) {
                return false;
            }
        }
        return true;
    }
}
