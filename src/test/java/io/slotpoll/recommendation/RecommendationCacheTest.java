package io.slotpoll.recommendation;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.App;
import io.slotpoll.db.Database;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import io.slotpoll.testing.TestDatabase;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three instances over one database, as behind the load balancer: A and B cache
 * recommendations, C does not. Each has its own pool, so statements are counted per
 * instance.
 */
class RecommendationCacheTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static Database dbA;
    private static Database dbB;
    private static Database dbC;
    private static App a;
    private static App b;
    private static App c;
    private static ApiClient clientA;
    private static ApiClient clientB;
    private static ApiClient clientC;

    @BeforeAll
    static void start() {
        dbA = Database.connect(DB.url(), DB.server().user(), DB.server().password(), 4, Optional.empty());
        dbB = Database.connect(DB.url(), DB.server().user(), DB.server().password(), 4, Optional.empty());
        dbC = Database.connect(DB.url(), DB.server().user(), DB.server().password(), 4, Optional.empty());
        a = App.start(dbA, TestApp.config(Map.of()));
        b = App.start(dbB, TestApp.config(Map.of()));
        c = App.start(dbC, TestApp.config(Map.of("RECOMMENDATION_CACHE_MB", "0")));
        clientA = new ApiClient("http://127.0.0.1:" + a.port());
        clientB = new ApiClient("http://127.0.0.1:" + b.port());
        clientC = new ApiClient("http://127.0.0.1:" + c.port());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, c, dbA, dbB, dbC}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String newEvent(ApiClient client, int participants) {
        JsonNode e = createEvent(client, event("UTC", 60, window("2027-05-01T09:00", "2027-05-01T17:00")));
        String id = e.path("id").asText();
        for (int i = 0; i < participants; i++) {
            join(client, id, participant("P" + i, "UTC", window("2027-05-01T09:00", "2027-05-01T" + (10 + i % 7) + ":00"),
                    window("2027-05-01T15:00", "2027-05-01T17:00", "ifneedbe")));
        }
        return id;
    }

    @Test
    void a_cached_answer_costs_one_indexed_read_and_so_does_a_304() {
        String id = newEvent(clientA, 3);
        String url = "/api/v1/events/" + id + "/recommendations?limit=5";
        long before = dbA.statementsExecuted();
        ApiClient.Response first = clientA.get(url).send();
        long computed = dbA.statementsExecuted() - before;
        assertThat(computed).isEqualTo(1 + 3);

        before = dbA.statementsExecuted();
        ApiClient.Response second = clientA.get(url).send();
        assertThat(dbA.statementsExecuted() - before).isEqualTo(1);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));

        before = dbA.statementsExecuted();
        assertThat(clientA.get(url).header("If-None-Match", first.header("ETag")).send().status()).isEqualTo(304);
        assertThat(dbA.statementsExecuted() - before).isEqualTo(1);
    }

    @Test
    void loading_participants_takes_the_same_few_queries_however_many_there_are() {
        String few = newEvent(clientC, 3);
        String many = newEvent(clientC, 40);
        long before = dbC.statementsExecuted();
        assertThat(clientC.get("/api/v1/events/" + few + "/recommendations").send().json().path("participantCount").asInt())
                .isEqualTo(3);
        long forFew = dbC.statementsExecuted() - before;
        before = dbC.statementsExecuted();
        assertThat(clientC.get("/api/v1/events/" + many + "/recommendations").send().json().path("participantCount").asInt())
                .isEqualTo(40);
        long forMany = dbC.statementsExecuted() - before;
        // the event with its participant count; its windows; participants joined with their windows
        assertThat(forFew).isEqualTo(3);
        assertThat(forMany).isEqualTo(3);
    }

    @Test
    void a_write_through_one_instance_is_seen_at_once_through_another() {
        String id = newEvent(clientA, 2);
        String url = "/api/v1/events/" + id + "/recommendations?limit=1";
        JsonNode before = clientA.get(url).send().json();
        assertThat(before.path("participantCount").asInt()).isEqualTo(2);
        assertThat(clientA.get(url).send().json()).isEqualTo(before);

        join(clientB, id, participant("Late", "UTC", window("2027-05-01T09:00", "2027-05-01T17:00")));
        JsonNode after = clientA.get(url).send().json();
        assertThat(after.path("participantCount").asInt()).isEqualTo(3);
        assertThat(after.path("eventVersion").asLong()).isEqualTo(before.path("eventVersion").asLong() + 1);
        assertThat(after.path("recommendations").get(0).path("available").findValuesAsText("name")).contains("Late");
        assertThat(clientC.get(url).send().json()).isEqualTo(after);
    }

    @Test
    void under_concurrent_reads_and_writes_no_answer_is_older_than_the_last_acknowledged_write() throws Exception {
        String id = newEvent(clientA, 1);
        String url = "/api/v1/events/" + id + "/recommendations?limit=1";
        java.util.concurrent.atomic.AtomicLong acknowledged = new java.util.concurrent.atomic.AtomicLong(
                clientA.get("/api/v1/events/" + id).send().json().path("version").asLong());
        java.util.concurrent.atomic.AtomicInteger stale = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.List<java.util.concurrent.Future<?>> readers = new java.util.ArrayList<>();
            for (int r = 0; r < 16; r++) {
                ApiClient client = r % 2 == 0 ? clientA : clientB;
                readers.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        long before = acknowledged.get();
                        long seen = client.get(url).send().json().path("eventVersion").asLong();
                        if (seen < before) {
                            stale.incrementAndGet();
                        }
                        answers.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (int w = 0; w < 15; w++) {
                JsonNode joined = join(clientC, id, participant("W" + w, "UTC", window("2027-05-01T09:00", "2027-05-01T12:00")));
                assertThat(joined.path("id").asText()).isNotEmpty();
                acknowledged.set(clientC.get("/api/v1/events/" + id).send().json().path("version").asLong());
            }
            for (java.util.concurrent.Future<?> reader : readers) {
                reader.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        assertThat(answers.get()).isEqualTo(16 * 60);
        assertThat(stale.get()).isZero();
        assertThat(clientA.get(url).send().json().path("participantCount").asInt()).isEqualTo(16);
    }

    @Test
    void cached_and_uncached_instances_give_identical_answers() {
        String id = newEvent(clientA, 6);
        for (String query : new String[] {"", "?limit=100", "?minAvailable=3&timezone=Asia/Kathmandu", "?limit=2&timezone=UTC"}) {
            String url = "/api/v1/events/" + id + "/recommendations" + query;
            ApiClient.Response cached = clientA.get(url).send();
            assertThat(clientA.get(url).send().body()).isEqualTo(cached.body());
            ApiClient.Response uncached = clientC.get(url).send();
            assertThat(uncached.body()).isEqualTo(cached.body());
            assertThat(uncached.header("ETag")).isEqualTo(cached.header("ETag"));
        }
    }
}
