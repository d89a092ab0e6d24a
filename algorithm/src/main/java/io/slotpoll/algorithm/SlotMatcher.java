package io.slotpoll.algorithm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Ranks candidate slots.
 *
 * <p>Candidates: the proposed windows are merged (overlapping or touching windows
 * become one); inside each merged window {@code [ws, we)} a candidate starts at
 * {@code ws + k * step} while {@code start + duration <= we}. Candidates are strictly
 * increasing, so a candidate's index orders it by start.
 *
 * <p>Attendance: a participant is <em>available</em> for {@code [t, t + duration)} if the
 * union of their "yes" windows covers it entirely, <em>if need be</em> if the union of all
 * their windows covers it but the "yes" union does not, otherwise <em>unavailable</em>.
 * Because a union is a set of disjoint intervals, a covered candidate lies inside exactly
 * one merged interval, so each merged interval {@code [s, e)} of length at least the
 * duration covers exactly the candidates starting in {@code [s, e - duration]}: a
 * contiguous index range, found by binary search and added to a difference array. One
 * prefix sum then gives every candidate's counts in O(windows log windows + candidates).
 *
 * <p>Order (total): fewer required participants unavailable (if need be counts as
 * attending), then more attending, then more available, then earlier start. The best
 * {@code limit} candidates are kept in a bounded heap; only for those does an
 * {@link IntervalTree} over all merged intervals say who is in and who is out.
 *
 * <p>Score: {@code (available + 0.5 * ifNeedBe) / participants}, rounded half-up to four
 * decimals, or 0 without participants. It is informative; the order above decides rank.
 *
 * <p>Instances hold no state and may be shared between threads.
 */
public final class SlotMatcher {

    /** Upper bound on candidates in one ranking, to fail fast on absurd inputs. */
    public static final int MAX_CANDIDATES = 10_000_000;

    public MatchResult match(MatchRequest request) {
        int duration = request.durationMinutes();
        long[] candidates = candidates(Intervals.union(request.proposedWindows()), duration, request.stepMinutes());
        int count = candidates.length;
        List<Participant> participants = request.participants();
        int n = participants.size();

        int[] yes = new int[count + 1];
        int[] attending = new int[count + 1];
        int[] requiredAttending = new int[count + 1];
        int requiredTotal = 0;
        List<List<Interval>> yesUnions = new ArrayList<>(n);
        List<List<Interval>> allUnions = new ArrayList<>(n);
        for (Participant participant : participants) {
            List<Interval> yesWindows = new ArrayList<>();
            List<Interval> allWindows = new ArrayList<>(participant.availability().size());
            for (Availability window : participant.availability()) {
                allWindows.add(window.interval());
                if (window.preference() == Preference.YES) {
                    yesWindows.add(window.interval());
                }
            }
            List<Interval> yesUnion = Intervals.union(yesWindows);
            List<Interval> allUnion = Intervals.union(allWindows);
            yesUnions.add(yesUnion);
            allUnions.add(allUnion);
            addCoverage(candidates, yesUnion, duration, yes);
            addCoverage(candidates, allUnion, duration, attending);
            if (participant.required()) {
                requiredTotal++;
                addCoverage(candidates, allUnion, duration, requiredAttending);
            }
        }
        prefixSum(yes);
        prefixSum(attending);
        prefixSum(requiredAttending);

        Ranking ranking = new Ranking(yes, attending, requiredAttending, requiredTotal);
        int[] best = ranking.best(count, request.minAttending(), request.limit());
        if (best.length == 0) {
            EmptyReason reason = count == 0 ? EmptyReason.NO_CANDIDATES
                    : n == 0 ? EmptyReason.NO_PARTICIPANTS
                    : EmptyReason.BELOW_MIN_AVAILABLE;
            return new MatchResult(count, List.of(), Optional.of(reason));
        }
        List<RankedSlot> slots = describe(best, candidates, duration, participants, yesUnions, allUnions);
        return new MatchResult(count, slots, Optional.empty());
    }

    /** Every candidate start, ascending, over already merged (sorted, disjoint) windows. */
    static long[] candidates(List<Interval> merged, int duration, int step) {
        long total = 0;
        for (Interval window : merged) {
            if (window.length() >= duration) {
                total += (window.length() - duration) / step + 1;
            }
        }
        if (total > MAX_CANDIDATES) {
            throw new IllegalArgumentException("too many candidates: " + total + " > " + MAX_CANDIDATES);
        }
        long[] starts = new long[(int) total];
        int i = 0;
        for (Interval window : merged) {
            for (long t = window.start(); t + duration <= window.end(); t += step) {
                starts[i++] = t;
            }
        }
        return starts;
    }

    /** Adds one to {@code diff} over every candidate that one of the disjoint intervals covers. */
    private static void addCoverage(long[] candidates, List<Interval> union, int duration, int[] diff) {
        int count = candidates.length;
        for (Interval interval : union) {
            if (interval.length() < duration) {
                continue;
            }
            int from = IntervalTree.lowerBound(candidates, count, interval.start());
            int to = IntervalTree.upperBound(candidates, count, interval.end() - duration);
            if (from < to) {
                diff[from]++;
                diff[to]--;
            }
        }
    }

