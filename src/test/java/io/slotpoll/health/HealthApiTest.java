package io.slotpoll.health;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.App;
import io.slotpoll.db.Database;
import io.slotpoll.db.EmbeddedMariaDb;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.Eventually;
import io.slotpoll.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health checks with a database of this test's own, so it can be stopped and started:
 * while it is down the API answers 503 with Retry-After and {@code /health} stays 200;
 * when it returns, the service recovers without a restart and nothing acknowledged is lost.
 */
class HealthApiTest {

    private static EmbeddedMariaDb server;
    private static Database database;
    private static App app;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        server = EmbeddedMariaDb.start(Path.of("target", "health-db-" + UUID.randomUUID()).toAbsolutePath());
        server.createDatabase("health");
        database = Database.connect(server.jdbcUrl("health"), "root", "", 4, Optional.empty());
        app = App.start(database, TestApp.config(Map.of()));
        client = new ApiClient("http://127.0.0.1:" + app.port());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void reports_up_and_then_survives_a_database_outage() throws Exception {
        ApiClient.Response live = client.get("/health/live").send();
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(client.get("/health/ready").send().body()).isEqualTo("{\"status\":\"up\",\"database\":\"up\"}");
        assertThat(client.get("/health").send().body()).isEqualTo("{\"status\":\"up\",\"database\":\"up\"}");
        JsonNode e = createEvent(client, event("UTC", 60, window("2027-01-01T10:00", "2027-01-01T12:00")));
        String id = e.path("id").asText();

        server.stopServer();
        try {
            assertProblem(client.get("/health/ready").send(), 503);
            ApiClient.Response lb = client.get("/health").send();
            assertThat(lb.status()).isEqualTo(200);
            assertThat(lb.body()).isEqualTo("{\"status\":\"up\",\"database\":\"down\"}");
            assertThat(client.get("/health/live").send().status()).isEqualTo(200);
            long started = System.nanoTime();
            ApiClient.Response read = client.get("/api/v1/events/" + id).send();
            assertProblem(read, 503);
            assertThat(read.header("Retry-After")).isEqualTo("5");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertProblem(client.post("/api/v1/events").json(event("UTC", 60,
                    window("2027-01-01T10:00", "2027-01-01T12:00"))).send(), 503);
        } finally {
            server.startServer();
        }

        awaitReady();
        assertThat(client.get("/api/v1/events/" + id).send().json().path("title").asText()).isEqualTo("Planning");
    }

    @Test
    void writes_during_an_outage_answer_503_promptly_and_every_acknowledged_write_survives() throws Exception {
        String id = createEvent(client, event("UTC", 60, window("2027-01-01T10:00", "2027-01-01T12:00"))).path("id").asText();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong slowestMs = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            work.add(writers.submit(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    ApiClient.Response r = client.post("/api/v1/events/" + id + "/participants")
                            .json(participant("Writer " + sequence.incrementAndGet(), "UTC")).send();
                    slowestMs.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                    statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
                    if (r.status() == 201) {
                        acknowledged.add(r.text("id"));
                    } else {
                        assertProblem(r, 503);
                        assertThat(r.header("Retry-After")).isEqualTo("5");
                    }
                }
                return null;
            }));
        }
        Eventually.await(Duration.ofSeconds(60), "20 writes acknowledged before the outage",
                () -> acknowledged.size() >= 20);
        int beforeOutage = acknowledged.size();
        server.stopServer();
        try {
            Eventually.await(Duration.ofSeconds(60), "a write answered 503 during the outage",
                    () -> statuses.containsKey(503));
            assertProblem(client.get("/health/ready").send(), 503);
            assertThat(client.get("/health").send().body()).isEqualTo("{\"status\":\"up\",\"database\":\"down\"}");
        } finally {
            server.startServer();
        }
        awaitReady();
        int afterRecovery = acknowledged.size();
        Eventually.await(Duration.ofSeconds(60), "20 more writes acknowledged after recovery",
                () -> acknowledged.size() >= afterRecovery + 20);
        running.set(false);
        for (Future<?> f : work) {
            f.get();
        }
        writers.shutdown();

        assertThat(statuses.keySet()).containsExactlyInAnyOrder(201, 503);
        assertThat(beforeOutage).isPositive();
        assertThat(acknowledged.size()).isGreaterThan(afterRecovery);
        assertThat(slowestMs.get()).as("slowest answer in ms").isLessThan(15_000);
        JsonNode listed = client.get("/api/v1/events/" + id + "/participants").send().json();
        Set<String> stored = new HashSet<>();
        listed.forEach(p -> stored.add(p.path("id").asText()));
        assertThat(stored).containsAll(acknowledged);
        System.out.printf("outage: %d writes acknowledged, statuses %s, slowest %d ms%n", acknowledged.size(), statuses,
                slowestMs.get());
    }

    private static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (client.get("/health/ready").invalid().send().status() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not recover within 30 s of the database returning");
    }
}
