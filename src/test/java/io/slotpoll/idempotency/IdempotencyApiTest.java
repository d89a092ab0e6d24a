package io.slotpoll.idempotency;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotpoll.App;
import io.slotpoll.http.Json;
import io.slotpoll.metrics.Metrics;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.Concurrently;
import io.slotpoll.testing.MutableClock;
import io.slotpoll.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Idempotency-Key on both creating POSTs: retries replay the first answer, token included,
 * on any instance; a reused key with another body is a 422; keys expire after 24 hours.
 */
class IdempotencyApiTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));

    @RegisterExtension
    static final TestApp APP = new TestApp(Map.of(), CLOCK, database -> { });

    private static final ObjectNode EVENT = event("UTC", 60, window("2027-03-01T09:00", "2027-03-01T17:00"));

    @Test
    void a_retried_event_create_replays_the_first_answer_and_creates_nothing() {
        ApiClient client = APP.client();
        String key = UUID.randomUUID().toString();
        long before = count("event");

        ApiClient.Response first = client.post("/api/v1/events").header("Idempotency-Key", key).json(EVENT).send();
        ApiClient.Response retry = client.post("/api/v1/events").header("Idempotency-Key", key).json(EVENT).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.text("adminToken")).isEqualTo(first.text("adminToken")).hasSize(43);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("event")).isEqualTo(before + 1);
        assertThat(client.patch(first.header("Location")).bearer(retry.text("adminToken"))
                .json(ApiClient.object().put("title", "Renamed")).send().status()).isEqualTo(200);
    }

    @Test
    void a_retried_join_replays_the_first_answer_even_after_the_event_closed() {
        ApiClient client = APP.client();
        var created = createEvent(client, EVENT);
        String id = created.path("id").asText();
        String key = "join-" + UUID.randomUUID();
        ObjectNode body = participant("Ana", "Asia/Kolkata", window("2027-03-01T15:00", "2027-03-01T17:30"));

        ApiClient.Response first = client.post("/api/v1/events/" + id + "/participants")
                .header("Idempotency-Key", key).json(body).send();
        client.patch("/api/v1/events/" + id).bearer(created.path("adminToken").asText())
                .json(ApiClient.object().put("status", "closed")).send();
        ApiClient.Response retry = client.post("/api/v1/events/" + id + "/participants")
                .header("Idempotency-Key", key).json(body).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("ETag")).isEqualTo("\"1\"");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(client.get("/api/v1/events/" + id + "/participants").send().json()).hasSize(1);
        assertThat(client.get("/api/v1/events/" + id).send().json().path("version").asLong()).isEqualTo(3);
    }

    @Test
    void the_same_key_with_another_body_is_a_422_and_changes_nothing() {
        ApiClient client = APP.client();
        String key = UUID.randomUUID().toString();
        ApiClient.Response first = client.post("/api/v1/events").header("Idempotency-Key", key).json(EVENT).send();
        long events = count("event");

        ApiClient.Response other = client.post("/api/v1/events").header("Idempotency-Key", key)
                .json(EVENT.deepCopy().put("title", "Another")).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(assertProblem(other, 422).path("type").asText())
                .isEqualTo("https://slotpoll.io/problems/idempotency-key-reused");
        assertThat(count("event")).isEqualTo(events);
    }

    @Test
    void keys_are_scoped_to_the_endpoint_and_event() {
        ApiClient client = APP.client();
        String a = createEvent(client, EVENT).path("id").asText();
        String b = createEvent(client, EVENT).path("id").asText();
        String key = UUID.randomUUID().toString();
        ObjectNode body = participant("Bo", "UTC");

        ApiClient.Response inA = client.post("/api/v1/events/" + a + "/participants").header("Idempotency-Key", key).json(body).send();
        ApiClient.Response inB = client.post("/api/v1/events/" + b + "/participants").header("Idempotency-Key", key).json(body).send();

        assertThat(inA.status()).isEqualTo(201);
        assertThat(inB.status()).isEqualTo(201);
        assertThat(inB.header("Idempotent-Replayed")).isNull();
        assertThat(inB.text("id")).isNotEqualTo(inA.text("id"));
    }

    @Test
    void concurrent_requests_with_one_key_create_one_row_and_all_get_the_same_answer() throws Exception {
        ApiClient client = APP.client();
        String key = UUID.randomUUID().toString();
        long before = count("event");

        List<ApiClient.Response> answers = Concurrently.all(20,
                i -> client.post("/api/v1/events").header("Idempotency-Key", key).json(EVENT).send());

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201);
        assertThat(answers).extracting(ApiClient.Response::body).containsOnly(answers.getFirst().body());
        assertThat(answers).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
        assertThat(count("event")).isEqualTo(before + 1);
    }

    @Test
    void keys_expire_after_24_hours_and_are_purged() {
        ApiClient client = APP.client();
        String key = UUID.randomUUID().toString();
        ApiClient.Response first = client.post("/api/v1/events").header("Idempotency-Key", key).json(EVENT).send();

        CLOCK.advance(Duration.ofHours(24).minusSeconds(1));
        ApiClient.Response stillKept = client.post("/api/v1/events").header("Idempotency-Key", key).json(EVENT).send();
        CLOCK.advance(Duration.ofSeconds(1));
        ApiClient.Response afterExpiry = client.post("/api/v1/events").header("Idempotency-Key", key)
                .json(EVENT.deepCopy().put("title", "Another")).send();

        assertThat(stillKept.body()).isEqualTo(first.body());
        assertThat(afterExpiry.status()).isEqualTo(201);
        assertThat(afterExpiry.header("Idempotent-Replayed")).isNull();
        assertThat(afterExpiry.text("title")).isEqualTo("Another");

        CLOCK.advance(Duration.ofHours(24));
        int purged = new Idempotency(APP.database().dsl(), CLOCK, Json.newMapper()).purgeExpired();
        assertThat(purged).isPositive();
        assertThat(count("idempotency_key")).isZero();
    }

    @Test
    void the_stored_answer_holds_no_token_in_the_clear() {
        ApiClient client = APP.client();
        ApiClient.Response first = client.post("/api/v1/events").header("Idempotency-Key", UUID.randomUUID().toString())
                .json(EVENT).send();
        byte[] token = first.text("adminToken").getBytes(StandardCharsets.UTF_8);

        List<byte[]> stored = APP.database().dsl().select(DSL.field("answer", byte[].class))
                .from(DSL.table("idempotency_key")).fetch(0, byte[].class);

        assertThat(stored).isNotEmpty().noneMatch(bytes -> contains(bytes, token));
        assertThat(stored).noneMatch(bytes -> contains(bytes, "adminToken".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_malformed_key_is_a_400_naming_the_header() {
        ApiClient client = APP.client();
        assertProblem(client.post("/api/v1/events").header("Idempotency-Key", "x".repeat(256)).json(EVENT).invalid().send(),
                400, "Idempotency-Key");
        assertProblem(client.post("/api/v1/events").header("Idempotency-Key", "tab\there").json(EVENT).invalid().send(),
                400, "Idempotency-Key");
    }

    @Test
    void a_key_works_across_instances_on_one_database() {
        String key = UUID.randomUUID().toString();
        ApiClient.Response first = APP.client().post("/api/v1/events").header("Idempotency-Key", key).json(EVENT).send();
        try (App other = App.start(APP.database(), TestApp.config(Map.of()), CLOCK, Metrics.none())) {
            ApiClient.Response retry = new ApiClient("http://127.0.0.1:" + other.port()).post("/api/v1/events")
                    .header("Idempotency-Key", key).json(EVENT).send();
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        }
    }

    private static long count(String table) {
        return APP.database().dsl().fetchCount(DSL.table(table));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
