package io.slotpoll.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Strict-Transport-Security} on every answer (API, pages, problems the router or Jetty
 * writes) when the public base URL is https, and on none when it is http (a laptop, dev).
 */
class StrictTransportTest {

    @RegisterExtension
    static final TestApp HTTPS = new TestApp();

    @RegisterExtension
    static final TestApp PLAIN = new TestApp(Map.of("PUBLIC_BASE_URL", "http://localhost:8080"));

    private static final String[] PATHS = {"/api/v1/events/AAAAAAAAAAAAAAAAAAAAAA", "/", "/e/AAAAAAAAAAAAAAAAAAAAAA",
        "/health/live", "/openapi.yaml", "/no/such/route"};

    @Test
    void an_https_base_url_sends_a_year_of_strict_transport_security_everywhere() {
        ApiClient client = HTTPS.client();
        for (String path : PATHS) {
            ApiClient.Response r = client.get(path).offContract().send();
            assertThat(r.header("Strict-Transport-Security")).as(path + " " + r.status()).isEqualTo("max-age=31536000");
        }
        ApiClient.Response created = client.post("/api/v1/events").json(io.slotpoll.testing.Fixtures.event("UTC", 30,
                io.slotpoll.testing.Fixtures.window("2027-01-01T09:00", "2027-01-01T10:00"))).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    }

    @Test
    void an_http_base_url_sends_none() {
        ApiClient client = PLAIN.client();
        for (String path : PATHS) {
            ApiClient.Response r = client.get(path).offContract().send();
            assertThat(r.header("Strict-Transport-Security")).as(path + " " + r.status()).isNull();
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }
}
