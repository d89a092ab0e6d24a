package io.slotpoll.algorithm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Local hours: for a participant with {@link LocalHours}, {@link LocalHours#insideStarts}
 * gives the starts whose slot is inside their hours as a few ranges per local day,
 * computed only over the start ranges where the participant attends; each range is again
 * a contiguous index range. So "attending but outside their hours" per candidate is the
 * count of attending participants with hours minus those inside, from two more difference
 * arrays, without a loop over candidates times participants.
 *
 * <p>Order (total): fewer required participants unavailable (if need be counts as
 * attending), then more attending, then more available, then fewer attending outside
 * their local hours, then earlier start. The best {@code limit} candidates are kept in a
 * bounded heap; only for those does an {@link IntervalTree}, over the merged intervals that
 * cover them, say who is in and who is out, and only for those are partial minutes (a
 * binary search into each unavailable participant's union) and the hours of each attending
 * participant checked one by one. Unions are built in flat primitive arrays, so allocation
 * stays proportional to the input.
 *
 * <p>Score: {@code (available + 0.5 * ifNeedBe) / participants}, rounded half-up to four
 * decimals, or 0 without participants. It is informative; the order above decides rank.
 *
 * <p>Instances hold no state and may be shared between threads.
 */
public final class SlotMatcher {

    /** Partial attendance in the contract's order: most free minutes first, then creation order. */
    private static final Comparator<RankedSlot.Partial> PARTIAL_ORDER =
            Comparator.comparingInt(RankedSlot.Partial::minutesFree).reversed()
                    .thenComparingInt(RankedSlot.Partial::participant);

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
        List<Respondent> participants = request.participants();
        int n = participants.size();

        FlatUnions.OfParticipants unions = FlatUnions.of(participants);
        FlatUnions yesUnions = unions.yes();
        FlatUnions allUnions = unions.all();

        int[] yes = new int[count + 1];
        int[] attending = new int[count + 1];
        int[] requiredAttending = new int[count + 1];
        int[] outside = new int[count + 1];
        int requiredTotal = 0;
        Map<LocalHours, int[]> shared = count > 0 ? sharedInside(grid, duration, participants) : Map.of();
        for (int p = 0; p < n; p++) {
            addCoverage(grid, yesUnions, p, duration, yes);
            addCoverage(grid, allUnions, p, duration, attending);
            Respondent participant = participants.get(p);
            if (participant.required()) {
                requiredTotal++;
                addCoverage(grid, allUnions, p, duration, requiredAttending);
            }
            if (participant.hours().isPresent() && count > 0) {
                addCoverage(grid, allUnions, p, duration, outside);
                int[] inside = shared.get(participant.hours().get());
                if (inside != null) {
                    subtractInside(grid, allUnions, p, duration, inside, outside);
                } else {
                    subtractInsideHours(grid, allUnions, p, duration, participant.hours().get(), outside);
                }
            }
        }
        prefixSum(yes);
        prefixSum(attending);
        prefixSum(requiredAttending);
        prefixSum(outside);

        Ranking ranking = new Ranking(yes, attending, requiredAttending, requiredTotal, outside);
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

    /** Adds one to {@code diff} over every candidate that one of the owner's disjoint intervals covers. */
    private static void addCoverage(CandidateGrid grid, FlatUnions unions, int owner, int duration, int[] diff) {
        for (int i = unions.offsets[owner]; i < unions.offsets[owner + 1]; i++) {
            long covered = covered(grid, unions.starts[i], unions.ends[i], duration);
            int from = (int) (covered >>> 32);
            int to = (int) covered;
            if (from < to) {
                diff[from]++;
                diff[to]--;
            }
        }
    }

    /**
     * Subtracts one from {@code diff} over every candidate the owner attends whose slot is
     * inside their hours: the inside starts are computed only within the owner's covered
     * start ranges, clipped to the grid's first and last start.
     */
    private static void subtractInsideHours(CandidateGrid grid, FlatUnions unions, int owner, int duration,
            LocalHours hours, int[] diff) {
        long firstStart = grid.start(0);
        long lastStart = grid.start(grid.size() - 1);
        for (int i = unions.offsets[owner]; i < unions.offsets[owner + 1]; i++) {
            long from = Math.max(firstStart, unions.starts[i]);
            long to = Math.min(lastStart, unions.ends[i] - duration);
            if (from > to) {
                continue;
            }
            hours.insideStarts(from, to, duration, (first, last) -> {
                int a = grid.firstAtOrAfter(first);
                int b = grid.countAtOrBefore(last);
                if (a < b) {
                    diff[a]--;
                    diff[b]++;
                }
            });
        }
    }

    /**
     * For each local hours that two or more participants share (same zone and times), the
     * candidates inside them over the whole grid, as ascending {@code [from, to)} index pairs:
     * worked out once, so each of those participants costs index arithmetic, not zone rules.
     */
    private static Map<LocalHours, int[]> sharedInside(CandidateGrid grid, int duration, List<Respondent> participants) {
        Map<LocalHours, Integer> holders = new HashMap<>();
        for (Respondent participant : participants) {
            participant.hours().ifPresent(h -> holders.merge(h, 1, Integer::sum));
        }
        Map<LocalHours, int[]> inside = new HashMap<>();
        long firstStart = grid.start(0);
        long lastStart = grid.start(grid.size() - 1);
        for (var entry : holders.entrySet()) {
            if (entry.getValue() < 2) {
                continue;
            }
            int[][] pairs = {new int[16]};
            int[] size = {0};
            entry.getKey().insideStarts(firstStart, lastStart, duration, (first, last) -> {
                int a = grid.firstAtOrAfter(first);
                int b = grid.countAtOrBefore(last);
                if (a < b) {
                    if (size[0] + 2 > pairs[0].length) {
                        pairs[0] = Arrays.copyOf(pairs[0], 2 * pairs[0].length);
                    }
                    pairs[0][size[0]++] = a;
                    pairs[0][size[0]++] = b;
                }
            });
            inside.put(entry.getKey(), Arrays.copyOf(pairs[0], size[0]));
        }
        return inside;
    }

    /**
     * Subtracts one from {@code diff} over every candidate the owner attends that lies in one
     * of the {@code inside} index pairs: the owner's covered range of each interval, cut
     * against the pairs from the first that ends after it starts.
     */
    private static void subtractInside(CandidateGrid grid, FlatUnions unions, int owner, int duration, int[] inside,
            int[] diff) {
        for (int i = unions.offsets[owner]; i < unions.offsets[owner + 1]; i++) {
            long covered = covered(grid, unions.starts[i], unions.ends[i], duration);
            int from = (int) (covered >>> 32);
            int to = (int) covered;
            if (from >= to) {
                continue;
            }
            int lo = 0;
            int hi = inside.length / 2;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (inside[2 * mid + 1] > from) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            for (int k = 2 * lo; k < inside.length && inside[k] < to; k += 2) {
                int a = Math.max(inside[k], from);
                int b = Math.min(inside[k + 1], to);
                if (a < b) {
                    diff[a]--;
                    diff[b]++;
                }
            }
        }
    }

    /**
     * The candidates whose whole meeting lies in {@code [start, end)}, as the index range
     * {@code [from, to)} packed in one long (from in the high half); empty ({@code 0}) when the
     * interval is shorter than the meeting.
     */
    private static long covered(CandidateGrid grid, long start, long end, int duration) {
        if (end - start < duration) {
            return 0;
        }
        return ((long) grid.firstAtOrAfter(start) << 32) | grid.countAtOrBefore(end - duration);
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
            List<Respondent> participants, FlatUnions yesUnions, FlatUnions allUnions) {
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
        HoursGroups hours = new HoursGroups(participants);
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
            List<RankedSlot.Partial> partial = new ArrayList<>();
            for (int p : unavailable) {
                int free = coveredMinutes(allUnions, p, start, end);
                if (free > 0) {
                    partial.add(new RankedSlot.Partial(p, free));
                }
            }
            partial.sort(PARTIAL_ORDER);
            List<Integer> outsideHours = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                if (allMark[p] == stamp && !hours.inside(p, start, end, stamp)) {
                    outsideHours.add(p);
                }
            }
            double score = score(available.size(), ifNeedBe.size(), n);
            slots.add(new RankedSlot(r + 1, start, end, score, available, ifNeedBe, unavailable, requiredUnavailable,
                    partial, outsideHours));
        }
        return slots;
    }

    /** Minutes of {@code [from, to)} inside the owner's disjoint, sorted intervals, by binary search. */
    private static int coveredMinutes(FlatUnions unions, int owner, long from, long to) {
        int lo = unions.offsets[owner];
        int hi = unions.offsets[owner + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (unions.ends[mid] <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        long covered = 0;
        for (int i = lo; i < unions.offsets[owner + 1] && unions.starts[i] < to; i++) {
            covered += Math.min(to, unions.ends[i]) - Math.max(from, unions.starts[i]);
        }
        return (int) covered;
    }

    /**
     * Participants grouped by equal hours (same zone and times), so a returned slot checks
     * each distinct set of hours once however many people share it.
     */
    private static final class HoursGroups {
        private final List<LocalHours> distinct = new ArrayList<>();
        private final int[] groupOf;
        private final int[] checkedAt;
        private final boolean[] inside;

        HoursGroups(List<Respondent> participants) {
            Map<LocalHours, Integer> index = new HashMap<>();
            groupOf = new int[participants.size()];
            for (int p = 0; p < participants.size(); p++) {
                groupOf[p] = participants.get(p).hours().map(h -> index.computeIfAbsent(h, k -> {
                    distinct.add(k);
                    return distinct.size() - 1;
                })).orElse(-1);
            }
            checkedAt = new int[distinct.size()];
            inside = new boolean[distinct.size()];
        }

        /** Whether the slot is inside participant {@code p}'s hours (true without hours); {@code stamp} names the slot. */
        boolean inside(int p, long start, long end, int stamp) {
            int g = groupOf[p];
            if (g < 0) {
                return true;
            }
            if (checkedAt[g] != stamp) {
                checkedAt[g] = stamp;
                inside[g] = distinct.get(g).contains(start, end);
            }
            return inside[g];
        }
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
        private final int[] outside;

        Ranking(int[] yes, int[] attending, int[] requiredAttending, int requiredTotal, int[] outside) {
            this.outside = outside;
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
            int byOutside = Integer.compare(outside[a], outside[b]);
            if (byOutside != 0) {
                return byOutside;
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
