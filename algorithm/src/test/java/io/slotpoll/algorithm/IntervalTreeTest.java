package io.slotpoll.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntervalTreeTest {

    @Test
    void finds_exactly_the_intervals_covering_a_range() {
        IntervalTree tree = IntervalTree.builder()
                .add(0, 10, 1).add(5, 20, 2).add(8, 9, 3).add(12, 30, 4).add(0, 100, 5)
                .build();
        assertThat(hits(tree, 8, 10)).containsExactlyInAnyOrder(1, 2, 5);
        assertThat(hits(tree, 12, 20)).containsExactlyInAnyOrder(2, 4, 5);
        assertThat(hits(tree, 100, 101)).isEmpty();
        assertThat(hits(tree, -1, 1)).isEmpty();
    }

    @Test
    void an_empty_tree_finds_nothing() {
        assertThat(hits(IntervalTree.builder().build(), 0, 1)).isEmpty();
    }

    @Test
    void agrees_with_a_linear_scan_on_random_intervals() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(60);
            long[][] intervals = new long[n][];
            IntervalTree.Builder builder = IntervalTree.builder();
            for (int i = 0; i < n; i++) {
                long s = random.nextInt(200);
                long e = s + 1 + random.nextInt(80);
                intervals[i] = new long[] {s, e};
                builder.add(s, e, i);
            }
            IntervalTree tree = builder.build();
            for (int q = 0; q < 50; q++) {
                long from = random.nextInt(260) - 20L;
                long to = from + 1 + random.nextInt(60);
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (intervals[i][0] <= from && to <= intervals[i][1]) {
                        expected.add(i);
                    }
                }
                assertThat(hits(tree, from, to)).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    private static List<Integer> hits(IntervalTree tree, long from, long to) {
        List<Integer> hits = new ArrayList<>();
        tree.forEachCovering(from, to, hits::add);
        return hits;
    }
}
