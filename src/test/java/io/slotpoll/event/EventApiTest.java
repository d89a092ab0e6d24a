package io.slotpoll.event;

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
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();

    private static ObjectNode contractExample() {
        ObjectNode body = event("America/New_York", 60,
                window("2025-01-12T14:00", "2025-01-12T16:00"),
                window("2025-01-14T23:00:00Z", "2025-01-15T01:00:00Z"));
        body.put("title", "Q1 Planning");
        body.put("description", "optional, up to 5000 chars");
        body.put("slotStepMinutes", 15);
        body.put("deadline", "2025-01-11T23:59:00Z");
        return body;
    }

    @Test
    void creates_an_event_with_location_links_and_a_one_time_admin_token() {
        ApiClient.Response r = client.post("/api/v1/events").json(contractExample()).send();

        assertThat(r.status()).isEqualTo(201);
        JsonNode e = r.json();
        String id = e.path("id").asText();
        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(r.header("Location")).isEqualTo("/api/v1/events/" + id);
        assertThat(e.path("adminToken").asText()).matches("[A-Za-z0-9_-]{43}");
        // API v1.1: participate is the page behind the shared link (v1 left the URL open).
        assertThat(e.path("links").path("participate").asText()).isEqualTo(TestApp.BASE_URL + "/e/" + id);
        assertThat(e.path("links").path("admin").asText()).isEqualTo(TestApp.BASE_URL + "/api/v1/events/" + id);
        assertThat(e.path("title").asText()).isEqualTo("Q1 Planning");
        assertThat(e.path("description").asText()).isEqualTo("optional, up to 5000 chars");
        assertThat(e.path("durationMinutes").asInt()).isEqualTo(60);
        assertThat(e.path("slotStepMinutes").asInt()).isEqualTo(15);
        assertThat(e.path("timezone").asText()).isEqualTo("America/New_York");
        assertThat(e.path("proposedWindows").toString()).isEqualTo(
                "[{\"start\":\"2025-01-12T19:00:00Z\",\"end\":\"2025-01-12T21:00:00Z\"},"
                        + "{\"start\":\"2025-01-14T23:00:00Z\",\"end\":\"2025-01-15T01:00:00Z\"}]");
        assertThat(e.path("deadline").asText()).isEqualTo("2025-01-11T23:59:00Z");
        assertThat(e.path("status").asText()).isEqualTo("open");
        assertThat(e.path("participantCount").asInt()).isZero();
        assertThat(e.path("version").asLong()).isEqualTo(1);
        assertThat(e.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        JsonNode fetched = client.get("/api/v1/events/" + id).send().json();
        assertThat(fetched.has("adminToken")).isFalse();
        assertThat(fetched.has("links")).isFalse();
        assertThat(fetched.path("proposedWindows")).isEqualTo(e.path("proposedWindows"));
    }

    @Test
    void defaults_step_to_fifteen_and_leaves_optional_fields_null() {
        JsonNode e = createEvent(client, event("UTC", 30, window("2030-01-01T10:00", "2030-01-01T11:00")));
        assertThat(e.path("slotStepMinutes").asInt()).isEqualTo(15);
        assertThat(e.path("description").isNull()).isTrue();
        assertThat(e.path("deadline").isNull()).isTrue();
    }

    @Test
    void names_every_invalid_field() {
        ObjectNode body = ApiClient.object();
        body.put("title", "   ");
        body.put("durationMinutes", 7);
        body.put("slotStepMinutes", 25);
        body.put("timezone", "Mars/Olympus");
        body.put("surprise", true);
        body.putArray("proposedWindows").add(window("2025-01-12T14:00:30Z", "2025-01-12T13:00:00Z"));
        JsonNode problem = assertProblem(client.post("/api/v1/events").json(body).invalid().send(), 400,
                "surprise", "title", "durationMinutes", "slotStepMinutes", "timezone", "proposedWindows[0].start");
        assertThat(problem.path("errors").get(3).path("message").asText()).contains("5, 10, 15, 20, 30, 60");
    }

    @Test
    void rejects_missing_required_fields() {
        assertProblem(client.post("/api/v1/events").json("{}").invalid().send(), 400,
                "title", "durationMinutes", "timezone", "proposedWindows");
    }

    @Test
    void rejects_local_time_inside_dst_gap_naming_the_window() {
        ObjectNode body = event("America/New_York", 60,
                window("2025-03-08T10:00", "2025-03-08T12:00"),
                window("2025-03-09T02:30", "2025-03-09T04:00"));
        JsonNode problem = assertProblem(client.post("/api/v1/events").json(body).invalid().send(), 400,
                "proposedWindows[1].start");
        assertThat(problem.path("detail").asText()).contains("proposedWindows[1].start").contains("2025-03-09T02:30")
                .contains("America/New_York");
    }

    @Test
    void reads_a_repeated_local_time_at_the_earlier_offset() {
        // 01:30 happens twice in New York on 2025-11-02: first at -04:00, then at -05:00.
        JsonNode e = createEvent(client, event("America/New_York", 60, window("2025-11-02T01:30", "2025-11-02T03:00")));
        assertThat(e.path("proposedWindows").get(0).path("start").asText()).isEqualTo("2025-11-02T05:30:00Z");
        // 03:00 is after the overlap: -05:00, so the window is 2.5 hours long in real time.
        assertThat(e.path("proposedWindows").get(0).path("end").asText()).isEqualTo("2025-11-02T08:00:00Z");
    }

    @Test
    void reads_local_times_in_zones_with_odd_offsets() {
        JsonNode kathmandu = createEvent(client, event("Asia/Kathmandu", 60, window("2026-01-10T09:00", "2026-01-10T10:00")));
        assertThat(kathmandu.path("proposedWindows").get(0).path("start").asText()).isEqualTo("2026-01-10T03:15:00Z");
        // Lord Howe is +11:00 in January (summer, 30-minute DST) and +10:30 in July.
        JsonNode summer = createEvent(client, event("Australia/Lord_Howe", 60, window("2026-01-10T09:00", "2026-01-10T10:00")));
        assertThat(summer.path("proposedWindows").get(0).path("start").asText()).isEqualTo("2026-01-09T22:00:00Z");
        JsonNode winter = createEvent(client, event("Australia/Lord_Howe", 60, window("2026-07-10T09:00", "2026-07-10T10:00")));
        assertThat(winter.path("proposedWindows").get(0).path("start").asText()).isEqualTo("2026-07-09T22:30:00Z");
    }

    @Test
    void rejects_windows_shorter_than_the_meeting_and_beyond_the_horizon() {
        ObjectNode body = event("UTC", 60,
                window("2026-01-01T10:00", "2026-01-01T10:30"),
                window("2027-01-03T10:00", "2027-01-03T12:00"));
        JsonNode problem = assertProblem(client.post("/api/v1/events").json(body).invalid().send(), 400,
                "proposedWindows[0]", "proposedWindows[1].end");
        assertThat(problem.path("errors").get(1).path("message").asText()).contains("366 days");
    }

    @Test
    void an_unknown_zone_still_lets_windows_with_offsets_be_checked_at_their_own_index() {
        ObjectNode body = event("Nowhere/Else", 60, window("2026-01-01T10:00", "2026-01-01T12:00"),
                window("2026-01-01T13:00:00Z", "2026-01-01T13:30:00Z"));
        assertProblem(client.post("/api/v1/events").json(body).invalid().send(), 400, "timezone", "proposedWindows[1]");
    }

    @Test
    void rejects_seconds_and_malformed_times() {
        ObjectNode body = event("UTC", 60, window("2026-01-01T10:00:01", "2026-01-01T12:00"),
                window("2026-02-30T10:00", "yesterday"));
        assertProblem(client.post("/api/v1/events").json(body).invalid().send(), 400,
                "proposedWindows[0].start", "proposedWindows[1].start", "proposedWindows[1].end");
    }

    @Test
    void rejects_wrong_types_and_numbers_out_of_range() {
        ObjectNode body = event("UTC", 60, window("2026-01-01T10:00", "2026-01-01T12:00"));
        body.put("title", 42);
        body.put("durationMinutes", 60.5);
        body.put("slotStepMinutes", 99999999999L);
        body.put("proposedWindows", "soon");
        assertProblem(client.post("/api/v1/events").json(body).invalid().send(), 400,
                "title", "durationMinutes", "slotStepMinutes", "proposedWindows");
    }

    @Test
    void answers_malformed_json_wrong_content_type_and_oversized_bodies_with_problems() {
        assertProblem(client.post("/api/v1/events").json("{\"title\": ").invalid().send(), 400, "body");
        assertProblem(client.post("/api/v1/events").json("[1,2]").invalid().send(), 400, "body");
        assertProblem(client.post("/api/v1/events").json("{\"a\":1,\"a\":2}").invalid().send(), 400, "body");
        assertProblem(client.post("/api/v1/events").body("title=x".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded").invalid().send(), 415);
        assertProblem(client.post("/api/v1/events").body("{}".getBytes(StandardCharsets.UTF_8), null).invalid().send(), 415);
        byte[] huge = new byte[(1 << 20) + 10];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        assertProblem(client.post("/api/v1/events").body(huge, "application/json").invalid().send(), 413);
        assertProblem(client.post("/api/v1/events").body(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'},
                "application/json").invalid().send(), 400, "body");
    }

    @Test
    void answers_unknown_routes_and_methods_with_problems() {
        assertProblem(client.get("/api/v1/nothing").offContract().send(), 404);
        assertProblem(client.get("/api/v1/events/doesnotexist").send(), 404);
        assertProblem(client.put("/api/v1/events").json("{}").offContract().send(), 405);
    }

    @Test
    void patch_needs_the_admin_token_and_bumps_the_version() {
        JsonNode e = createEvent(client, event("Europe/Berlin", 60, window("2026-05-01T10:00", "2026-05-01T12:00")));
        String id = e.path("id").asText();
        String admin = e.path("adminToken").asText();
        JsonNode joined = join(client, id, participant("Ana", "UTC"));

        assertProblem(client.patch("/api/v1/events/" + id).json("{\"title\":\"x\"}").invalid().send(), 401);
        assertProblem(client.patch("/api/v1/events/" + id).bearer("A".repeat(43)).json("{\"title\":\"x\"}").send(), 401);
        assertProblem(client.patch("/api/v1/events/" + id).bearer(joined.path("editToken").asText())
                .json("{\"title\":\"x\"}").send(), 403);
        JsonNode other = createEvent(client, event("UTC", 60, window("2026-05-01T10:00", "2026-05-01T12:00")));
        assertProblem(client.patch("/api/v1/events/" + id).bearer(other.path("adminToken").asText())
                .json("{\"title\":\"x\"}").send(), 401);

        ObjectNode change = ApiClient.object();
        change.put("title", "  Offsite  ");
        change.putNull("description");
        change.put("durationMinutes", 90);
        change.put("deadline", "2026-04-30T18:00");
        ApiClient.Response r = client.patch("/api/v1/events/" + id).bearer(admin).json(change).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode changed = r.json();
        assertThat(changed.path("title").asText()).isEqualTo("Offsite");
        assertThat(changed.path("durationMinutes").asInt()).isEqualTo(90);
        // local deadline read in the event's zone (Berlin, +02:00 in April)
        assertThat(changed.path("deadline").asText()).isEqualTo("2026-04-30T16:00:00Z");
        assertThat(changed.path("version").asLong()).isEqualTo(3);
        assertThat(changed.path("participantCount").asInt()).isEqualTo(1);
    }

    @Test
    void patch_checks_the_event_then_the_token_then_the_body() {
        JsonNode e = createEvent(client, event("UTC", 60, window("2026-05-01T10:00", "2026-05-01T11:00")));
        String id = e.path("id").asText();
        assertProblem(client.patch("/api/v1/events/nope").bearer(e.path("adminToken").asText()).json("{\"title\":").invalid().send(), 404);
        assertProblem(client.patch("/api/v1/events/" + id).json("{\"title\":").invalid().send(), 401);
        assertProblem(client.patch("/api/v1/events/" + id).bearer(e.path("adminToken").asText()).json("{\"title\":").invalid().send(),
                400, "body");
    }

    @Test
    void patch_checks_the_combined_state_and_reads_windows_in_the_new_zone() {
        JsonNode e = createEvent(client, event("UTC", 60, window("2026-05-01T10:00", "2026-05-01T11:00")));
        String id = e.path("id").asText();
        String admin = e.path("adminToken").asText();
        assertProblem(client.patch("/api/v1/events/" + id).bearer(admin).json("{\"durationMinutes\":120}").send(), 400,
                "proposedWindows[0]");
        ObjectNode change = ApiClient.object();
        change.put("timezone", "Asia/Tokyo");
        change.putArray("proposedWindows").add(window("2026-05-01T10:00", "2026-05-01T12:00"));
        JsonNode changed = client.patch("/api/v1/events/" + id).bearer(admin).json(change).send().json();
        assertThat(changed.path("timezone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(changed.path("proposedWindows").get(0).path("start").asText()).isEqualTo("2026-05-01T01:00:00Z");
        assertThat(changed.path("version").asLong()).isEqualTo(2);
        assertProblem(client.patch("/api/v1/events/" + id).bearer(admin).json("{\"status\":\"archived\"}").invalid().send(),
                400, "status");
        assertThat(client.get("/api/v1/events/" + id).send().json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void delete_removes_the_event_and_everything_in_it() {
        JsonNode e = createEvent(client, event("UTC", 60, window("2026-05-01T10:00", "2026-05-01T12:00")));
        String id = e.path("id").asText();
        JsonNode p = join(client, id, participant("Ana", "UTC", window("2026-05-01T10:00", "2026-05-01T12:00")));
        assertProblem(client.delete("/api/v1/events/" + id).invalid().send(), 401);
        assertProblem(client.delete("/api/v1/events/" + id).bearer(p.path("editToken").asText()).send(), 403);
        ApiClient.Response r = client.delete("/api/v1/events/" + id).bearer(e.path("adminToken").asText()).send();
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertProblem(client.get("/api/v1/events/" + id).send(), 404);
        assertProblem(client.get("/api/v1/events/" + id + "/participants").send(), 404);
        assertProblem(client.delete("/api/v1/events/" + id).bearer(e.path("adminToken").asText()).send(), 404);
    }

    @Test
    void stores_names_verbatim_and_returns_them_json_escaped() {
        ObjectNode body = event("UTC", 60, window("2026-05-01T10:00", "2026-05-01T12:00"));
        body.put("title", "<script>alert('x')</script> \"; DROP TABLE event; -- 😀");
        JsonNode e = createEvent(client, body);
        assertThat(client.get("/api/v1/events/" + e.path("id").asText()).send().json().path("title").asText())
                .isEqualTo("<script>alert('x')</script> \"; DROP TABLE event; -- 😀");
    }

    @Test
    void every_answer_carries_a_request_id_and_security_headers() {
        ApiClient.Response r = client.get("/api/v1/events/nope").header("X-Request-Id", "trace-123").send();
        assertThat(r.header("X-Request-Id")).isEqualTo("trace-123");
        assertThat(r.json().path("requestId").asText()).isEqualTo("trace-123");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        ApiClient.Response generated = client.get("/health/live").header("X-Request-Id", "bad id with spaces").send();
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f]{24}");
    }
}
