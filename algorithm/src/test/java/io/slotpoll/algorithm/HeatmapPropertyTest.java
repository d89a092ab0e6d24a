package io.slotpoll.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The heatmap against a deliberately naive reference written from the contract's words:
 * cells laid minute by minute from each merged window, and each participant's cover
 * decided by checking every minute of every cell against every window.
 */
class HeatmapPropertyTest {

    private static final int CASES = 3_000;
    private static final int[] STEPS = {5, 10, 15, 20, 30, 60};

    @Test
    void counts_and_members_match_a_minute_by_minute_reference() {
        Random random = new Random(20261202);
        int cellsChecked = 0;
        for (int c = 0; c < CASES; c++) {
            List<Interval> proposed = new ArrayList<>();
            for (int w = 1 + random.nextInt(4); w > 0; w--) {
                long start = random.nextInt(600);
                proposed.add(new Interval(start, start + 1 + random.nextInt(240)));
            }
            int step = STEPS[random.nextInt(STEPS.length)];
            List<Respondent> people = new ArrayList<>();
            for (int p = random.nextInt(6); p > 0; p--) {
                List<Availability> windows = new ArrayList<>();
                for (int w = random.nextInt(5); w > 0; w--) {
                    long start = random.nextInt(800) - 50L;
                    long end = start + 1 + random.nextInt(200);
                    windows.add(random.nextInt(3) == 0 ? Availability.ifNeedBe(start, end) : Availability.yes(start, end));
                }
                people.add(new Respondent(false, windows));
            }
            long from = random.nextBoolean() ? Long.MIN_VALUE / 4 : random.nextInt(700) - 20L;
            long to = random.nextBoolean() ? Long.MAX_VALUE / 4 : from + random.nextInt(500);
            boolean members = random.nextInt(4) != 0;

            Heatmap.Result result = Heatmap.compute(proposed, step, people, from, to,
                    members ? Heatmap.Detail.MEMBERS : Heatmap.Detail.COUNTS);
            List<long[]> expected = naiveCells(proposed, step, from, to);
            assertThat(result.size()).as("case %d cells", c).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                long cs = expected.get(i)[0];
                long ce = expected.get(i)[1];
                assertThat(result.starts()[i]).as("case %d cell %d start", c, i).isEqualTo(cs);
                assertThat(result.ends()[i]).as("case %d cell %d end", c, i).isEqualTo(ce);
                List<Integer> yes = new ArrayList<>();
                List<Integer> maybe = new ArrayList<>();
                for (int p = 0; p < people.size(); p++) {
                    boolean yesCovers = NaiveMatcher.covers(people.get(p), cs, ce, true);
                    boolean allCovers = NaiveMatcher.covers(people.get(p), cs, ce, false);
                    if (yesCovers) {
                        yes.add(p);
                    } else if (allCovers) {
                        maybe.add(p);
                    }
                }
                assertThat(result.available()[i]).as("case %d cell %d available", c, i).isEqualTo(yes.size());
                assertThat(result.ifNeedBe()[i]).as("case %d cell %d if need be", c, i).isEqualTo(maybe.size());
                if (members) {
                    assertThat(result.availableMembers().get(i)).as("case %d cell %d", c, i)
                            .containsExactly(yes.stream().mapToInt(Integer::intValue).toArray());
                    assertThat(result.ifNeedBeMembers().get(i)).as("case %d cell %d", c, i)
                            .containsExactly(maybe.stream().mapToInt(Integer::intValue).toArray());
                } else {
                    assertThat(result.availableMembers()).isEmpty();
                }
                cellsChecked++;
            }
        }
        assertThat(cellsChecked).isGreaterThan(CASES);
    }

    /** Cells by the contract: per merged window, [ws + k*step, min(ws + (k+1)*step, we)) while the start is before we. */
    private static List<long[]> naiveCells(List<Interval> proposed, int step, long from, long to) {
        boolean[] inside = new boolean[2000];
        for (Interval w : proposed) {
            for (long m = w.start(); m < w.end(); m++) {
                inside[(int) m] = true;
            }
        }
        List<long[]> cells = new ArrayList<>();
        for (int m = 0; m < inside.length; m++) {
            if (inside[m] && (m == 0 || !inside[m - 1])) {
                int end = m;
                while (end < inside.length && inside[end]) {
                    end++;
                }
                for (long s = m; s < end; s += step) {
                    if (s >= from && s < to) {
                        cells.add(new long[] {s, Math.min(s + step, end)});
                    }
                }
            }
        }
        return cells;
    }
}
