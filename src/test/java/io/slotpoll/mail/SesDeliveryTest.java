package io.slotpoll.mail;

import static io.slotpoll.db.schema.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.App;
import io.slotpoll.calendar.FeedFetcher;
import io.slotpoll.metrics.Metrics;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.AwsStub;
import io.slotpoll.testing.Eventually;
import io.slotpoll.testing.MutableClock;
import io.slotpoll.testing.TestApp;
import io.slotpoll.testing.TestDatabase;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Mail through Amazon SES v2: the real {@code sesv2} client against a local stub of
 * {@code SendEmail}. The raw message is the outbox's MIME; a throttled call (429
 * {@code TooManyRequestsException}) is tried again after the backoff and then accepted.
 */
class SesDeliveryTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void a_throttled_send_is_tried_again_and_the_raw_mime_reaches_ses() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2027-03-01T09:00:00Z"));
        try (AwsStub aws = new AwsStub()) {
            aws.throttleSes(1);
            SesV2Client ses = aws.client(SesV2Client.builder()
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())));
            MailTransport transport = new SesTransport(ses, "polls@slotpoll.example");
            try (App app = App.start(DB.database(), TestApp.config(Map.of("SES_REGION", "eu-west-1", "MAIL_FROM",
                    "polls@slotpoll.example")), clock, Metrics.none(), FeedFetcher.Network.internet(), Optional.of(transport))) {
                ApiClient client = new ApiClient("http://127.0.0.1:" + app.port());
                ApiClient.Response created = client.post("/api/v1/events").json(io.slotpoll.testing.Fixtures.event("Asia/Kolkata", 30,
                        io.slotpoll.testing.Fixtures.window("2027-04-06T09:00", "2027-04-06T11:00"))
                        .put("title", "Ops review").put("organizerEmail", "sre@example.in")).send();
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                Eventually.await(Duration.ofSeconds(10), "a throttled attempt", () -> DB.database().dsl().fetchCount(
                        MAIL_OUTBOX, MAIL_OUTBOX.LAST_ERROR.eq("SES throttled: TooManyRequestsException")) == 1);
                clock.advance(Duration.ofSeconds(46));
                Eventually.await(Duration.ofSeconds(10), "sent", () -> DB.database().dsl().fetchCount(MAIL_OUTBOX,
                        MAIL_OUTBOX.STATUS.eq("sent")) == 1);
            }
            List<AwsStub.Call> sends = aws.calls().stream().filter(c -> c.path().equals("/v2/email/outbound-emails")).toList();
            assertThat(sends).hasSize(2);
            JsonNode body = ApiClient.JSON.readTree(sends.get(1).body());
            assertThat(body.path("FromEmailAddress").asText()).isEqualTo("polls@slotpoll.example");
            assertThat(body.path("Destination").path("ToAddresses").get(0).asText()).isEqualTo("sre@example.in");
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(
                    Base64.getDecoder().decode(body.path("Content").path("Raw").path("Data").asText())));
            assertThat(mime.getSubject()).isEqualTo("Your poll: Ops review");
            assertThat(mime.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        }
    }
}
