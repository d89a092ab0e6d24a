package io.slotpoll.mail;

import static io.slotpoll.db.schema.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox table's claim on a real database: concurrent claimers never share a row; a lease ends. */
class OutboxTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    private final Outbox outbox = new Outbox();

    @BeforeEach
    void clean() {
        DB.database().dsl().deleteFrom(MAIL_OUTBOX).execute();
    }

    private void queue(int n, Instant due) {
        DSLContext dsl = DB.database().dsl();
        dsl.transaction(tx -> {
            for (int i = 0; i < n; i++) {
                outbox.enqueue(tx.dsl(), Optional.of("ev"), "test", "r" + i + "@outbox.example", "mime", "<" + i + "@x>",
                        NOW, due);
            }
        });
    }

    @Test
    void two_claimers_at_once_take_every_row_once() throws Exception {
        queue(1000, NOW.minusSeconds(60));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<Long>>> claimers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            claimers.add(CompletableFuture.supplyAsync(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                List<Outbox.Row> rows;
                do {
                    rows = outbox.claim(DB.database().dsl(), NOW, 20, Duration.ofMinutes(5));
                    rows.forEach(r -> mine.add(r.id()));
                } while (!rows.isEmpty());
                return mine;
            }));
        }
        start.countDown();
        List<Long> first = claimers.get(0).get();
        List<Long> second = claimers.get(1).get();
        Set<Long> all = new HashSet<>(first);
        all.addAll(second);
        assertThat(first.size() + second.size()).isEqualTo(1000);
        assertThat(all).hasSize(1000);
        assertThat(DB.database().dsl().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.ATTEMPTS.eq(1))).isEqualTo(1000);
    }

    @Test
    void a_row_whose_lease_ends_is_claimed_again_and_an_ended_row_never() {
        queue(2, NOW);
        List<Outbox.Row> claimed = outbox.claim(DB.database().dsl(), NOW, 20, Duration.ofMinutes(5));
        assertThat(claimed).hasSize(2);
        assertThat(claimed.getFirst().attempts()).isEqualTo(1);
        assertThat(outbox.claim(DB.database().dsl(), NOW.plusSeconds(299), 20, Duration.ofMinutes(5))).isEmpty();
        outbox.sent(DB.database().dsl(), claimed.get(1).id(), NOW, false);
        List<Outbox.Row> again = outbox.claim(DB.database().dsl(), NOW.plusSeconds(300), 20, Duration.ofMinutes(5));
        assertThat(again).extracting(Outbox.Row::id).containsExactly(claimed.getFirst().id());
        assertThat(again.getFirst().attempts()).isEqualTo(2);
        assertThat(DB.database().dsl().select(MAIL_OUTBOX.PAYLOAD).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.ID.eq(claimed.get(1).id())).fetchOne(MAIL_OUTBOX.PAYLOAD)).isEmpty();
    }

    @Test
    void rows_not_yet_due_wait() {
        queue(3, NOW.plusSeconds(3600));
        assertThat(outbox.claim(DB.database().dsl(), NOW, 20, Duration.ofMinutes(5))).isEmpty();
        assertThat(outbox.backlog(DB.database().dsl(), NOW)).isEqualTo(new Outbox.Backlog(3, Duration.ZERO));
        assertThat(outbox.claim(DB.database().dsl(), NOW.plusSeconds(3600), 20, Duration.ofMinutes(5))).hasSize(3);
    }
}
