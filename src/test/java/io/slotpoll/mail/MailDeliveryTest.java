package io.slotpoll.mail;

import static io.slotpoll.db.schema.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.App;
import io.slotpoll.calendar.FeedFetcher;
import io.slotpoll.metrics.Metrics;
import io.slotpoll.testing.CapturedLogs;
import io.slotpoll.testing.Eventually;
import io.slotpoll.testing.MailSink;
import io.slotpoll.testing.MutableClock;
import io.slotpoll.testing.TestApp;
import io.slotpoll.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox and its senders against a real SMTP server that can refuse: a 451 is tried
 * again after its backoff and then delivered once; a 550 is given up at once, counted and
 * logged with the event but not the address; the daily cap drops what is past it; two
 * instances on one database send 500 queued mails each exactly once.
 */
@SuppressWarnings("try") // each app runs (its sender sends) while its try block waits
class MailDeliveryTest {

    static final String FROM = "polls@slotpoll.example";

    @RegisterExtension
    @Order(1)
    static final MailSink SMTP = new MailSink();

    @RegisterExtension
    @Order(2)
    static final TestDatabase DB = new TestDatabase();

    @BeforeEach
    void clean() {
        SMTP.purge();
        DB.database().dsl().deleteFrom(MAIL_OUTBOX).execute();
    }

    private static App start(Clock clock, Metrics metrics, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(SMTP.env(FROM));
        env.putAll(extra);
        return App.start(DB.database(), TestApp.config(env), clock, metrics, FeedFetcher.Network.internet());
    }

    /** Queues a letter about {@code eventId} as a feature would, in its own transaction. */
    private static void queue(Clock clock, String eventId, String to, String subject) {
        DSLContext dsl = DB.database().dsl();
        Mailer mailer = Mailer.on(FROM, TestApp.BASE_URL, new Outbox(), StopLinks.load(dsl), clock, Duration.ZERO);
        dsl.transaction(tx -> mailer.queue(tx.dsl(), "test", mailer.about("en", eventId, to, subject,
                new Body().paragraph("hello"), Optional.empty())));
    }

