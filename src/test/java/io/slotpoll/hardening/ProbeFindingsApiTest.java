package io.slotpoll.hardening;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotpoll.participant.ParticipantService;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a black-box security probe of the landed service found, each now refused or
 * bounded: ids that matched in any letter case, invisible and look-alike names, overlong
 * UTF-8, HEAD and 405 answers, idempotent replays after a delete, and unbounded events.
 */
class ProbeFindingsApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();
    private String eventId;
    private String admin;

    @BeforeEach
    void createTheEvent() {
        JsonNode e = createEvent(client, event("UTC", 60, window("2027-03-01T09:00", "2027-03-01T17:00")));
        eventId = e.path("id").asText();
        admin = e.path("adminToken").asText();
    }

    private String participants() {
        return "/api/v1/events/" + eventId + "/participants";
    }

    @Test
    void ids_match_only_as_spelled() {
        JsonNode ana = join(client, eventId, participant("Ana", "UTC"));
        String participantId = ana.path("id").asText();
        assertThat(client.get("/api/v1/events/" + eventId).send().status()).isEqualTo(200);

        assertProblem(client.get("/api/v1/events/" + swapCase(eventId)).send(), 404);
        assertProblem(client.get("/api/v1/events/" + eventId.toUpperCase(Locale.ROOT)).send(), 404);
        assertProblem(client.get("/api/v1/events/" + eventId + "%20").offContract().send(), 404);
        assertProblem(client.get("/api/v1/events/" + eventId + "x").send(), 404);
        assertProblem(client.get(participants() + "/" + swapCase(participantId)).send(), 404);
        assertProblem(client.patch("/api/v1/events/" + swapCase(eventId)).bearer(admin)
                .json(ApiClient.object().put("title", "x")).send(), 404);
        assertProblem(client.post("/api/v1/events/" + swapCase(eventId) + "/participants")
                .json(participant("Ben", "UTC")).send(), 404);
        assertThat(client.get(participants()).send().json()).hasSize(1);
    }

    @Test
    void names_must_be_visible_single_line_text_and_unique_after_nfkc_case_folding() {
        join(client, eventId, participant("Bob", "UTC"));
        for (String invisible : new String[] {"\u200bBob", "\ufeffBob", "\u200b\u200c", "Bo\u0000b", "abc\u202egpj.exe",
            "\u001b[31mBob", "Bob\nAlice", "Bob\u2028Alice", "\u0301\u0301"}) {
            JsonNode problem = assertProblem(client.post(participants()).json(participant(invisible, "UTC")).invalid()
                    .send(), 400, "name");
            assertThat(problem.path("errors").get(0).path("message").asText()).as(invisible)
                    .containsAnyOf("control", "format", "bidirectional", "single line", "visible");
        }
        for (String lookAlike : new String[] {"\u00a0Bob\u00a0", "\u3000BOB", "\uff22\uff4f\uff42", "bob\u2003"}) {
            assertProblem(client.post(participants()).json(participant(lookAlike, "UTC")).send(), 409);
        }
        JsonNode nbsp = join(client, eventId, participant("\u00a0 Ana Mar\u00eda \u00a0", "UTC"));
        assertThat(nbsp.path("name").asText()).isEqualTo("Ana Mar\u00eda");
        assertProblem(client.post(participants()).json(participant("ana mari\u0301a", "UTC")).send(), 409);
        assertThat(client.get(participants()).send().json().findValuesAsText("name")).containsExactly("Bob", "Ana Mar\u00eda");

        ObjectNode title = ApiClient.object().put("title", "Plan\u202eing");
        assertProblem(client.patch("/api/v1/events/" + eventId).bearer(admin).json(title).invalid().send(), 400, "title");
    }

    @Test
    void malformed_utf8_is_refused_not_decoded_leniently() {
        byte[] overlong = "{\"name\":\"a\u00c0\u00afb\",\"timezone\":\"UTC\"}".getBytes(StandardCharsets.ISO_8859_1);
        JsonNode problem = assertProblem(client.post(participants()).body(overlong, "application/json").invalid().send(),
                400, "body");
        assertThat(problem.path("detail").asText()).contains("not valid UTF-8");
        byte[] surrogate = "{\"name\":\"a\u00ed\u00a0\u0080\",\"timezone\":\"UTC\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(client.post(participants()).body(surrogate, "application/json").invalid().send(), 400, "body");
        assertThat(client.get(participants()).send().json()).isEmpty();
    }

    @Test
    void head_answers_like_get_and_405_lists_the_allowed_methods() {
        ApiClient.Response head = client.call("HEAD", "/api/v1/events/" + eventId).offContract().send();
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(client.call("HEAD", "/api/v1/events/AAAAAAAAAAAAAAAAAAAAAA").offContract().send().status())
                .isEqualTo(404);
        assertThat(client.call("HEAD", "/api/v1/events/nope/participants").offContract().send().status()).isEqualTo(404);

        ApiClient.Response put = client.put("/api/v1/events/" + eventId).offContract().send();
        assertProblem(put, 405);
        assertThat(put.header("Allow")).contains("GET", "HEAD", "PATCH", "DELETE").doesNotContain("PUT");

        ApiClient.Response badTag = client.get("/api/v1/events/" + eventId + "/recommendations")
                .header("If-None-Match", "not-a-tag").invalid().send();
        assertProblem(badTag, 400, "If-None-Match");
    }

    @Test
    void an_idempotent_replay_never_returns_the_token_of_a_deleted_event() {
        String key = UUID.randomUUID().toString();
        ObjectNode body = event("UTC", 60, window("2027-03-01T09:00", "2027-03-01T17:00"));
        ApiClient.Response first = client.post("/api/v1/events").header("Idempotency-Key", key).json(body).send();
        assertThat(first.status()).isEqualTo(201);
        ApiClient.Response replay = client.post("/api/v1/events").header("Idempotency-Key", key).json(body).send();
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("adminToken").asText()).isEqualTo(first.json().path("adminToken").asText());

        String id = first.json().path("id").asText();
        assertThat(client.delete("/api/v1/events/" + id).bearer(first.json().path("adminToken").asText()).send().status())
                .isEqualTo(204);
        ApiClient.Response afterDelete = client.post("/api/v1/events").header("Idempotency-Key", key).json(body).send();
        assertThat(afterDelete.status()).isEqualTo(201);
        assertThat(afterDelete.header("Idempotent-Replayed")).isNull();
        assertThat(afterDelete.json().path("id").asText()).isNotEqualTo(id);
        assertThat(afterDelete.json().path("adminToken").asText()).isNotEqualTo(first.json().path("adminToken").asText());

        String joinKey = UUID.randomUUID().toString();
        ApiClient.Response joined = client.post(participants()).header("Idempotency-Key", joinKey)
                .json(participant("Cy", "UTC")).send();
        String pid = joined.json().path("id").asText();
        assertThat(client.delete(participants() + "/" + pid).bearer(admin).send().status()).isEqualTo(204);
        ApiClient.Response rejoined = client.post(participants()).header("Idempotency-Key", joinKey)
                .json(participant("Cy", "UTC")).send();
        assertThat(rejoined.status()).isEqualTo(201);
        assertThat(rejoined.json().path("editToken").asText()).isNotEqualTo(joined.json().path("editToken").asText());

        assertProblem(client.post("/api/v1/events").header("Idempotency-Key", "k-1234567890123456789").json(body)
                .invalid().send(), 400, "Idempotency-Key");
    }

    @Test
    void an_event_holds_at_most_the_window_limit_and_large_answers_are_compressed() throws Exception {
        int perParticipant = 500;
        int full = ParticipantService.WINDOWS_PER_EVENT_MAX / perParticipant;
        Instant base = Instant.parse("2027-03-01T00:00:00Z");
        String first = null;
        for (int p = 0; p < full; p++) {
            ObjectNode body = participant("P" + p, "UTC");
            ArrayNode windows = (ArrayNode) body.get("availability");
            for (int w = 0; w < perParticipant; w++) {
                Instant start = base.plusSeconds(3600L * w);
                windows.add(window(start.toString(), start.plusSeconds(1800).toString()));
            }
            JsonNode joined = join(client, eventId, body);
            first = first == null ? joined.path("id").asText() : first;
        }
        assertProblem(client.post(participants()).json(participant("One more", "UTC",
                window("2027-03-01T09:00", "2027-03-01T10:00"))).send(), 409);
        join(client, eventId, participant("No windows", "UTC"));
        ObjectNode grow = ApiClient.object().put("timezone", "UTC");
        grow.putArray("availability");
        for (int w = 0; w <= perParticipant; w += 2) {
            ((ArrayNode) grow.get("availability")).add(window(base.plusSeconds(3600L * w).toString(),
                    base.plusSeconds(3600L * w + 600).toString()));
        }
        assertThat(client.put(participants() + "/" + first + "/availability").bearer(admin).json(grow).send().status())
                .isEqualTo(200);

        HttpResponse<byte[]> gzipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + APP.port() + participants()))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String plain = client.get(participants()).send().body();
        assertThat(gunzip(gzipped.body())).isEqualTo(plain);
        assertThat(gzipped.body().length).isLessThan(plain.length() / 5);
    }

    @Test
    void the_names_of_one_event_take_at_most_the_name_byte_limit() {
        String long4ByteName = "\uD83D\uDE00".repeat(96);
        int bytesEach = 96 * 4 + 4;
        long fit = ParticipantService.NAME_BYTES_PER_EVENT_MAX / bytesEach;
        for (int i = 0; i < fit; i++) {
            join(client, eventId, participant(long4ByteName + String.format(Locale.ROOT, "%04d", i), "UTC"));
        }
        JsonNode full = assertProblem(client.post(participants()).json(participant(long4ByteName + "9999", "UTC")).send(),
                409);
        assertThat(full.path("type").asText()).endsWith("/event-full");
        JsonNode shortName = join(client, eventId, participant("Al", "UTC"));
        ObjectNode rename = ApiClient.object().put("name", long4ByteName + "9998");
        assertProblem(client.patch(participants() + "/" + shortName.path("id").asText()).bearer(admin).json(rename).send(),
                409);
        assertThat(client.get(participants()).send().json()).hasSize((int) fit + 1);

        JsonNode first = client.get(participants()).send().json().get(0);
        assertThat(client.delete(participants() + "/" + first.path("id").asText()).bearer(admin).send().status())
                .isEqualTo(204);
        join(client, eventId, participant(long4ByteName + "9999", "UTC"));
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String swapCase(String id) {
        StringBuilder swapped = new StringBuilder();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }
}
