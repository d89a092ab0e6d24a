package io.slotpoll.calendar;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.CapturedLogs;
import io.slotpoll.testing.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Feeds fetched from an HTTPS server on loopback (a self-signed certificate for
 * calendar.test, made by keytool for this run). The allowed app may reach that one address,
 * a permission only code can give (no configuration value can); the guarded app has the
 * same resolver and trust but the service's own rule, public addresses only: every URL below
 * that would reach the loopback server, or any private or reserved address, is a 422 and the
 * server sees no request.
 */
class FeedFetchApiTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final SSLContext TLS = selfSigned();
    private static HttpsServer server;
    private static int port;

    /** calendar.test and localhost are the loopback server; IP literals are themselves; nothing else resolves. */
    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host.equals("calendar.test") || host.equals("localhost")) {
            return List.of(LOOPBACK);
        }
        boolean ipv6 = host.contains(":");
        boolean dottedQuad = host.matches("[0-9]+(\\.[0-9]+){3}");
        if (ipv6 || dottedQuad) {
            return List.of(InetAddress.getByName(host));
        }
        throw new UnknownHostException(host);
    }

    private static FeedFetcher.Network network(boolean allowLoopbackServer) {
        return new FeedFetcher.Network(FeedFetchApiTest::resolve, TLS.getSocketFactory(),
                a -> FeedFetcher.isPublic(a) || (allowLoopbackServer && a.equals(LOOPBACK)));
    }

    /** A key pair and certificate for calendar.test, localhost and 127.0.0.1, made by the JDK's keytool. */
    private static SSLContext selfSigned() {
        try {
            Path dir = Files.createTempDirectory("feed-tls");
            Path keystore = dir.resolve("server.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "feed", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=calendar.test",
                    "-ext", "SAN=dns:calendar.test,dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(keytool.waitFor()).as(output).isZero();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, "changeit".toCharArray());
            }
            return context(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startServer() throws IOException {
        byte[] feed;
        try (InputStream in = Objects.requireNonNull(FeedFetchApiTest.class.getResourceAsStream("/calendars/google.ics"))) {
            feed = in.readAllBytes();
        }
        server = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TLS));
        server.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/feed.ics" -> send(exchange, 200, feed, true);
                case "/fixed.ics" -> send(exchange, 200, feed, false);
                case "/redirect" -> redirect(exchange, "/fixed.ics");
                case "/loop" -> redirect(exchange, "/loop");
                case "/to-loopback-2" -> redirect(exchange, "https://127.0.0.2:" + port + "/feed.ics");
                case "/to-http" -> redirect(exchange, "http://calendar.test:" + port + "/feed.ics");
                case "/bad-location" -> redirect(exchange, "https://exa mple.test/ x|y");
                case "/big" -> send(exchange, 200, new byte[3 << 20], true);
                case "/slow" -> {
                    try {
                        Thread.sleep(7_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(exchange, 200, feed, false);
                }
                default -> send(exchange, 404, new byte[0], false);
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    private static SSLContext context(KeyStore store) throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body, boolean chunked)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
        exchange.sendResponseHeaders(status, chunked ? 0 : (body.length == 0 ? -1 : body.length));
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the client gave up (too large, too slow): nothing to tell it
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @RegisterExtension
    static final TestApp ALLOWED = new TestApp(Map.of(), Clock.systemUTC(), database -> { }, network(true));

    @RegisterExtension
    static final TestApp GUARDED = new TestApp(Map.of(), Clock.systemUTC(), database -> { }, network(false));

    private static String poll(TestApp app) {
        return createEvent(app.client(), event("Europe/Berlin", 30, window("2027-03-26T09:00", "2027-03-26T13:00"),
                window("2027-03-29T09:00", "2027-03-29T13:00"))).path("id").asText();
    }

    private static ApiClient.Response fetch(TestApp app, String id, String url) {
        return app.client().post("/api/v1/events/" + id + "/availability-from-calendar")
                .json(ApiClient.object().put("url", url)).invalid().send();
    }

    private static final String GOOGLE = "{\"availability\":["
            + "{\"start\":\"2027-03-26T08:00:00Z\",\"end\":\"2027-03-26T10:00:00Z\",\"preference\":\"yes\"},"
            + "{\"start\":\"2027-03-26T10:30:00Z\",\"end\":\"2027-03-26T12:00:00Z\",\"preference\":\"yes\"},"
            + "{\"start\":\"2027-03-29T07:00:00Z\",\"end\":\"2027-03-29T08:00:00Z\",\"preference\":\"ifneedbe\"},"
            + "{\"start\":\"2027-03-29T08:00:00Z\",\"end\":\"2027-03-29T11:00:00Z\",\"preference\":\"yes\"}]}";

    @Test
    void an_allowed_feed_is_fetched_chunked_or_not_by_https_or_webcal_through_a_redirect() {
        String id = poll(ALLOWED);
        for (String url : List.of("https://calendar.test:" + port + "/feed.ics", "webcal://calendar.test:" + port + "/fixed.ics",
                "https://calendar.test:" + port + "/redirect")) {
            ApiClient.Response r = fetch(ALLOWED, id, url);
            assertThat(r.status()).as(url + ": " + r.body()).isEqualTo(200);
            assertThat(r.body()).as(url).isEqualTo(GOOGLE);
        }
    }

    @Test
    void limits_on_redirects_size_time_and_scheme() {
        String id = poll(ALLOWED);
        assertThat(unreachable(ALLOWED, id, "/loop")).endsWith("it redirects more than 3 times");
        assertThat(unreachable(ALLOWED, id, "/big")).endsWith("it is larger than 2 MiB");
        assertThat(unreachable(ALLOWED, id, "/to-http")).endsWith("only https (or webcal) feeds are fetched");
        assertThat(unreachable(ALLOWED, id, "/to-loopback-2")).endsWith("its host resolves to an address that is not public");
        long started = System.nanoTime();
        assertThat(unreachable(ALLOWED, id, "/slow")).endsWith("it did not answer within 5 s");
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(4_500L, 6_900L);
        assertThat(unreachable(ALLOWED, id, "/missing")).endsWith("its server answered HTTP 404");
        assertThat(unreachable(ALLOWED, id, "/bad-location")).endsWith("it redirects to a malformed address");
        ApiClient.Response badPort = fetch(ALLOWED, id, "https://calendar.test:99999/feed.ics");
        assertProblem(badPort, 422);
        assertThat(badPort.text("detail")).endsWith("its port is not a port");
    }

    private static String unreachable(TestApp app, String id, String path) {
        ApiClient.Response r = fetch(app, id, "https://calendar.test:" + port + path);
        assertProblem(r, 422);
        assertThat(r.text("type")).isEqualTo("https://slotpoll.io/problems/calendar-unreachable");
        assertThat(r.body()).as("the URL is never repeated").doesNotContain("calendar.test");
        return r.text("detail");
    }

    @Test
    void with_the_service_rule_nothing_private_or_reserved_is_ever_connected_to() {
        String id = poll(GUARDED);
        int before = REQUESTS.get();
        for (String url : List.of(
                "https://calendar.test:" + port + "/feed.ics",        // a name that resolves to loopback (test resolver)
                "https://calendar.test:" + port + "/redirect",
                "https://localhost:" + port + "/feed.ics",
                "https://127.0.0.1:" + port + "/feed.ics",
                "https://[::1]:" + port + "/feed.ics",
                "https://[::ffff:127.0.0.1]:" + port + "/feed.ics",   // IPv4-mapped
                "https://[::127.0.0.1]:" + port + "/feed.ics",        // IPv4-compatible
                "https://[64:ff9b::7f00:1]:" + port + "/feed.ics",    // NAT64 of 127.0.0.1
                "https://[2002:7f00:1::1]:" + port + "/feed.ics",     // 6to4 of 127.0.0.1
                "https://169.254.169.254/latest/meta-data/",          // the instance metadata service
                "https://[fd00:ec2::254]/latest/meta-data/",          // its IPv6 address
                "https://2130706433:" + port + "/feed.ics",           // 127.0.0.1 in decimal
                "https://0177.0.0.1:" + port + "/feed.ics",           // in octal
                "https://0x7f.0.0.1:" + port + "/feed.ics",           // in hex
                "https://127.1:" + port + "/feed.ics",                // shortened
                "https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.1.1/", "https://100.64.0.1/",
                "https://0.0.0.0:" + port + "/", "https://224.0.0.1/", "https://255.255.255.255/",
                "https://[fe80::1]/", "https://[fc00::1]/", "https://[ff02::1]/",
                "http://calendar.test:" + port + "/feed.ics", "ftp://calendar.test/feed.ics", "file:///etc/passwd",
                "https://user:secret@calendar.test:" + port + "/feed.ics", "https://nowhere.invalid/feed.ics", "not a url",
                "https://calendar.test:99999/feed.ics", "https://[::1/feed.ics", "https://under_score.test/feed.ics",
                "https:///feed.ics", "webcal:opaque")) {
            ApiClient.Response r = fetch(GUARDED, id, url);
            assertThat(r.status()).as(url + ": " + r.body()).isEqualTo(422);
            assertThat(r.text("type")).as(url).isEqualTo("https://slotpoll.io/problems/calendar-unreachable");
        }
        assertThat(REQUESTS.get()).as("requests that reached the loopback server").isEqualTo(before);
    }

    @Test
    void a_feed_url_is_a_secret_no_answer_and_no_log_line_repeats_it() {
        String secret = "s3cr3t-f33d-t0k3n-4b9c";
        List<ApiClient.Response> answers = new java.util.ArrayList<>();
        List<String> lines;
        try (CapturedLogs logs = new CapturedLogs()) {
            String allowed = poll(ALLOWED);
            answers.add(fetch(ALLOWED, allowed, "https://calendar.test:" + port + "/feed.ics?token=" + secret));
            answers.add(fetch(ALLOWED, allowed, "https://calendar.test:" + port + "/missing?token=" + secret));
            answers.add(fetch(GUARDED, poll(GUARDED), "https://calendar.test:" + port + "/feed.ics?token=" + secret));
            answers.add(fetch(GUARDED, poll(GUARDED), "https://" + secret + ".invalid/feed.ics"));
            lines = logs.lines();
        }
        assertThat(answers).extracting(ApiClient.Response::status).containsExactly(200, 422, 422, 422);
        assertThat(answers).allSatisfy(r -> assertThat(r.toString()).doesNotContain(secret));
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(secret));
    }
}