    private static void prefixSum(int[] values) {
        for (int i = 1; i < values.length; i++) {
            values[i] += values[i - 1];
        }
    }

    private static List<RankedSlot> describe(int[] best, long[] candidates, int duration,
            List<Participant> participants, List<List<Interval>> yesUnions, List<List<Interval>> allUnions) {
        int n = participants.size();
        IntervalTree.Builder builder = IntervalTree.builder();
        for (int p = 0; p < n; p++) {
            for (Interval interval : yesUnions.get(p)) {
                if (interval.length() >= duration) {
                    builder.add(interval.start(), interval.end(), 2 * p);
                }
            }
            for (Interval interval : allUnions.get(p)) {
                if (interval.length() >= duration) {
                    builder.add(interval.start(), interval.end(), 2 * p + 1);
                }
            }
        }
        IntervalTree tree = builder.build();

        int[] yesMark = new int[n];
        int[] allMark = new int[n];
        List<RankedSlot> slots = new ArrayList<>(best.length);
        for (int r = 0; r < best.length; r++) {
            int stamp = r + 1;
            long start = candidates[best[r]];
            long end = start + duration;
            tree.forEachCovering(start, end, tag -> {
                if ((tag & 1) == 0) {
                    yesMark[tag >>> 1] = stamp;
                } else {
                    allMark[tag >>> 1] = stamp;
                }
            });
            List<Integer> available = new ArrayList<>();
            List<Integer> ifNeedBe = new ArrayList<>();
            List<Integer> unavailable = new ArrayList<>();
            List<Integer> requiredUnavailable = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                if (yesMark[p] == stamp) {
                    available.add(p);
                } else if (allMark[p] == stamp) {
                    ifNeedBe.add(p);
                } else {
                    unavailable.add(p);
                    if (participants.get(p).required()) {
                        requiredUnavailable.add(p);
                    }
                }
            }
            double score = score(available.size(), ifNeedBe.size(), n);
            slots.add(new RankedSlot(r + 1, start, end, score, available, ifNeedBe, unavailable, requiredUnavailable));
        }
        return slots;
    }

    /** {@code (available + 0.5 * ifNeedBe) / participants} rounded half-up to 4 decimals; 0 without participants. */
    public static double score(int available, int ifNeedBe, int participants) {
        if (participants == 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(2L * available + ifNeedBe)
                .divide(BigDecimal.valueOf(2L * participants), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** The total order over candidate indices and a bounded top-k selection by it. */
    private static final class Ranking {
        private final int[] yes;
        private final int[] attending;
        private final int[] requiredAttending;
        private final int requiredTotal;

        Ranking(int[] yes, int[] attending, int[] requiredAttending, int requiredTotal) {
            this.yes = yes;
            this.attending = attending;
            this.requiredAttending = requiredAttending;
            this.requiredTotal = requiredTotal;
        }

        /** Negative if candidate {@code a} ranks before candidate {@code b}. */
        int compare(int a, int b) {
            int byRequired = Integer.compare(requiredTotal - requiredAttending[a], requiredTotal - requiredAttending[b]);
            if (byRequired != 0) {
                return byRequired;
            }
            int byAttending = Integer.compare(attending[b], attending[a]);
            if (byAttending != 0) {
                return byAttending;
            }
            int byYes = Integer.compare(yes[b], yes[a]);
            if (byYes != 0) {
                return byYes;
            }
            return Integer.compare(a, b);
        }

        /** The best {@code limit} candidates with at least {@code minAttending} attending, best first. */
        int[] best(int count, int minAttending, int limit) {
            // A binary heap whose root is the worst of the kept candidates.
            int[] heap = new int[Math.min(limit, count)];
            int size = 0;
            for (int c = 0; c < count; c++) {
                if (attending[c] < minAttending) {
                    continue;
                }
                if (size < heap.length) {
                    heap[size] = c;
                    siftUp(heap, size++);
                } else if (heap.length > 0 && compare(c, heap[0]) < 0) {
                    heap[0] = c;
                    siftDown(heap, size);
                }
            }
            int[] sorted = Arrays.copyOf(heap, size);
            for (int end = size - 1; end > 0; end--) {
                int worst = sorted[0];
                sorted[0] = sorted[end];
                sorted[end] = worst;
                siftDown(sorted, end);
            }
            return sorted;
        }

        private void siftUp(int[] heap, int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (compare(heap[i], heap[parent]) <= 0) {
                    return;
                }
                swap(heap, i, parent);
                i = parent;
            }
        }

        private void siftDown(int[] heap, int size) {
            int i = 0;
            while (true) {
                int left = 2 * i + 1;
                if (left >= size) {
                    return;
                }
                int worse = left;
                int right = left + 1;
                if (right < size && compare(heap[right], heap[left]) > 0) {
                    worse = right;
                }
                if (compare(heap[worse], heap[i]) <= 0) {
                    return;
                }
                swap(heap, i, worse);
                i = worse;
            }
        }

        private static void swap(int[] heap, int i, int j) {
            int t = heap[i];
            heap[i] = heap[j];
            heap[j] = t;
        }
    }
}
