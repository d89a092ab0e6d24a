package io.slotpoll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar ({@code target/slotpoll.jar}) starts with no configuration, serves
 * {@code /health/ready} on the embedded database, and after a restart still has the
 * events created before it. Runs in Maven's integration-test phase, after packaging.
 */
class StartupIT {

    private static final Path JAR = Path.of(System.getProperty("slotpoll.dist.dir", "../target"), "slotpoll.jar");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void starts_without_configuration_and_keeps_events_across_a_restart() throws Exception {
        assertThat(JAR).exists();
        Path workDir = Files.createDirectories(Path.of("target", "startup-it-" + UUID.randomUUID()).toAbsolutePath());
        // No configuration at all when the default port is free; otherwise only PORT, so the test cannot clash.
        int port = isFree(8080) ? 8080 : freePort();
        Map<String, String> env = port == 8080 ? Map.of() : Map.of("PORT", Integer.toString(port));

        String id;
        Process first = start(workDir, env, "first");
        try {
            awaitReady(port, first);
            HttpResponse<String> created = send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Survives\",\"durationMinutes\":60,"
                            + "\"timezone\":\"Europe/Paris\",\"proposedWindows\":[{\"start\":\"2027-06-01T10:00\",\"end\":\"2027-06-01T12:00\"}]}")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher m = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"").matcher(created.body());
            assertThat(m.find()).isTrue();
            id = m.group(1);
            assertThat(created.body()).contains("\"participate\":\"http://localhost:" + port + "/api/v1/events/" + id + "/participants\"");
        } finally {
            stop(first);
        }
        assertThat(workDir.resolve("data").resolve("mariadb")).isDirectory();

        Process second = start(workDir, env, "second");
        try {
            awaitReady(port, second);
            HttpResponse<String> fetched = send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + id)).GET());
            assertThat(fetched.statusCode()).isEqualTo(200);
            assertThat(fetched.body()).contains("\"title\":\"Survives\"").contains("\"start\":\"2027-06-01T08:00:00Z\"");
        } finally {
            stop(second);
        }
    }

    @Test
    void refuses_to_start_with_a_malformed_variable_and_names_it() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "startup-it-" + UUID.randomUUID()).toAbsolutePath());
        Process p = start(workDir, Map.of("PORT", "eighty"), "bad-port");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(workDir.resolve("bad-port.log")))
                .contains("slotpoll: configuration error: PORT must be a whole number (was \"eighty\")");
    }

    private static Process start(Path workDir, Map<String, String> env, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile());
        for (String var : new String[] {"PORT", "DB_URL", "DB_USER", "DB_PASSWORD", "PUBLIC_BASE_URL", "SLOTPOLL_DATA_DIR", "DB_POOL_SIZE"}) {
            builder.environment().remove(var);
        }
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitReady(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the service exited early").isTrue();
            try {
                if (send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).GET()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within 120 s");
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean isFree(int port) {
        try {
            new ServerSocket(port).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
