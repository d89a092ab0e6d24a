package io.slotpoll.bench;

import static io.slotpoll.db.schema.Tables.MAIL_OUTBOX;

import io.slotpoll.mail.Outbox;
import io.slotpoll.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Not a test: the outbox claim at 1,000,000 rows, run by bench/outbox.sh only
 * ({@code -Dbench=outbox}). 1,048,576 rows, of which 16,384 queued (half of them due) and
 * the rest sent over the last week, as a busy outbox holds them; then 300 claims of 20 rows
 * (each its own transaction, as a sender makes them), and the query plan.
 */
@EnabledIfSystemProperty(named = "bench", matches = "outbox")
class OutboxClaimBenchmark {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void claim_at_a_million_rows() {
        DSLContext dsl = DB.database().dsl();
        Instant now = Instant.parse("2027-05-01T12:00:00Z");
        long started = System.nanoTime();
        dsl.execute("insert into mail_outbox (event_id, kind, recipient, payload, message_id, status, due_at, attempts,"
                + " created_at, sent_at) values ('ev', 'joined', 'a@bench.example', '', '<m@bench>', 'sent',"
                + " '2027-05-01 00:00:00', 1, '2027-05-01 00:00:00', '2027-05-01 00:00:01')");
        for (int i = 0; i < 20; i++) {
            dsl.execute("insert into mail_outbox (event_id, kind, recipient, payload, message_id, status, due_at, attempts,"
                    + " created_at, sent_at) select concat('ev', id mod 50000), kind, concat('p', id mod 200000, '@bench.example'),"
                    + " payload, message_id, status, due_at - interval (id mod 604800) second, attempts,"
                    + " created_at - interval (id mod 604800) second, sent_at - interval (id mod 604800) second"
                    + " from mail_outbox");
        }
        // 16,384 queued: half due over the last hour, half due in the next hour (digests waiting)
        dsl.execute("update mail_outbox set status = 'queued', sent_at = null, attempts = 0,"
                + " due_at = timestampadd(second, (id mod 7200) - 3600, '2027-05-01 12:00:00') order by id desc limit 16384");
        long rows = dsl.fetchCount(MAIL_OUTBOX);
        System.out.printf("outbox: %d rows (%d queued) inserted in %.1f s%n", rows,
                dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq("queued")), (System.nanoTime() - started) / 1e9);
        dsl.execute("analyze table mail_outbox");
        dsl.resultQuery("explain select id from mail_outbox where status = 'queued' and due_at <= '2027-05-01 12:00:00'"
                + " order by due_at limit 20 for update skip locked").fetch()
                .forEach(r -> System.out.println("plan: " + r.formatCSV(false).trim()));

        Outbox outbox = new Outbox();
        List<Long> micros = new ArrayList<>();
        int claimed = 0;
        for (int i = 0; i < 300; i++) {
            long t = System.nanoTime();
            claimed += outbox.claim(dsl, now, 20, Duration.ofMinutes(5)).size();
            micros.add((System.nanoTime() - t) / 1000);
        }
        Collections.sort(micros);
        System.out.printf("claim of 20 at %d rows: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d rows claimed)%n",
                rows, micros.get(150) / 1000.0, micros.get(270) / 1000.0, micros.get(297) / 1000.0,
                micros.get(299) / 1000.0, claimed);
    }
}
