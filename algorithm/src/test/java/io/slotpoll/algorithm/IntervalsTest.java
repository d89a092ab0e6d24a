package io.slotpoll.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    @Test
    void union_merges_overlapping_and_touching_and_sorts() {
        assertThat(Intervals.union(List.of(new Interval(50, 60), new Interval(0, 10), new Interval(10, 20),
                new Interval(15, 18), new Interval(40, 51))))
                .containsExactly(new Interval(0, 20), new Interval(40, 60));
    }

    @Test
    void union_keeps_separate_intervals_apart() {
        assertThat(Intervals.union(List.of(new Interval(0, 10), new Interval(11, 20))))
                .containsExactly(new Interval(0, 10), new Interval(11, 20));
    }
}
