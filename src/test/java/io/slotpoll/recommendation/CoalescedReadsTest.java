package io.slotpoll.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CoalescedReadsTest {

    @Test
    void a_lone_caller_reads_for_itself_every_time() {
        AtomicInteger reads = new AtomicInteger();
        CoalescedReads<String, Integer> shared = new CoalescedReads<>(k -> reads.incrementAndGet());
        assertThat(shared.get("e")).isEqualTo(1);
        assertThat(shared.get("e")).isEqualTo(2);
        assertThat(shared.get("f")).isEqualTo(3);
        assertThat(shared.activeKeys()).isZero();
    }

    @Test
    void callers_arriving_during_a_read_share_the_next_one_not_the_one_in_flight() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CoalescedReads<String, Integer> shared = new CoalescedReads<>(k -> {
            int n = reads.incrementAndGet();
            if (n == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return n;
        });
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> first = pool.submit(() -> shared.get("e"));
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> later = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                later.add(pool.submit(() -> shared.get("e")));
            }
            Thread.sleep(200); // let them all join the waiting batch
            releaseFirst.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            for (Future<Integer> f : later) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            }
        }
        assertThat(reads.get()).isEqualTo(2);
        assertThat(shared.activeKeys()).isZero();
    }

    @Test
    void no_caller_ever_sees_a_value_older_than_when_it_arrived() throws Exception {
        AtomicLong committed = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        CoalescedReads<String, Long> shared = new CoalescedReads<>(k -> {
            reads.incrementAndGet();
            long value = committed.get();
            Thread.onSpinWait();
            return value;
        });
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                int seed = t;
                tasks.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 2_000; i++) {
                        if (random.nextInt(10) == 0) {
                            committed.incrementAndGet();
                        }
                        long atArrival = committed.get();
                        if (shared.get(random.nextBoolean() ? "a" : "b") < atArrival) {
                            stale.incrementAndGet();
                        }
                        calls.incrementAndGet();
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(stale.get()).isZero();
        assertThat(calls.get()).isEqualTo(64_000);
        assertThat(reads.get()).isLessThanOrEqualTo(64_000);
        assertThat(shared.activeKeys()).isZero();
    }

    @Test
    void a_failed_read_fails_every_caller_that_shared_it_and_the_next_read_runs_anew() {
        AtomicInteger reads = new AtomicInteger();
        CoalescedReads<String, Integer> shared = new CoalescedReads<>(k -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return 7;
        });
        assertThatThrownBy(() -> shared.get("e")).isInstanceOf(IllegalStateException.class).hasMessage("database down");
        assertThat(shared.get("e")).isEqualTo(7);
        assertThat(shared.activeKeys()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
