package io.slotpoll;

import static io.slotpoll.testing.ServiceProcess.JAR;
import static io.slotpoll.testing.ServiceProcess.awaitReady;
import static io.slotpoll.testing.ServiceProcess.freePort;
import static io.slotpoll.testing.ServiceProcess.stop;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.Eventually;
import io.slotpoll.testing.MailSink;
import io.slotpoll.testing.ServiceProcess;
import io.slotpoll.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged service as a real process, killed with {@code kill -9} after a change
 * committed and before its mail went out (the SMTP server was not listening yet, so the
 * outbox row waits for its retry): started again, it sends that mail, exactly once.
 */
class MailCrashIT {

    @RegisterExtension
    @Order(1)
    static final MailSink SMTP = new MailSink(false);

    @RegisterExtension
    @Order(2)
    static final TestDatabase DB = new TestDatabase();

    @Test
    void a_mail_committed_before_kill_9_is_sent_once_after_the_restart() throws Exception {
        Path workDir = Files.createTempDirectory("slotpoll-mail-crash");
        int port = freePort();
        Map<String, String> env = new HashMap<>(Map.of("PORT", Integer.toString(port), "DB_URL", DB.url(),
                "DB_USER", DB.server().user(), "DB_PASSWORD", DB.server().password(), "LOG_FORMAT", "text",
                "PUBLIC_BASE_URL", "https://slotpoll.example"));
        env.putAll(SMTP.env("polls@slotpoll.example"));
        Process first = ServiceProcess.start(JAR, workDir, env, "mail-first");
        ApiClient client = new ApiClient("http://127.0.0.1:" + port);
        awaitReady(port, first);
        ApiClient.Response created = client.post("/api/v1/events").json("{\"title\":\"Crash mail\",\"durationMinutes\":30,"
                + "\"timezone\":\"UTC\",\"organizerEmail\":\"orga@crash.example\",\"proposedWindows\":[{\"start\":"
                + "\"2027-01-01T10:00\",\"end\":\"2027-01-01T12:00\"}]}").send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // the first attempt found no SMTP server and was recorded: the row is committed, unsent,
        // due again in 15..45 s (killed between the claim and that record, it would wait out its lease)
        Eventually.await(Duration.ofSeconds(10), "a failed first attempt recorded", () -> attempts() == 1
                && DB.database().dsl().resultQuery("select last_error from mail_outbox").fetchOne(0, String.class) != null);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);

        SMTP.start();
        Process second = ServiceProcess.start(JAR, workDir, env, "mail-second");
        try {
            awaitReady(port, second);
            // the retry is due 15 to 45 s after the first attempt (the first backoff, with its jitter)
            assertThat(SMTP.await("orga@crash.example", 1, Duration.ofSeconds(75)).getFirst().getSubject())
                    .isEqualTo("Your poll: Crash mail");
            Eventually.await(Duration.ofSeconds(10), "the row marked sent", () -> "sent".equals(DB.database().dsl()
                    .resultQuery("select status from mail_outbox").fetchOne(0, String.class)));
            Thread.sleep(2000);
            assertThat(SMTP.received()).hasSize(1);
            assertThat(attempts()).isEqualTo(2);
        } finally {
            stop(second);
        }
    }

    private static int attempts() {
        Integer attempts = DB.database().dsl().resultQuery("select max(attempts) from mail_outbox").fetchOne(0, Integer.class);
        return attempts == null ? 0 : attempts;
    }
}
