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
 * contiguous index range, computed on the {@link CandidateGrid} and added to a difference array. One
 * prefix sum then gives every candidate's counts in O(windows log windows + candidates).
 *
 * <p>Order (total): fewer required participants unavailable (if need be counts as
 * attending), then more attending, then more available, then earlier start. The best
 * {@code limit} candidates are kept in a bounded heap; only for those does an
 * {@link IntervalTree}, over the merged intervals that cover them, say who is in and who
 * is out. Unions are built in flat primitive arrays, so allocation stays proportional to
 * the input.
 *
 * <p>Score: {@code (available + 0.5 * ifNeedBe) / participants}, rounded half-up to four
 * decimals, or 0 without participants. It is informative; the order above decides rank.
 *
 * <p>Instances hold no state and may be shared between threads.
 */
public final class SlotMatcher {

    /**
     * Whether {@code start} is a candidate start: on the step grid of a merged proposed
     * window with the whole meeting inside it, the same grid {@link #match} ranks.
     */
    public static boolean isCandidateStart(List<Interval> proposedWindows, int duration, int step, long start) {
        CandidateGrid grid = new CandidateGrid(Intervals.union(proposedWindows), duration, step);
        int index = grid.firstAtOrAfter(start);
        return index < grid.size() && grid.start(index) == start;
    }

    public MatchResult match(MatchRequest request) {
        int duration = request.durationMinutes();
        CandidateGrid grid = new CandidateGrid(Intervals.union(request.proposedWindows()), duration, request.stepMinutes());
        int count = grid.size();
        List<Participant> participants = request.participants();
        int n = participants.size();

        FlatUnions yesUnions = new FlatUnions(n);
        FlatUnions allUnions = new FlatUnions(n);
        unions(participants, yesUnions, allUnions);

        int[] yes = new int[count + 1];
        int[] attending = new int[count + 1];
        int[] requiredAttending = new int[count + 1];
        int requiredTotal = 0;
        for (int p = 0; p < n; p++) {
            addCoverage(grid, yesUnions, p, duration, yes);
            addCoverage(grid, allUnions, p, duration, attending);
            if (participants.get(p).required()) {
                requiredTotal++;
                addCoverage(grid, allUnions, p, duration, requiredAttending);
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
        long[] chosenStarts = new long[best.length];
        for (int r = 0; r < best.length; r++) {
            chosenStarts[r] = grid.start(best[r]);
        }
        List<RankedSlot> slots = describe(chosenStarts, duration, participants, yesUnions, allUnions);
        return new MatchResult(count, slots, Optional.empty());
    }

    /** Each participant's "yes" union and union of all windows, into flat arrays. */
    private static void unions(List<Participant> participants, FlatUnions yesUnions, FlatUnions allUnions) {
        int most = 0;
        for (Participant p : participants) {
            most = Math.max(most, p.availability().size());
        }
        long[] yesStarts = new long[most];
        long[] yesEnds = new long[most];
        long[] allStarts = new long[most];
        long[] allEnds = new long[most];
        long[] keys = new long[most];
        int[] order = new int[most];
        for (Participant participant : participants) {
            int yesCount = 0;
            int allCount = 0;
            for (Availability window : participant.availability()) {
                Interval interval = window.interval();
                allStarts[allCount] = interval.start();
                allEnds[allCount++] = interval.end();
                if (window.preference() == Preference.YES) {
                    yesStarts[yesCount] = interval.start();
                    yesEnds[yesCount++] = interval.end();
                }
            }
            yesUnions.addOwner(yesStarts, yesEnds, yesCount, keys, order);
            allUnions.addOwner(allStarts, allEnds, allCount, keys, order);
        }
    }

    /** Adds one to {@code diff} over every candidate that one of the owner's disjoint intervals covers. */
    private static void addCoverage(CandidateGrid grid, FlatUnions unions, int owner, int duration, int[] diff) {
        for (int i = unions.offsets[owner]; i < unions.offsets[owner + 1]; i++) {
            long start = unions.starts[i];
            long end = unions.ends[i];
            if (end - start < duration) {
                continue;
            }
            int from = grid.firstAtOrAfter(start);
            int to = grid.countAtOrBefore(end - duration);
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

    /**
     * Who is in and who is out of each returned slot. The interval tree holds only the
     * merged intervals that cover at least one returned slot (found by binary search over
     * the returned starts), so building it costs nothing like indexing every window.
     */
    private static List<RankedSlot> describe(long[] starts, int duration,
            List<Participant> participants, FlatUnions yesUnions, FlatUnions allUnions) {
        int n = participants.size();
        long[] chosen = starts.clone();
        Arrays.sort(chosen);
        IntervalTree.Builder builder = IntervalTree.builder();
        for (int p = 0; p < n; p++) {
            addRelevant(builder, yesUnions, p, 2 * p, duration, chosen);
            addRelevant(builder, allUnions, p, 2 * p + 1, duration, chosen);
        }
        IntervalTree tree = builder.build();

        int[] yesMark = new int[n];
        int[] allMark = new int[n];
        List<RankedSlot> slots = new ArrayList<>(starts.length);
        for (int r = 0; r < starts.length; r++) {
            int stamp = r + 1;
            long start = starts[r];
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

    /** Adds the owner's intervals that contain some slot {@code [t, t + duration)} with {@code t} in sorted {@code chosen}. */
    private static void addRelevant(IntervalTree.Builder builder, FlatUnions unions, int owner, int tag, int duration,
            long[] chosen) {
        for (int i = unions.offsets[owner]; i < unions.offsets[owner + 1]; i++) {
            long start = unions.starts[i];
            long lastStart = unions.ends[i] - duration;
            if (lastStart < start) {
                continue;
            }
            int at = IntervalTree.lowerBound(chosen, chosen.length, start);
            if (at < chosen.length && chosen[at] <= lastStart) {
                builder.add(start, unions.ends[i], tag);
            }
        }
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
