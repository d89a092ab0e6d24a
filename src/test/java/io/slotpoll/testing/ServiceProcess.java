package io.slotpoll.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/slotpoll.jar}) as a separate process, for tests of
 * what only a process shows: start-up, restarts, signals, logs on stdout. The child's
 * environment keeps none of slotpoll's variables from the test JVM, only those given.
 */
public final class ServiceProcess {

    /** The packaged jar, next to its {@code lib/}. */
    public static final Path JAR = Path.of(System.getProperty("slotpoll.dist.dir", "../target"), "slotpoll.jar");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess() {
    }

    /** Starts {@code jar} in {@code workDir} with {@code env}; its output goes to {@code workDir/<name>.log}. */
    public static Process start(Path jar, Path workDir, Map<String, String> env, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("DB_") || variable.startsWith("LOG_")
                || variable.startsWith("CLOUDWATCH_") || variable.startsWith("METRICS_") || variable.startsWith("SHUTDOWN_")
                || variable.startsWith("RATE_LIMIT_") || variable.equals("PORT") || variable.equals("PUBLIC_BASE_URL")
                || variable.equals("SLOTPOLL_DATA_DIR"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Waits up to 120 s for {@code /health/ready} to answer 200; fails if the process exits first. */
    public static void awaitReady(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the service exited early").isTrue();
            try {
                if (send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).GET()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within 120 s");
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, then SIGKILL if it has not exited within 30 s. */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
