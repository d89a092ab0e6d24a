package io.slotpoll.hardening;

import static io.slotpoll.testing.Concurrently.all;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.Fixtures;
import io.slotpoll.testing.TestApp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many clients writing one event at once, over real HTTP against the real database: no
 * acknowledged write is lost or duplicated, version checks let exactly one writer win, and
 * the event version never goes backwards.
 */
class ConcurrencyTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final int JOINS = 100;

    @Test
    void one_hundred_concurrent_joins_all_land_exactly_once() throws Exception {
        ApiClient client = APP.client();
        String id = createEvent(client, event("UTC", 60, window("2027-03-01T09:00", "2027-03-01T17:00"))).path("id").asText();

        List<ApiClient.Response> answers = all(JOINS, i -> client.post("/api/v1/events/" + id + "/participants")
                .json(participant("Person " + i, "Europe/Berlin", window("2027-03-01T10:00", "2027-03-01T12:00")))
                .send());

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201);
        Set<String> created = new HashSet<>();
        for (ApiClient.Response r : answers) {
            created.add(r.text("id"));
        }
        assertThat(created).hasSize(JOINS);
        JsonNode listed = client.get("/api/v1/events/" + id + "/participants").send().json();
        Set<String> stored = new HashSet<>();
        listed.forEach(p -> stored.add(p.path("id").asText()));
        assertThat(listed).hasSize(JOINS);
        assertThat(stored).isEqualTo(created);
        JsonNode event = client.get("/api/v1/events/" + id).send().json();
        assertThat(event.path("participantCount").asInt()).isEqualTo(JOINS);
        assertThat(event.path("version").asLong()).isEqualTo(1 + JOINS);
        JsonNode ranked = client.get("/api/v1/events/" + id + "/recommendations?limit=1").send().json();
        assertThat(ranked.path("participantCount").asInt()).isEqualTo(JOINS);
        assertThat(ranked.path("recommendations").get(0).path("availableCount").asInt()).isEqualTo(JOINS);
    }

    @Test
    void concurrent_joins_with_one_name_in_different_cases_give_one_201_and_the_rest_409() throws Exception {
        ApiClient client = APP.client();
        String id = createEvent(client, event("UTC", 60, window("2027-03-01T09:00", "2027-03-01T17:00"))).path("id").asText();
        String[] spellings = {"Jo Müller", "JO MÜLLER", "jo müller", "Jo MÜLLER", "jO müLLER"};

        List<ApiClient.Response> answers = all(40, i -> client.post("/api/v1/events/" + id + "/participants")
                .json(participant(spellings[i % spellings.length], "UTC")).send());

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201, 409);
        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
        answers.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(Fixtures.assertProblem(r, 409).path("type").asText())
                        .isEqualTo("https://slotpoll.io/problems/name-taken"));
        JsonNode event = client.get("/api/v1/events/" + id).send().json();
        assertThat(event.path("participantCount").asInt()).isEqualTo(1);
        assertThat(event.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void concurrent_replacements_with_one_if_match_give_one_200_and_store_the_winner() throws Exception {
        ApiClient client = APP.client();
        String id = createEvent(client, event("UTC", 60, window("2027-03-01T00:00", "2027-03-02T00:00"))).path("id").asText();
        JsonNode joined = Fixtures.join(client, id, participant("Ana", "UTC"));
        String pid = joined.path("id").asText();
        String token = joined.path("editToken").asText();
        String path = "/api/v1/events/" + id + "/participants/" + pid + "/availability";

        int writers = 30;
        List<ApiClient.Response> answers = all(writers, i -> client.put(path).bearer(token).header("If-Match", "\"1\"")
                .json(participant("Ana", "UTC", window(String.format("2027-03-01T%02d:00", i % 24),
                        String.format("2027-03-01T%02d:30", i % 24))).without("name")).send());

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(200, 412);
        List<ApiClient.Response> winners = answers.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSize(1);
        answers.stream().filter(r -> r.status() == 412).forEach(r -> Fixtures.assertProblem(r, 412));
        JsonNode stored = client.get("/api/v1/events/" + id + "/participants/" + pid).send().json();
        assertThat(stored.path("availability")).isEqualTo(winners.getFirst().json().path("availability"));
        assertThat(stored.path("version").asLong()).isEqualTo(2);
        assertThat(client.get("/api/v1/events/" + id).send().json().path("version").asLong()).isEqualTo(3);
    }

    @Test
    void the_event_version_only_grows_and_counts_every_change() throws Exception {
        ApiClient client = APP.client();
        JsonNode created = createEvent(client, event("UTC", 60, window("2027-03-01T09:00", "2027-03-01T17:00")));
        String id = created.path("id").asText();
        String admin = created.path("adminToken").asText();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> seen = new ArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Future<?> reads = reader.submit(() -> {
            while (writing.get()) {
                seen.add(client.get("/api/v1/events/" + id).send().json().path("version").asLong());
            }
        });

        int writes = 60;
        List<ApiClient.Response> answers = all(writes, i -> i % 2 == 0
                ? client.patch("/api/v1/events/" + id).bearer(admin).json(ApiClient.object().put("title", "Title " + i)).send()
                : client.post("/api/v1/events/" + id + "/participants").json(participant("P" + i, "UTC")).send());
        writing.set(false);
        reads.get();
        reader.shutdown();

        assertThat(answers).extracting(ApiClient.Response::status).allMatch(s -> s == 200 || s == 201);
        assertThat(seen).isNotEmpty().isSorted();
        assertThat(client.get("/api/v1/events/" + id).send().json().path("version").asLong()).isEqualTo(1 + writes);
    }
}
