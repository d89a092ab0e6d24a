package io.slotpoll.hardening;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Size limits answer with clear problems naming what is too big (participants per event set to 3 here). */
class LimitsApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp(Map.of("PARTICIPANTS_PER_EVENT_MAX", "3"));

    @Test
    void an_event_takes_at_most_the_configured_participants() {
        ApiClient client = APP.client();
        String id = createEvent(client, event("UTC", 60, window("2027-01-01T10:00", "2027-01-01T12:00"))).path("id").asText();
        for (int i = 0; i < 3; i++) {
            join(client, id, participant("P" + i, "UTC"));
        }
        ApiClient.Response full = client.post("/api/v1/events/" + id + "/participants").json(participant("P3", "UTC")).send();
        assertThat(assertProblem(full, 409).path("type").asText()).isEqualTo("https://slotpoll.io/problems/event-full");
        assertThat(full.text("detail")).contains("3 participants");
        assertThat(client.get("/api/v1/events/" + id).send().json().path("participantCount").asInt()).isEqualTo(3);
    }

    @Test
    void more_than_two_hundred_proposed_windows_are_refused() {
        ObjectNode body = event("UTC", 30);
        ArrayNode windows = (ArrayNode) body.get("proposedWindows");
        for (int i = 0; i < 201; i++) {
            windows.add(window(String.format("2027-01-01T%02d:%02d", i / 60, i % 60), String.format("2027-01-02T%02d:%02d", i / 60, i % 60)));
        }
        assertProblem(APP.client().post("/api/v1/events").json(body).invalid().send(), 400, "proposedWindows");
    }

    @Test
    void deep_nesting_and_huge_strings_and_numbers_are_refused_by_the_parser() {
        String deep = "{\"title\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertProblem(APP.client().post("/api/v1/events").json(deep).invalid().send(), 400, "body");
        String longString = "{\"title\":\"" + "x".repeat(100_001) + "\"}";
        assertProblem(APP.client().post("/api/v1/events").json(longString).invalid().send(), 400, "body");
        String hugeNumber = "{\"durationMinutes\":" + "9".repeat(2000) + "}";
        assertProblem(APP.client().post("/api/v1/events").json(hugeNumber).invalid().send(), 400, "body");
    }

    @Test
    void an_answer_lists_at_most_a_thousand_field_errors_and_says_how_many_more() {
        ObjectNode body = event("UTC", 30, window("2027-01-01T10:00", "2027-01-01T12:00"));
        for (int i = 0; i < 1_500; i++) {
            body.put("x" + i, i);
        }
        ApiClient.Response r = APP.client().post("/api/v1/events").json(body).invalid().send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").size()).isEqualTo(1_000);
        assertThat(r.json().path("errors").get(999).path("field").asText()).isEqualTo("x999");
        assertThat(r.text("detail")).endsWith("; and 1495 more (the first 1000 are listed)");
    }
}
