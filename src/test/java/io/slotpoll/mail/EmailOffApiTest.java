package io.slotpoll.mail;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * v1.2 without mail configured: every address field ({@code organizerEmail} on an event,
 * {@code email} on a participant, create and PATCH, also null) is a 422 {@code email-off}
 * naming the field, after any 400; a malformed address is a 400 naming it; nothing is stored.
 */
class EmailOffApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();

    private static ObjectNode body() {
        return event("Australia/Adelaide", 30, window("2027-04-06T09:00", "2027-04-06T11:00"));
    }

    @Test
    void an_organizer_address_is_email_off_on_create_and_patch() {
        JsonNode off = assertProblem(client.post("/api/v1/events").json(body().put("organizerEmail", "ana@example.com"))
                .send(), 422, "organizerEmail");
        assertThat(off.path("type").asText()).isEqualTo("https://slotpoll.io/problems/email-off");
        assertThat(off.path("title").asText()).isEqualTo("Email is turned off");
        assertProblem(client.post("/api/v1/events").json(body().putNull("organizerEmail")).send(), 422, "organizerEmail");
        // a 400 comes first: the address, and any other field
        assertProblem(client.post("/api/v1/events").json(body().put("organizerEmail", "not an address")).send(), 400,
                "organizerEmail");
        assertProblem(client.post("/api/v1/events").json(body().put("organizerEmail", "ana@example.com")
                .put("durationMinutes", 7)).invalid().send(), 400, "durationMinutes");

        JsonNode created = createEvent(client, body());
        String id = created.path("id").asText();
        String admin = created.path("adminToken").asText();
        long version = created.path("version").asLong();
        assertProblem(client.patch("/api/v1/events/" + id).bearer(admin).json(ApiClient.object()
                .put("organizerEmail", "ana@example.com").put("title", "Changed")).send(), 422, "organizerEmail");
        assertProblem(client.patch("/api/v1/events/" + id).json(ApiClient.object().put("organizerEmail", "ana@example.com"))
                .invalid().send(), 401);
        JsonNode after = client.get("/api/v1/events/" + id).send().json();
        assertThat(after.path("title").asText()).isEqualTo(created.path("title").asText());
        assertThat(after.path("version").asLong()).isEqualTo(version);
        assertThat(after.has("organizerEmail")).isFalse();
    }

    @Test
    void a_participant_address_is_email_off_on_join_and_patch() {
        String id = createEvent(client, body()).path("id").asText();
        ObjectNode ana = participant("Ana", "Asia/Kathmandu").put("email", "ana@example.com");
        assertProblem(client.post("/api/v1/events/" + id + "/participants").json(ana).send(), 422, "email");
        assertProblem(client.post("/api/v1/events/" + id + "/participants")
                .json(participant("Ana", "Asia/Kathmandu").put("email", "ana@@example.com")).send(), 400, "email");
        assertThat(client.get("/api/v1/events/" + id + "/participants").send().json()).isEmpty();

        JsonNode joined = join(client, id, participant("Ana", "Asia/Kathmandu"));
        String path = "/api/v1/events/" + id + "/participants/" + joined.path("id").asText();
        assertProblem(client.patch(path).bearer(joined.path("editToken").asText())
                .json(ApiClient.object().put("email", "ana@example.com").put("name", "Ana B")).send(), 422, "email");
        assertProblem(client.patch(path).bearer(joined.path("editToken").asText())
                .json(ApiClient.object().putNull("email")).send(), 422, "email");
        JsonNode stored = client.get(path).send().json();
        assertThat(stored.path("name").asText()).isEqualTo("Ana");
        assertThat(stored.path("version").asLong()).isEqualTo(1);
        assertThat(stored.has("email")).isFalse();
    }
}
