package io.slotpoll.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies and calls that many API tests share. */
public final class Fixtures {

    private Fixtures() {
    }

    public static ObjectNode window(String start, String end) {
        ObjectNode w = ApiClient.object();
        w.put("start", start);
        w.put("end", end);
        return w;
    }

    public static ObjectNode window(String start, String end, String preference) {
        return window(start, end).put("preference", preference);
    }

    public static ObjectNode event(String timezone, int duration, ObjectNode... windows) {
        ObjectNode body = ApiClient.object();
        body.put("title", "Planning");
        body.put("durationMinutes", duration);
        body.put("timezone", timezone);
        ArrayNode list = body.putArray("proposedWindows");
        for (ObjectNode w : windows) {
            list.add(w);
        }
        return body;
    }

    public static ObjectNode participant(String name, String timezone, ObjectNode... windows) {
        ObjectNode body = ApiClient.object();
        body.put("name", name);
        body.put("timezone", timezone);
        ArrayNode list = body.putArray("availability");
        for (ObjectNode w : windows) {
            list.add(w);
        }
        return body;
    }

    /** Creates an event and returns its 201 body (with id and adminToken). */
    public static JsonNode createEvent(ApiClient client, ObjectNode body) {
        ApiClient.Response r = client.post("/api/v1/events").json(body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Joins an event and returns the 201 body (with id and editToken). */
    public static JsonNode join(ApiClient client, String eventId, ObjectNode body) {
        ApiClient.Response r = client.post("/api/v1/events/" + eventId + "/participants").json(body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Asserts a problem answer: status, content type and exactly these error fields in order. */
    public static JsonNode assertProblem(ApiClient.Response r, int status, String... fields) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("https://slotpoll.io/problems/");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("requestId").asText()).isEqualTo(r.header("X-Request-Id"));
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(fields);
        return problem;
    }
}
