package io.slotpoll.hardening;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The order of answers docs/api.md promises for writes, whatever else is wrong with the
 * request: 404, then 401, then 403, then the body (400, 415), then the event's state
 * (409), then {@code If-Match} (412). A request that fails several checks gets the first.
 */
class WriteOrderApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final byte[] NOT_JSON = "{not json".getBytes(StandardCharsets.UTF_8);

    private final ApiClient client = APP.client();
    private String eventId;
    private String admin;
    private JsonNode ana;
    private JsonNode ben;

    @BeforeEach
    void createTheEvent() {
        JsonNode e = createEvent(client, event("UTC", 60, window("2027-05-01T09:00", "2027-05-01T17:00")));
        eventId = e.path("id").asText();
        admin = e.path("adminToken").asText();
        ana = join(client, eventId, participant("Ana", "UTC"));
        ben = join(client, eventId, participant("Ben", "UTC"));
    }

    private String eventUrl() {
        return "/api/v1/events/" + eventId;
    }

    private String anaUrl() {
        return eventUrl() + "/participants/" + ana.path("id").asText();
    }

    @Test
    void an_event_patch_answers_404_then_401_then_403_then_400() {
        assertProblem(client.patch("/api/v1/events/AAAAAAAAAAAAAAAAAAAAAA").body(NOT_JSON, "application/json")
                .invalid().send(), 404);
        assertProblem(client.patch(eventUrl()).body(NOT_JSON, "application/json").invalid().send(), 401);
        assertProblem(client.patch(eventUrl()).bearer("not-a-token").body(NOT_JSON, "text/plain").invalid().send(), 401);
        assertProblem(client.patch(eventUrl()).bearer(ana.path("editToken").asText()).body(NOT_JSON, "application/json")
                .invalid().send(), 403);
        assertProblem(client.patch(eventUrl()).bearer(admin).body(NOT_JSON, "application/json").invalid().send(), 400,
                "body");
        assertProblem(client.patch(eventUrl()).bearer(admin).body(NOT_JSON, "text/plain").invalid().send(), 415);
        assertProblem(client.patch(eventUrl()).bearer(admin).json(ApiClient.object().put("status", "finished")).invalid()
                .send(), 400, "status");
        assertThat(client.get(eventUrl()).send().json().path("version").asLong()).isEqualTo(3);
    }

    @Test
    void a_participant_write_answers_404_401_403_400_409_412_in_that_order() {
        ObjectNode badBody = ApiClient.object().put("timezone", "Mars/Olympus");
        badBody.putArray("availability");
        String benToken = ben.path("editToken").asText();
        assertProblem(client.put(eventUrl() + "/participants/AAAAAAAAAAAAAAAAAAAAAA/availability").json(badBody)
                .invalid().send(), 404);
        assertProblem(client.put(anaUrl() + "/availability").json(badBody).invalid().send(), 401);
        assertProblem(client.put(anaUrl() + "/availability").bearer(benToken).json(badBody).invalid().send(), 403);
        assertProblem(client.put(anaUrl() + "/availability").bearer(admin).json(badBody).invalid().send(), 400,
                "timezone");
        assertProblem(client.patch(anaUrl()).bearer(ana.path("editToken").asText())
                .json(ApiClient.object().put("required", "yes")).invalid().send(), 400, "required");
        assertProblem(client.patch(anaUrl()).bearer(ana.path("editToken").asText())
                .json(ApiClient.object().put("required", true)).send(), 403);

        assertThat(client.patch(eventUrl()).bearer(admin).json(ApiClient.object().put("status", "closed")).send()
                .status()).isEqualTo(200);
        ObjectNode good = ApiClient.object().put("timezone", "UTC");
        good.putArray("availability").add(window("2027-05-01T10:00", "2027-05-01T11:00"));
        assertProblem(client.put(anaUrl() + "/availability").bearer(admin).json(badBody).invalid().send(), 400,
                "timezone");
        assertProblem(client.put(anaUrl() + "/availability").bearer(admin).header("If-Match", "\"7\"").json(good)
                .send(), 409);
        assertThat(client.patch(eventUrl()).bearer(admin).json(ApiClient.object().put("status", "open")).send()
                .status()).isEqualTo(200);
        assertProblem(client.put(anaUrl() + "/availability").bearer(admin).header("If-Match", "\"7\"").json(good)
                .send(), 412);
        ApiClient.Response done = client.put(anaUrl() + "/availability").bearer(admin).header("If-Match", "\"1\"")
                .json(good).send();
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void a_join_checks_its_body_before_the_event() {
        ObjectNode bad = participant("", "UTC");
        assertProblem(client.post("/api/v1/events/AAAAAAAAAAAAAAAAAAAAAA/participants").json(bad).invalid().send(),
                400, "name");
        assertProblem(client.post("/api/v1/events/AAAAAAAAAAAAAAAAAAAAAA/participants").json(participant("Cy", "UTC"))
                .send(), 404);
        ObjectNode gap = participant("Cy", "America/New_York", window("2027-03-14T02:30", "2027-03-14T04:00"));
        assertProblem(client.post(eventUrl() + "/participants").json(gap).invalid().send(), 400, "availability[0].start");
    }
}