    private static String status(String recipient) {
        return DB.database().dsl().select(MAIL_OUTBOX.STATUS).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.RECIPIENT.eq(recipient)).fetchOne(MAIL_OUTBOX.STATUS);
    }

    @Test
    void a_451_is_tried_again_after_the_backoff_and_delivered_once() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2027-02-01T10:00:00Z"));
        SMTP.refuse("busy@example.net", "451 4.3.0 try again later", 1);
        try (App app = start(clock, Metrics.none(), Map.of())) {
            queue(clock, "ev451", "busy@example.net", "Retry me");
            Eventually.await(Duration.ofSeconds(10), "a retry recorded", () -> DB.database().dsl()
                    .fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.ATTEMPTS.eq(1).and(MAIL_OUTBOX.LAST_ERROR.eq("SMTP 451"))) == 1);
            assertThat(status("busy@example.net")).isEqualTo("queued");
            Thread.sleep(1200);
            assertThat(SMTP.to("busy@example.net")).isEmpty();
            // the first backoff is 15..45 s
            clock.advance(Duration.ofSeconds(46));
            List<MimeMessage> got = SMTP.await("busy@example.net", 1);
            assertThat(got.getFirst().getSubject()).isEqualTo("Retry me");
            Eventually.await(Duration.ofSeconds(5), "marked sent", () -> "sent".equals(status("busy@example.net")));
            assertThat(DB.database().dsl().select(MAIL_OUTBOX.ATTEMPTS).from(MAIL_OUTBOX).fetchOne(MAIL_OUTBOX.ATTEMPTS))
                    .isEqualTo(2);
            Thread.sleep(1200);
            assertThat(SMTP.to("busy@example.net")).hasSize(1);
        }
    }

    @Test
    void temporary_failures_give_up_after_a_day_and_permanent_ones_at_once() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2027-02-02T10:00:00Z"));
        Metrics metrics = Metrics.create(Optional.empty(), Optional.empty(), Metrics.CLOUDWATCH_STEP,
                Metrics.Scrape.PROMETHEUS);
        SMTP.refuse("gone@example.net", "550 5.1.1 no such mailbox", -1);
        SMTP.refuse("down@example.net", "421 4.7.0 closing", -1);
        try (CapturedLogs logs = new CapturedLogs(); App app = start(clock, metrics, Map.of())) {
            queue(clock, "ev550", "gone@example.net", "Never");
            Eventually.await(Duration.ofSeconds(10), "given up", () -> "failed".equals(status("gone@example.net")));
            assertThat(metrics.scrape().orElseThrow()).contains("slotpoll_mail_failed_total 1.0");
            assertThat(String.join("\n", logs.lines())).contains("about event ev550 failed after 1 attempts, given up: SMTP 550")
                    .doesNotContain("gone@example.net");

            queue(clock, "ev421", "down@example.net", "Later");
            // the backoff reaches its cap of an hour (times at most 1.5) after 7 attempts; every
            // 91 minutes one attempt comes due, until the row is 25 hours old: the 18th attempt
            Eventually.await(Duration.ofSeconds(10), "the first attempt", () -> attempts("down@example.net") == 1);
            for (int step = 0; step < 30 && !"failed".equals(status("down@example.net")); step++) {
                clock.advance(Duration.ofMinutes(91));
                int attemptsBefore = attempts("down@example.net");
                Eventually.await(Duration.ofSeconds(10), "another attempt", () -> attempts("down@example.net") > attemptsBefore
                        || "failed".equals(status("down@example.net")));
            }
            assertThat(status("down@example.net")).isEqualTo("failed");
            assertThat(attempts("down@example.net")).isEqualTo(18);
            assertThat(metrics.scrape().orElseThrow()).contains("slotpoll_mail_failed_total 2.0");
            assertThat(SMTP.received()).isEmpty();
        }
    }

    private static int attempts(String recipient) {
        return DB.database().dsl().select(MAIL_OUTBOX.ATTEMPTS).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.RECIPIENT.eq(recipient)).fetchOne(MAIL_OUTBOX.ATTEMPTS);
    }

    @Test
    void past_the_daily_cap_mail_is_dropped_and_counted() throws Exception {
        Clock clock = Clock.systemUTC();
        Metrics metrics = Metrics.create(Optional.empty(), Optional.empty(), Metrics.CLOUDWATCH_STEP,
                Metrics.Scrape.PROMETHEUS);
        try (App app = start(clock, metrics, Map.of("MAIL_PER_ADDRESS_DAILY", "3"))) {
            for (int i = 0; i < 5; i++) {
                queue(clock, "evcap", "many@example.net", "Mail " + i);
                int sent = i + 1;
                Eventually.await(Duration.ofSeconds(10), "row " + i + " ended", () -> DB.database().dsl()
                        .fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.ne("queued")) == sent);
            }
            assertThat(SMTP.to("many@example.net")).extracting(MimeMessage::getSubject)
                    .containsExactly("Mail 0", "Mail 1", "Mail 2");
            assertThat(DB.database().dsl().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq("dropped"))).isEqualTo(2);
            assertThat(metrics.scrape().orElseThrow()).contains("slotpoll_mail_dropped_total 2.0")
                    .contains("slotpoll_mail_sent_total 3.0");
        }
    }

    @Test
    void two_instances_send_500_queued_mails_each_exactly_once() throws Exception {
        Clock clock = Clock.systemUTC();
        for (int i = 0; i < 500; i++) {
            queue(clock, "ev500", "p" + i + "@fleet.example", "Mail " + i);
        }
        long started = System.nanoTime();
        try (App a = start(clock, Metrics.none(), Map.of("MAIL_PER_EVENT_DAILY", "1000"));
                App b = start(clock, Metrics.none(), Map.of("MAIL_PER_EVENT_DAILY", "1000"))) {
            Eventually.await(Duration.ofMinutes(2), "500 mails", () -> SMTP.received().size() >= 500);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("two instances sent 500 mails through GreenMail in %.2f s (%.0f mails/s)%n", seconds,
                    500 / seconds);
            Eventually.await(Duration.ofSeconds(10), "every row sent", () -> DB.database().dsl()
                    .fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq("sent")) == 500);
            Thread.sleep(1500);
        }
        List<MimeMessage> got = SMTP.received();
        assertThat(got).hasSize(500);
        Set<String> ids = new HashSet<>();
        Set<String> recipients = new HashSet<>();
        for (MimeMessage m : got) {
            ids.add(m.getMessageID());
            recipients.add(m.getAllRecipients()[0].toString());
        }
        assertThat(ids).hasSize(500);
        assertThat(recipients).hasSize(500);
    }
}
