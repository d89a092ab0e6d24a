package io.slotpoll.recommendation;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecommendationApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();

    /**
     * Three people, two windows, 60 minutes. Window A is Mon 10:00-12:00 New York
     * (15:00-17:00Z), window B Tue 14:00-16:00 New York (19:00-21:00Z).
     * Ana (Berlin): yes 16:00-17:30 Berlin (15:00-16:30Z), if need be all of window B.
     * Ben (Tokyo): yes 00:30-02:00 Tokyo Tue (15:30-17:00Z Mon), yes 19:00-20:00Z Tue.
     * Cy (Kathmandu, required): if need be all of window A.
     */
    @Test
    void ranks_the_three_person_example_end_to_end() {
        JsonNode e = createEvent(client, event("America/New_York", 60,
                window("2027-03-01T10:00", "2027-03-01T12:00"), window("2027-03-02T14:00", "2027-03-02T16:00")));
        String id = e.path("id").asText();
        JsonNode ana = join(client, id, participant("Ana", "Europe/Berlin",
                window("2027-03-01T16:00", "2027-03-01T17:30"), window("2027-03-02T20:00", "2027-03-02T22:00", "ifneedbe")));
        JsonNode ben = join(client, id, participant("Ben", "Asia/Tokyo",
                window("2027-03-02T00:30", "2027-03-02T02:00"), window("2027-03-02T19:00:00Z", "2027-03-02T20:00:00Z")));
        JsonNode cy = join(client, id, participant("Cy", "Asia/Kathmandu",
                window("2027-03-01T20:45", "2027-03-01T22:45", "ifneedbe")));
        client.patch("/api/v1/events/" + id + "/participants/" + cy.path("id").asText())
                .bearer(e.path("adminToken").asText()).json("{\"required\":true}").send();

        ApiClient.Response r = client.get("/api/v1/events/" + id + "/recommendations?limit=100&timezone=Asia/Kathmandu").send();
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("eventId").asText()).isEqualTo(id);
        assertThat(body.path("eventVersion").asLong()).isEqualTo(5);
        assertThat(body.path("durationMinutes").asInt()).isEqualTo(60);
        assertThat(body.path("slotStepMinutes").asInt()).isEqualTo(15);
        assertThat(body.path("participantCount").asInt()).isEqualTo(3);
        assertThat(body.path("candidatesEvaluated").asInt()).isEqualTo(10);
        assertThat(body.path("emptyReason").isNull()).isTrue();
        JsonNode recs = body.path("recommendations");
        assertThat(recs.findValuesAsText("start")).containsExactly(
                "2027-03-01T15:30:00Z", "2027-03-01T15:00:00Z", "2027-03-01T15:15:00Z", "2027-03-01T15:45:00Z",
                "2027-03-01T16:00:00Z", "2027-03-02T19:00:00Z", "2027-03-02T19:15:00Z", "2027-03-02T19:30:00Z",
                "2027-03-02T19:45:00Z", "2027-03-02T20:00:00Z");
        assertThat(recs.get(0).toString()).isEqualTo("{\"rank\":1,\"start\":\"2027-03-01T15:30:00Z\","
                + "\"end\":\"2027-03-01T16:30:00Z\",\"startLocal\":\"2027-03-01T21:15:00+05:45\","
                + "\"endLocal\":\"2027-03-01T22:15:00+05:45\",\"score\":0.8333,\"availableCount\":2,\"ifNeedBeCount\":1,"
                + "\"unavailableCount\":0,\"available\":[" + ref(ana) + "," + ref(ben) + "],\"ifNeedBe\":[" + ref(cy) + "],"
                + "\"unavailable\":[],\"requiredUnavailable\":[],\"partial\":[],\"outsideHours\":[]}");
        assertThat(recs.get(5).path("score").asDouble()).isEqualTo(0.5);
        assertThat(recs.get(5).path("requiredUnavailable").toString()).isEqualTo("[" + ref(cy) + "]");
        assertThat(recs.get(9).path("score").asDouble()).isEqualTo(0.1667);
        assertThat(recs.get(9).path("unavailable").toString()).isEqualTo("[" + ref(ben) + "," + ref(cy) + "]");
        for (int i = 0; i < 10; i++) {
            assertThat(recs.get(i).path("rank").asInt()).isEqualTo(i + 1);
        }
    }

    private static String ref(JsonNode participant) {
        return "{\"id\":\"" + participant.path("id").asText() + "\",\"name\":\"" + participant.path("name").asText() + "\"}";
    }

    @Test
    void without_a_timezone_there_are_no_local_twins_and_limit_defaults_to_ten() {
        JsonNode e = createEvent(client, event("UTC", 30, window("2027-03-01T10:00", "2027-03-01T16:00")));
        JsonNode body = client.get("/api/v1/events/" + e.path("id").asText() + "/recommendations").send().json();
        assertThat(body.path("candidatesEvaluated").asInt()).isEqualTo(23);
        assertThat(body.path("recommendations")).hasSize(10);
        assertThat(body.path("recommendations").get(0).has("startLocal")).isFalse();
        assertThat(body.path("recommendations").get(0).path("score").asDouble()).isEqualTo(0.0);
    }

    @Test
    void local_twins_follow_dst_inside_the_proposal() {
        // Europe/London springs forward on 2027-03-28 at 01:00 UTC.
        JsonNode e = createEvent(client, event("UTC", 60, window("2027-03-27T23:00:00Z", "2027-03-28T02:00:00Z")));
        JsonNode recs = client.get("/api/v1/events/" + e.path("id").asText()
                + "/recommendations?timezone=Europe/London&limit=100").send().json().path("recommendations");
        assertThat(recs.findValuesAsText("startLocal")).contains("2027-03-27T23:00:00+00:00", "2027-03-28T00:45:00+00:00",
                "2027-03-28T02:00:00+01:00");
        assertThat(recs.findValuesAsText("endLocal")).contains("2027-03-28T02:00:00+01:00");
    }

    @Test
    void reports_why_the_list_is_empty() {
        JsonNode e = createEvent(client, event("UTC", 60, window("2027-03-01T10:00", "2027-03-01T11:00")));
        String url = "/api/v1/events/" + e.path("id").asText() + "/recommendations";
        JsonNode none = client.get(url + "?minAvailable=1").send().json();
        assertThat(none.path("emptyReason").asText()).isEqualTo("no-participants");
        assertThat(none.path("recommendations")).isEmpty();
        join(client, e.path("id").asText(), participant("Ana", "UTC", window("2027-03-01T10:00", "2027-03-01T11:00")));
        assertThat(client.get(url + "?minAvailable=1").send().json().path("recommendations")).hasSize(1);
        assertThat(client.get(url + "?minAvailable=2").send().json().path("emptyReason").asText()).isEqualTo("below-min-available");
    }

    @Test
    void validates_the_query() {
        JsonNode e = createEvent(client, event("UTC", 60, window("2027-03-01T10:00", "2027-03-01T11:00")));
        String url = "/api/v1/events/" + e.path("id").asText() + "/recommendations";
        assertProblem(client.get(url + "?limit=0&minAvailable=-1&timezone=Moon/Base").invalid().send(), 400,
                "limit", "minAvailable", "timezone");
        assertProblem(client.get(url + "?limit=101").invalid().send(), 400, "limit");
        assertProblem(client.get(url + "?limit=ten").invalid().send(), 400, "limit");
        assertProblem(client.get("/api/v1/events/missing/recommendations").send(), 404);
    }

    @Test
    void answers_304_while_the_event_version_and_query_are_unchanged() {
        JsonNode e = createEvent(client, event("UTC", 60, window("2027-03-01T10:00", "2027-03-01T12:00")));
        String id = e.path("id").asText();
        String url = "/api/v1/events/" + id + "/recommendations?limit=5";
        ApiClient.Response first = client.get(url).send();
        String etag = first.header("ETag");
        assertThat(etag).isEqualTo("\"1-5-0-utc\"");
        ApiClient.Response again = client.get(url).header("If-None-Match", etag).send();
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(client.get(url + "&timezone=Asia/Tokyo").header("If-None-Match", etag).send().status()).isEqualTo(200);
        join(client, id, participant("Ana", "UTC"));
        ApiClient.Response changed = client.get(url).header("If-None-Match", etag).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2-5-0-utc\"");
        assertThat(changed.json().path("eventVersion").asLong()).isEqualTo(2);
    }
}
