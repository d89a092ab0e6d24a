package io.slotpoll.participant;

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
import io.slotpoll.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ParticipantApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();
    private String eventId;
    private String admin;

    @BeforeEach
    void createTheEvent() {
        JsonNode e = createEvent(client, event("America/New_York", 60, window("2027-01-12T09:00", "2027-01-12T17:00")));
        eventId = e.path("id").asText();
        admin = e.path("adminToken").asText();
    }

    private String participants() {
        return "/api/v1/events/" + eventId + "/participants";
    }

    @Test
    void joins_with_windows_merged_per_preference_in_utc() {
        ObjectNode body = participant("  Ana  ", "Europe/Berlin",
                window("2027-01-12T20:00", "2027-01-12T21:30"),
                window("2027-01-12T21:30", "2027-01-12T22:00", "yes"),
                window("2027-01-12T15:00:00-05:00", "2027-01-12T16:00:00-05:00", "ifneedbe"),
                window("2027-01-12T21:45", "2027-01-12T23:00", "ifneedbe"),
                window("2027-01-12T18:00", "2027-01-12T19:00", "yes"));
        ApiClient.Response r = client.post(participants()).json(body).send();

        assertThat(r.status()).isEqualTo(201);
        JsonNode p = r.json();
        String id = p.path("id").asText();
        assertThat(r.header("Location")).isEqualTo(participants() + "/" + id);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        assertThat(p.path("editToken").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(p.path("name").asText()).isEqualTo("Ana");
        assertThat(p.path("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(p.path("required").asBoolean()).isFalse();
        assertThat(p.path("version").asLong()).isEqualTo(1);
        assertThat(p.path("availability").toString()).isEqualTo("["
                + "{\"start\":\"2027-01-12T17:00:00Z\",\"end\":\"2027-01-12T18:00:00Z\",\"preference\":\"yes\"},"
                + "{\"start\":\"2027-01-12T19:00:00Z\",\"end\":\"2027-01-12T21:00:00Z\",\"preference\":\"yes\"},"
                + "{\"start\":\"2027-01-12T20:00:00Z\",\"end\":\"2027-01-12T22:00:00Z\",\"preference\":\"ifneedbe\"}]");

        JsonNode listed = client.get(participants()).send().json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("editToken")).isFalse();
        assertThat(listed.get(0).path("availability")).isEqualTo(p.path("availability"));
        ApiClient.Response one = client.get(participants() + "/" + id).send();
        assertThat(one.header("ETag")).isEqualTo("\"1\"");
        assertThat(one.json()).isEqualTo(listed.get(0));
        assertThat(client.get("/api/v1/events/" + eventId).send().json().path("participantCount").asInt()).isEqualTo(1);
    }

    /**
     * Regression: the list used to repeat a participant once per window when the row keys
     * left the JVM's boxed-Long cache (-128..127), which every schema here does, since test
     * counters start at {@link TestDatabase#FIRST_ROW_ID}; recommendations counted the copies.
     */
    @Test
    void lists_each_participant_once_whatever_its_row_id_and_window_count() {
        for (int i = 0; i < 6; i++) {
            join(client, eventId, participant("P" + i, "America/New_York",
                    window("2027-01-12T09:00", "2027-01-12T10:00"),
                    window("2027-01-12T11:00", "2027-01-12T12:00", "ifneedbe"),
                    window("2027-01-12T13:00", "2027-01-12T14:00"),
                    window("2027-01-12T15:00", "2027-01-12T16:00")));
        }
        long firstSeq = APP.database().dsl().resultQuery(
                "select min(seq) from participant where event_id = ?", eventId).fetchOne(0, Long.class);
        assertThat(firstSeq).isGreaterThanOrEqualTo(TestDatabase.FIRST_ROW_ID);

        JsonNode listed = client.get(participants()).send().json();
        assertThat(listed.findValuesAsText("name")).containsExactly("P0", "P1", "P2", "P3", "P4", "P5");
        for (JsonNode p : listed) {
            assertThat(p.path("availability")).hasSize(4);
        }
        JsonNode ranked = client.get("/api/v1/events/" + eventId + "/recommendations?limit=1").send().json();
        assertThat(ranked.path("participantCount").asInt()).isEqualTo(6);
        JsonNode best = ranked.path("recommendations").get(0);
        assertThat(best.path("start").asText()).isEqualTo("2027-01-12T14:00:00Z");
        assertThat(best.path("availableCount").asInt()).isEqualTo(6);
        assertThat(best.path("unavailableCount").asInt()).isEqualTo(0);
        assertThat(best.path("score").asDouble()).isEqualTo(1.0);
    }

    @Test
    void lists_participants_in_creation_order() {
        join(client, eventId, participant("Zoe", "UTC"));
        join(client, eventId, participant("Adam", "UTC"));
        join(client, eventId, participant("Mia", "UTC"));
        assertThat(client.get(participants()).send().json().findValuesAsText("name")).containsExactly("Zoe", "Adam", "Mia");
    }

    @Test
    void refuses_a_name_taken_ignoring_case() {
        join(client, eventId, participant("Ana María", "UTC"));
        assertProblem(client.post(participants()).json(participant("ANA MARÍA", "UTC")).send(), 409);
        join(client, eventId, participant("Straße", "UTC"));
        assertProblem(client.post(participants()).json(participant("STRASSE", "UTC")).send(), 409);
        assertThat(client.get(participants()).send().json()).hasSize(2);
    }

    @Test
    void validates_every_field_and_window() {
        ObjectNode body = participant("x".repeat(101), "Nowhere/Land",
                window("2027-01-12T10:00", "2027-01-12T09:00"), window("2027-01-12T10:00Z", "2027-01-12T11:00Z", "maybe"));
        body.putArray("availability").add(window("2027-01-12T10:00:00Z", "2027-01-12T09:00:00Z"))
                .add(window("2027-01-12T10:00:00Z", "2027-01-12T11:00:00Z", "maybe"))
                .add(ApiClient.object().put("start", "2027-01-12T10:00:00Z").put("end", "2027-01-12T11:00:00Z").put("note", 1));
        assertProblem(client.post(participants()).json(body).invalid().send(), 400,
                "name", "timezone", "availability[0].end", "availability[1].preference", "availability[2].note");
    }

    @Test
    void rejects_more_than_five_hundred_windows() {
        ObjectNode body = participant("Ana", "UTC");
        for (int i = 0; i < 501; i++) {
            body.withArray("availability").add(window("2027-01-12T10:00:00Z", "2027-01-12T11:00:00Z"));
        }
        assertProblem(client.post(participants()).json(body).invalid().send(), 400, "availability");
    }

    @Test
    void replaces_availability_atomically_with_if_match() {
        JsonNode p = join(client, eventId, participant("Ana", "UTC", window("2027-01-12T14:00", "2027-01-12T16:00")));
        String url = participants() + "/" + p.path("id").asText() + "/availability";
        String token = p.path("editToken").asText();
        ObjectNode replacement = ApiClient.object().put("timezone", "Asia/Kathmandu");
        replacement.putArray("availability").add(window("2027-01-13T01:00", "2027-01-13T03:00", "ifneedbe"));

        ApiClient.Response r = client.put(url).bearer(token).header("If-Match", "\"1\"").json(replacement).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"2\"");
        assertThat(r.json().path("timezone").asText()).isEqualTo("Asia/Kathmandu");
        assertThat(r.json().path("availability").toString()).isEqualTo(
                "[{\"start\":\"2027-01-12T19:15:00Z\",\"end\":\"2027-01-12T21:15:00Z\",\"preference\":\"ifneedbe\"}]");

        assertProblem(client.put(url).bearer(token).header("If-Match", "\"1\"").json(replacement).send(), 412);
        assertProblem(client.put(url).bearer(token).header("If-Match", "W/\"2\"").json(replacement).send(), 412);
        assertProblem(client.put(url).bearer(token).header("If-Match", "2").json(replacement).send(), 400, "If-Match");
        ApiClient.Response unconditional = client.put(url).bearer(admin).json(replacement).send();
        assertThat(unconditional.header("ETag")).isEqualTo("\"3\"");
        ApiClient.Response any = client.put(url).bearer(token).header("If-Match", "*")
                .json("{\"timezone\":\"UTC\",\"availability\":[]}").send();
        assertThat(any.json().path("availability")).isEmpty();
        assertThat(any.json().path("version").asLong()).isEqualTo(4);
    }

    @Test
    void a_failed_replacement_keeps_the_stored_availability() {
        JsonNode p = join(client, eventId, participant("Ana", "UTC", window("2027-01-12T14:00", "2027-01-12T16:00")));
        String url = participants() + "/" + p.path("id").asText();
        ObjectNode bad = ApiClient.object().put("timezone", "America/New_York");
        bad.putArray("availability").add(window("2027-01-12T14:00", "2027-01-12T16:00"))
                .add(window("2027-03-14T02:30", "2027-03-14T04:00"));
        assertProblem(client.put(url + "/availability").bearer(p.path("editToken").asText()).json(bad).invalid().send(),
                400, "availability[1].start");
        JsonNode stored = client.get(url).send().json();
        assertThat(stored.path("availability")).isEqualTo(p.path("availability"));
        assertThat(stored.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void tokens_cover_exactly_their_participant_and_event() {
        JsonNode ana = join(client, eventId, participant("Ana", "UTC"));
        JsonNode ben = join(client, eventId, participant("Ben", "UTC"));
        JsonNode otherEvent = createEvent(client, event("UTC", 60, window("2027-01-12T09:00", "2027-01-12T17:00")));
        String anaUrl = participants() + "/" + ana.path("id").asText();
        String body = "{\"timezone\":\"UTC\",\"availability\":[]}";

        assertProblem(client.put(anaUrl + "/availability").json(body).invalid().send(), 401);
        assertProblem(client.put(anaUrl + "/availability").header("Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l")
                .json(body).invalid().send(), 401);
        assertProblem(client.put(anaUrl + "/availability").bearer(otherEvent.path("adminToken").asText()).json(body).send(), 401);
        assertProblem(client.put(anaUrl + "/availability").bearer(ben.path("editToken").asText()).json(body).send(), 403);
        assertProblem(client.patch(anaUrl).bearer(ben.path("editToken").asText()).json("{\"name\":\"Hacked\"}").send(), 403);
        assertProblem(client.delete(anaUrl).bearer(ben.path("editToken").asText()).send(), 403);
        assertThat(client.put(anaUrl + "/availability").bearer(ana.path("editToken").asText()).json(body).send().status())
                .isEqualTo(200);
        assertThat(client.put(anaUrl + "/availability").bearer(admin).json(body).send().status()).isEqualTo(200);
        assertProblem(client.put(participants() + "/nobody/availability").bearer(admin).json(body).send(), 404);
    }

    @Test
    void only_the_admin_marks_participants_required() {
        JsonNode ana = join(client, eventId, participant("Ana", "UTC"));
        String url = participants() + "/" + ana.path("id").asText();
        assertProblem(client.patch(url).bearer(ana.path("editToken").asText()).json("{\"required\":true}").send(), 403);
        ApiClient.Response r = client.patch(url).bearer(admin).json("{\"required\":true}").send();
        assertThat(r.json().path("required").asBoolean()).isTrue();
        assertThat(r.header("ETag")).isEqualTo("\"2\"");
        ApiClient.Response renamed = client.patch(url).bearer(ana.path("editToken").asText()).json("{\"name\":\"Ana B.\"}").send();
        assertThat(renamed.json().path("name").asText()).isEqualTo("Ana B.");
        assertThat(renamed.json().path("required").asBoolean()).isTrue();
        assertProblem(client.patch(url).bearer(admin).json("{\"required\":\"yes\"}").invalid().send(), 400, "required");
    }

    @Test
    void renaming_to_a_taken_name_is_a_conflict() {
        join(client, eventId, participant("Ana", "UTC"));
        JsonNode ben = join(client, eventId, participant("Ben", "UTC"));
        assertProblem(client.patch(participants() + "/" + ben.path("id").asText()).bearer(ben.path("editToken").asText())
                .json("{\"name\":\"ana\"}").send(), 409);
    }

    @Test
    void leaving_removes_the_participant() {
        JsonNode ana = join(client, eventId, participant("Ana", "UTC"));
        String url = participants() + "/" + ana.path("id").asText();
        assertThat(client.delete(url).bearer(ana.path("editToken").asText()).send().status()).isEqualTo(204);
        assertProblem(client.get(url).send(), 404);
        assertThat(client.get(participants()).send().json()).isEmpty();
        join(client, eventId, participant("ana", "UTC"));
    }

    @Test
    void a_closed_event_refuses_participant_writes() {
        JsonNode ana = join(client, eventId, participant("Ana", "UTC"));
        String url = participants() + "/" + ana.path("id").asText();
        assertThat(client.patch("/api/v1/events/" + eventId).bearer(admin).json("{\"status\":\"closed\"}").send().status())
                .isEqualTo(200);
        assertProblem(client.post(participants()).json(participant("Ben", "UTC")).send(), 409);
        assertProblem(client.put(url + "/availability").bearer(ana.path("editToken").asText())
                .json("{\"timezone\":\"UTC\",\"availability\":[]}").send(), 409);
        assertProblem(client.patch(url).bearer(ana.path("editToken").asText()).json("{\"name\":\"A\"}").send(), 409);
        assertProblem(client.delete(url).bearer(admin).send(), 409);
        client.patch("/api/v1/events/" + eventId).bearer(admin).json("{\"status\":\"open\"}").send();
        join(client, eventId, participant("Ben", "UTC"));
    }

    @Test
    void an_event_past_its_deadline_refuses_participant_writes() {
        assertThat(client.patch("/api/v1/events/" + eventId).bearer(admin).json("{\"deadline\":\"2020-01-01T00:00:00Z\"}")
                .send().status()).isEqualTo(200);
        JsonNode problem = assertProblem(client.post(participants()).json(participant("Ben", "UTC")).send(), 409);
        assertThat(problem.path("detail").asText()).contains("deadline 2020-01-01T00:00:00Z has passed");
        client.patch("/api/v1/events/" + eventId).bearer(admin).json("{\"deadline\":null}").send();
        join(client, eventId, participant("Ben", "UTC"));
    }

    @Test
    void every_participant_write_bumps_the_event_version() {
        long v0 = version();
        JsonNode ana = join(client, eventId, participant("Ana", "UTC"));
        assertThat(version()).isEqualTo(v0 + 1);
        String url = participants() + "/" + ana.path("id").asText();
        client.put(url + "/availability").bearer(admin).json("{\"timezone\":\"UTC\",\"availability\":[]}").send();
        assertThat(version()).isEqualTo(v0 + 2);
        client.patch(url).bearer(admin).json("{\"required\":true}").send();
        assertThat(version()).isEqualTo(v0 + 3);
        client.delete(url).bearer(admin).send();
        assertThat(version()).isEqualTo(v0 + 4);
    }

    private long version() {
        return client.get("/api/v1/events/" + eventId).send().json().path("version").asLong();
    }
}
