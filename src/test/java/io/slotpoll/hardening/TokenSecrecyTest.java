package io.slotpoll.hardening;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.CapturedLogs;
import io.slotpoll.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full scenario with every log line captured at DEBUG: no token issued appears in any
 * log line, in any answer after the one that issued it, or in any URL the service made.
 */
class TokenSecrecyTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    @Test
    void tokens_appear_only_in_the_answer_that_issued_them() {
        List<String> tokens = new ArrayList<>();
        List<ApiClient.Response> later = new ArrayList<>();
        List<String> lines;
        try (CapturedLogs logs = new CapturedLogs()) {
            ApiClient client = APP.client();
            JsonNode first = createEvent(client, event("Asia/Kathmandu", 60, window("2027-01-01T10:00", "2027-01-01T14:00")));
            JsonNode second = createEvent(client, event("UTC", 30, window("2027-01-01T10:00", "2027-01-01T11:00")));
            String id = first.path("id").asText();
            String admin = first.path("adminToken").asText();
            tokens.add(admin);
            tokens.add(second.path("adminToken").asText());
            ApiClient.Response joined = client.post("/api/v1/events/" + id + "/participants")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .json(participant("Ana", "Asia/Kathmandu", window("2027-01-01T10:00", "2027-01-01T12:00"))).send();
            String ana = joined.text("id");
            tokens.add(joined.text("editToken"));
            JsonNode bo = join(client, id, participant("Bo", "UTC", window("2027-01-01T04:15", "2027-01-01T06:15")));
            tokens.add(bo.path("editToken").asText());
            String participants = "/api/v1/events/" + id + "/participants/";

            later.add(client.put(participants + ana + "/availability").bearer(joined.text("editToken"))
                    .json(participant("x", "UTC", window("2027-01-01T04:15", "2027-01-01T05:15")).without("name")).send());
            later.add(client.patch(participants + bo.path("id").asText()).bearer(admin)
                    .json(ApiClient.object().put("required", true)).send());
            later.add(client.patch(participants + ana).bearer(bo.path("editToken").asText())
                    .json(ApiClient.object().put("name", "Mallory")).send());
            later.add(client.patch("/api/v1/events/" + id).bearer(tokens.get(1))
                    .json(ApiClient.object().put("title", "Stolen")).send());
            later.add(client.delete("/api/v1/events/" + id).bearer(joined.text("editToken")).send());
            later.add(client.get("/api/v1/events/" + id).bearer(admin).send());
            later.add(client.get("/api/v1/events/" + id + "/participants").send());
            later.add(client.get(participants + ana).send());
            later.add(client.get("/api/v1/events/" + id + "/recommendations?timezone=Australia/Eucla").send());
            later.add(client.patch("/api/v1/events/" + id).bearer(admin).json(ApiClient.object().put("title", "Done")).send());
            later.add(client.get("/api/v1/events/" + id + "?token=" + admin).offContract().send());
            later.add(client.delete(participants + ana).bearer(admin).send());
            lines = logs.lines();
        }

        assertThat(later).extracting(ApiClient.Response::status)
                .containsExactly(200, 200, 403, 401, 403, 200, 200, 200, 200, 200, 200, 204);
        assertThat(tokens).hasSize(4).allSatisfy(t -> assertThat(t).hasSize(43));
        assertThat(lines).as("log lines captured").hasSizeGreaterThan(15);
        for (String token : tokens) {
            assertThat(lines).noneMatch(line -> line.contains(token));
            assertThat(lines).noneMatch(line -> line.contains(token.substring(0, 16)));
            for (ApiClient.Response r : later) {
                assertThat(r.body()).doesNotContain(token);
                assertThat(r.headers().toString()).doesNotContain(token);
            }
        }
    }
}
