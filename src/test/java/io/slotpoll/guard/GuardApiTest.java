package io.slotpoll.guard;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.App;
import io.slotpoll.Config;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rate limits per client (5 reads and 2 writes a minute here), the client taken from
 * X-Forwarded-For only behind a trusted proxy, and CORS for an allow-list only.
 */
class GuardApiTest {

    private static final String ORIGIN = "https://app.example";

    @RegisterExtension
    static final TestApp APP = new TestApp(Map.of("RATE_LIMIT_READS_PER_MINUTE", "5",
            "RATE_LIMIT_WRITES_PER_MINUTE", "2", "TRUST_PROXY", "true", "CORS_ALLOWED_ORIGINS", ORIGIN));

    @Test
    void reads_beyond_the_limit_get_429_with_retry_after_and_other_clients_are_unaffected() {
        ApiClient client = APP.client();
        for (int i = 0; i < 5; i++) {
            ApiClient.Response r = client.get("/api/v1/events/none").header("X-Forwarded-For", "203.0.113.7").invalid().send();
            assertProblem(r, 404);
            // 5 a minute refill one every 12 s: after i + 1 requests the bucket is full again in 12 * (i + 1) s.
            assertThat(r.header("RateLimit-Limit")).isEqualTo("5");
            assertThat(r.header("RateLimit-Remaining")).isEqualTo(Integer.toString(4 - i));
            assertThat(Integer.parseInt(r.header("RateLimit-Reset"))).isBetween(12 * (i + 1) - 1, 12 * (i + 1));
        }
        ApiClient.Response refused = client.get("/api/v1/events/none").header("X-Forwarded-For", "203.0.113.7").invalid()
                .send();
        assertThat(assertProblem(refused, 429).path("type").asText()).isEqualTo("https://slotpoll.io/problems/too-many-requests");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 12);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(client.get("/health").send().header("RateLimit-Limit")).as("health is never limited").isNull();

        assertProblem(client.get("/api/v1/events/none").invalid().header("X-Forwarded-For", "203.0.113.8").send(), 404);
        assertThat(client.get("/health").send().status()).isEqualTo(200);
    }

    @Test
    void writes_have_a_stricter_limit_of_their_own() {
        ApiClient client = APP.client();
        for (int i = 0; i < 2; i++) {
            assertThat(client.post("/api/v1/events").header("X-Forwarded-For", "198.51.100.1")
                    .json(event("UTC", 60, window("2027-01-01T10:00", "2027-01-01T12:00"))).send().status()).isEqualTo(201);
        }
        assertProblem(client.post("/api/v1/events").header("X-Forwarded-For", "198.51.100.1")
                .json(event("UTC", 60, window("2027-01-01T10:00", "2027-01-01T12:00"))).send(), 429);
        assertProblem(client.get("/api/v1/events/none").invalid().header("X-Forwarded-For", "198.51.100.1").send(), 404);
    }

    @Test
    void behind_a_trusted_proxy_only_the_rightmost_forwarded_address_counts() {
        ApiClient client = APP.client();
        for (int i = 0; i < 5; i++) {
            client.get("/api/v1/events/none").invalid().header("X-Forwarded-For", "10.0.0." + i + ", 192.0.2.44").send();
        }
        assertProblem(client.get("/api/v1/events/none").invalid().header("X-Forwarded-For", "10.9.9.9, 192.0.2.44").send(), 429);
    }

    @Test
    void without_a_trusted_proxy_forwarded_addresses_are_ignored() {
        Config config = TestApp.config(Map.of("RATE_LIMIT_READS_PER_MINUTE", "3", "RATE_LIMIT_WRITES_PER_MINUTE", "3"));
        try (App direct = App.start(APP.database(), config)) {
            ApiClient client = new ApiClient("http://127.0.0.1:" + direct.port());
            for (int i = 0; i < 3; i++) {
                assertProblem(client.get("/api/v1/events/none").invalid().header("X-Forwarded-For", "203.0.113." + i).send(), 404);
            }
            assertProblem(client.get("/api/v1/events/none").invalid().header("X-Forwarded-For", "203.0.113.99").send(), 429);
        }
    }

    @Test
    void cors_answers_allowed_origins_only() {
        ApiClient client = APP.client();
        ApiClient.Response allowed = client.get("/health").header("Origin", ORIGIN).send();
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(allowed.header("Access-Control-Expose-Headers")).contains("Location", "ETag", "Retry-After");
        assertThat(allowed.header("Vary")).isEqualTo("Origin");

        ApiClient.Response other = client.get("/health").header("Origin", "https://evil.example").send();
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();

        ApiClient.Response preflight = client.call("OPTIONS", "/api/v1/events").header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST").offContract().send();
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT, PATCH, DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization", "Idempotency-Key", "If-Match");

        ApiClient.Response refused = client.call("OPTIONS", "/api/v1/events").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").offContract().send();
        assertProblem(refused, 405);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void cors_is_off_by_default() {
        try (App plain = App.start(APP.database(), TestApp.config(Map.of()))) {
            ApiClient client = new ApiClient("http://127.0.0.1:" + plain.port());
            ApiClient.Response answer = client.get("/health").header("Origin", ORIGIN).send();
            assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
            assertThat(answer.header("Vary")).isNull();
            assertProblem(client.call("OPTIONS", "/api/v1/events").header("Origin", ORIGIN)
                    .header("Access-Control-Request-Method", "POST").offContract().send(), 405);
        }
    }
}
