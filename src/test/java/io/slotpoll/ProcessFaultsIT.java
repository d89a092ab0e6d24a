package io.slotpoll;

import static io.slotpoll.testing.ServiceProcess.JAR;
import static io.slotpoll.testing.ServiceProcess.awaitReady;
import static io.slotpoll.testing.ServiceProcess.freePort;
import static io.slotpoll.testing.ServiceProcess.stop;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.Eventually;
import io.slotpoll.testing.ServiceProcess;
import io.slotpoll.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged service as a real process on the test database: {@code kill -9} in the
 * middle of a stream of writes loses none that was acknowledged, and SIGTERM lets a
 * request in flight finish while {@code /health} drains the instance.
 */
class ProcessFaultsIT {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final String JOIN_BODY = "{\"name\":\"Late Lee\",\"timezone\":\"Asia/Kolkata\",\"availability\":[]}";

    @Test
    void kill_9_during_writes_loses_no_acknowledged_write() throws Exception {
        Path workDir = workDir();
        int port = freePort();
        Process service = start(workDir, port, Map.of(), "kill-first");
        ApiClient client = new ApiClient("http://127.0.0.1:" + port);
        awaitReady(port, service);
        String id = client.post("/api/v1/events").json("{\"title\":\"Crash\",\"durationMinutes\":30,\"timezone\":\"UTC\","
                + "\"proposedWindows\":[{\"start\":\"2027-01-01T10:00\",\"end\":\"2027-01-01T12:00\"}]}").send().text("id");

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            work.add(writers.submit(() -> {
                while (running.get()) {
                    try {
                        ApiClient.Response r = client.post("/api/v1/events/" + id + "/participants")
                                .json("{\"name\":\"W" + sequence.incrementAndGet() + "\",\"timezone\":\"UTC\"}").offContract().send();
                        if (r.status() == 201) {
                            acknowledged.add(r.text("id"));
                        }
                    } catch (IllegalStateException connectionLost) {
                        unanswered.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        service.destroyForcibly();
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(service.exitValue()).isEqualTo(137);
        running.set(false);
        for (Future<?> f : work) {
            f.get();
        }
        writers.shutdown();

        Process restarted = start(workDir, port, Map.of(), "kill-second");
        try {
            awaitReady(port, restarted);
            JsonNode listed = client.get("/api/v1/events/" + id + "/participants").send().json();
            Set<String> stored = new HashSet<>();
            listed.forEach(p -> stored.add(p.path("id").asText()));
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(300);
            assertThat(stored).containsAll(acknowledged);
            JsonNode event = client.get("/api/v1/events/" + id).send().json();
            assertThat(event.path("participantCount").asInt()).isEqualTo(stored.size());
            assertThat(event.path("version").asLong()).isEqualTo(1 + stored.size());
            System.out.printf("kill -9: %d writes acknowledged, %d stored, %d cut off unanswered%n",
                    acknowledged.size(), stored.size(), unanswered.get());
        } finally {
            stop(restarted);
        }
    }

    @Test
    void sigterm_drains_and_lets_the_request_in_flight_finish() throws Exception {
        Path workDir = workDir();
        int port = freePort();
        Process service = start(workDir, port, Map.of("SHUTDOWN_DRAIN_SECONDS", "2", "SHUTDOWN_GRACE_SECONDS", "20"), "term");
        ApiClient client = new ApiClient("http://127.0.0.1:" + port);
        awaitReady(port, service);
        String id = client.post("/api/v1/events").json("{\"title\":\"Drain\",\"durationMinutes\":30,\"timezone\":\"UTC\","
                + "\"proposedWindows\":[{\"start\":\"2027-01-01T10:00\",\"end\":\"2027-01-01T12:00\"}]}").send().text("id");

        byte[] body = JOIN_BODY.getBytes(StandardCharsets.UTF_8);
        try (Socket inFlight = new Socket(InetAddress.getLoopbackAddress(), port)) {
            inFlight.setSoTimeout(30_000);
            OutputStream out = inFlight.getOutputStream();
            out.write(("POST /api/v1/events/" + id + "/participants HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(500);

            long signalled = System.nanoTime();
            service.destroy();
            awaitStatus(client, "/health", 503);
            assertThat(client.get("/health/live").send().status()).isEqualTo(200);
            Eventually.await(Duration.ofSeconds(30), "the listener closed after the drain", () -> refusesConnections(port));
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).as("the drain lasts 2 s")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(service.isAlive()).as("still serving the request in flight").isTrue();

            out.write(body, 10, body.length - 10);
            out.flush();
            InputStream in = inFlight.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 201 ").contains("\"name\":\"Late Lee\"");
        }
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(service.exitValue()).isEqualTo(143);
        assertThat(Files.readString(workDir.resolve("term.log")))
                .contains("stopped: requests in flight finished, database pool closed");

        Process restarted = start(workDir, port, Map.of(), "term-second");
        try {
            awaitReady(port, restarted);
            assertThat(client.get("/api/v1/events/" + id + "/participants").send().json().findValuesAsText("name"))
                    .containsExactly("Late Lee");
        } finally {
            stop(restarted);
        }
    }

    private static Process start(Path workDir, int port, Map<String, String> env, String name) throws IOException {
        Map<String, String> all = new HashMap<>(Map.of("PORT", Integer.toString(port), "DB_URL", DB.url(),
                "DB_USER", DB.server().user(), "DB_PASSWORD", DB.server().password(), "LOG_FORMAT", "text",
                // six writers from one address would hit the default write limit
                "RATE_LIMIT_READS_PER_MINUTE", "0", "RATE_LIMIT_WRITES_PER_MINUTE", "0"));
        all.putAll(env);
        return ServiceProcess.start(JAR, workDir, all, name);
    }

    private static boolean refusesConnections(int port) {
        try {
            new Socket(InetAddress.getLoopbackAddress(), port).close();
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            throw new IllegalStateException("unexpected failure connecting to port " + port, other);
        }
    }

    private static void awaitStatus(ApiClient client, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (client.get(path).offContract().send().status() == status) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " did not answer " + status + " within 30 s");
    }

    private static Path workDir() throws IOException {
        return Files.createDirectories(Path.of("target", "faults-it-" + UUID.randomUUID()).toAbsolutePath());
    }
}
