package io.slotpoll.recovery;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * v1.2 lost links on a service without mail: a request is 202 with an empty body whatever the
 * address, limited per address and per client; a bad body is a 400 naming the field; every
 * code is 410 {@code code-expired} (none is ever issued without mail).
 */
class LinkRecoveryApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();

    private ApiClient.Response ask(String address) {
        return client.post("/api/v1/link-recovery").json(ApiClient.object().put("email", address)).send();
    }

    @Test
    void a_request_is_202_and_empty_and_bad_bodies_name_their_field() {
        ApiClient.Response accepted = ask("nobody-known@example.com");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body()).isEmpty();
        assertProblem(ask("not an address"), 400, "email");
        assertProblem(client.post("/api/v1/link-recovery").json(ApiClient.object()).invalid().send(), 400, "email");
        assertProblem(client.post("/api/v1/link-recovery").json(ApiClient.object().put("email", "a@example.com")
                .put("token", "x")).invalid().send(), 400, "token");
        assertProblem(client.post("/api/v1/link-recovery").json(ApiClient.object().put("email", 7)).invalid().send(), 400,
                "email");
    }

    @Test
    void five_requests_an_hour_per_address_whatever_its_case_then_429() {
        for (int i = 0; i < RecoveryService.PER_ADDRESS_PER_HOUR; i++) {
            assertThat(ask(i % 2 == 0 ? "limit@example.com" : "LIMIT@Example.com").status()).as("request %d", i).isEqualTo(202);
        }
        JsonNode limited = assertProblem(ask("limit@example.com"), 429);
        assertThat(limited.path("detail").asText()).isEqualTo("more than 5 link recovery requests an hour for this"
                + " address; try again later");
        assertThat(ask("other@example.com").status()).isEqualTo(202);
    }

    @Test
    void every_code_is_410_code_expired_and_a_missing_code_is_400() {
        JsonNode expired = assertProblem(client.post("/api/v1/link-recovery/redeem")
                .json(ApiClient.object().put("code", "0123456789abcdef")).send(), 410);
        assertThat(expired.path("type").asText()).isEqualTo("https://slotpoll.io/problems/code-expired");
        assertThat(expired.path("title").asText()).isEqualTo("Code is wrong or expired");
        assertProblem(client.post("/api/v1/link-recovery/redeem").json(ApiClient.object()).invalid().send(), 400, "code");
        assertProblem(client.post("/api/v1/link-recovery/redeem").json(ApiClient.object().put("code", "x".repeat(129)))
                .invalid().send(), 400, "code");
    }
}
