package io.slotpoll.hardening;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sends 10,000 seeded, generated hostile requests over HTTP (plus raw-socket ones the JDK
 * client refuses to send) across every endpoint: wrong types, missing and extra fields,
 * huge numbers, deep nesting, long strings, invalid UTF-8, odd times, thousands of
 * windows, SQL and HTML in names, bad ids, wrong methods and content types. No answer may
 * be a 5xx, every answer must carry the security headers, every error must be well-formed problem+json, a sentinel event nobody has the
 * tokens of must be unchanged, and the service must stay ready. The status distribution
 * is written to target/fuzz-report.txt.
 */
class FuzzApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final long SEED = 20261122L;
    private static final int HTTP_REQUESTS = 10_000;
    private static final int RAW_REQUESTS = 600;
    private static final int THREADS = 4;

    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "POST", "PATCH", "PUT", "OPTIONS", "HEAD"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
        "application/json; charset=utf-8", "text/plain", "application/json; charset=latin1", "application/xml",
        "multipart/form-data; boundary=x", null, "application/x-www-form-urlencoded", "*/*", "application/json;;;"};
    private static final String[] STRINGS = {"", " ", "Ana", "'; DROP TABLE event; --", "\" OR 1=1 --",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "%00", "\u0000",
        "\uD83D\uDE00", "\u202Eevil", "Robert'); DELETE FROM participant;--", "null", "true", "0", "-1",
        "America/New_York", "Asia/Kathmandu", "Australia/Eucla", "Mars/Olympus", "UTC", "+05:45", "Z",
        "2027-01-01T10:00", "2027-01-01T10:00:00Z", "2027-13-01T10:00", "2027-01-01 10:00", "2027-01-01T10:00:00.5Z",
        "2027-01-01T10:00:30", "+275760-09-13T00:00:00Z", "0000-01-01T00:00", "1969-12-31T23:59Z", "9999-12-31T23:59",
        "2027-03-14T02:30", "2027-11-07T01:30", "10:00", "2027-01-01T25:00", "2027-02-29T10:00", "yes", "ifNeedBe", "no",
        "open", "closed", "OPEN"};
    private static final String[] FIELDS = {"title", "description", "durationMinutes", "slotStepMinutes", "timezone",
        "proposedWindows", "deadline", "status", "name", "availability", "required", "start", "end", "preference", "x", ""};

    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger resent = new AtomicInteger();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void ten_thousand_hostile_requests_get_no_5xx_and_change_nothing_they_may_not() throws Exception {
        ApiClient api = APP.client();
        JsonNode sentinel = createEvent(api, event("Asia/Kathmandu", 60, window("2027-01-01T10:00", "2027-01-01T14:00")));
        String sentinelId = sentinel.path("id").asText();
        join(api, sentinelId, participant("Keeper", "UTC", window("2027-01-01T04:15", "2027-01-01T08:15")));
        String sentinelBefore = snapshot(api, sentinelId);
        JsonNode playground = createEvent(api, event("America/St_Johns", 30, window("2027-01-01T10:00", "2027-01-01T18:00")));
        JsonNode player = join(api, playground.path("id").asText(), participant("Player", "UTC"));
        Target target = new Target(playground.path("id").asText(), player.path("id").asText(),
                playground.path("adminToken").asText(), player.path("editToken").asText(), sentinelId);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + APP.port();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                Random random = new Random(SEED + thread);
                for (int i = thread; i < HTTP_REQUESTS; i += THREADS) {
                    sendHttp(http, base, generate(random, target));
                }
                for (int i = thread; i < RAW_REQUESTS; i += THREADS) {
                    sendRaw(rawRequest(random, target));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();

        int total = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        Map<Integer, Integer> distribution = new TreeMap<>();
        statuses.forEach((status, count) -> distribution.put(status, count.get()));
        Files.writeString(Path.of("target", "fuzz-report.txt"), "requests " + total + "\nstatuses " + distribution + "\nresent after a closed connection " + resent + "\n");
        System.out.println("fuzz: " + total + " requests, statuses " + distribution + ", resent " + resent);

        assertThat(failures).as("malformed answers").isEmpty();
        assertThat(total).isEqualTo(HTTP_REQUESTS + RAW_REQUESTS);
        assertThat(resent.get()).as("requests resent after the connection closed").isLessThan(HTTP_REQUESTS / 100);
        assertThat(distribution.keySet()).allMatch(s -> s < 500);
        assertThat(distribution.keySet()).contains(200, 201, 400, 401, 403, 404, 405, 413, 414, 415, 431);
        assertThat(snapshot(api, sentinelId)).isEqualTo(sentinelBefore);
        assertThat(api.get("/health/ready").send().status()).isEqualTo(200);
    }

    private record Target(String eventId, String participantId, String adminToken, String editToken, String sentinelId) {
    }

    @SuppressWarnings("ArrayRecordComponent") // a request to send, never compared
    private record Request(String method, String path, Map<String, String> headers, byte[] body) {
    }

    private static String snapshot(ApiClient api, String id) {
        return api.get("/api/v1/events/" + id).send().body() + api.get("/api/v1/events/" + id + "/participants").send().body()
                + api.get("/api/v1/events/" + id + "/recommendations?limit=100").send().body();
    }

    private Request generate(Random r, Target t) {
        String path = path(r, t);
        String method = r.nextInt(5) == 0 ? pick(r, METHODS) : pick(r, methodsFor(path));
        Map<String, String> headers = new TreeMap<>();
        String contentType = pick(r, CONTENT_TYPES);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        switch (r.nextInt(6)) {
            case 0 -> {
                // Valid tokens reach validation; with DELETE they would remove the playground itself.
                if (!method.equals("DELETE")) {
                    headers.put("Authorization", "Bearer " + (r.nextBoolean() ? t.adminToken() : t.editToken()));
                }
            }
            case 1 -> headers.put("Authorization", pick(r, new String[] {"Bearer", "Bearer ", "Basic YTpi", "Bearer "
                    + "x".repeat(5000), "Bearer " + t.adminToken() + "x", "bearer " + t.editToken()}));
            default -> { }
        }
        if (r.nextInt(5) == 0) {
            headers.put("If-Match", pick(r, new String[] {"\"1\"", "*", "W/\"1\"", "garbage", "\"99999999999999999999\"", "\"\""}));
        }
        if (r.nextInt(6) == 0) {
            headers.put("Idempotency-Key", pick(r, new String[] {"k-" + r.nextInt(50), "x".repeat(300), "ü", " "}));
        }
        if (r.nextInt(8) == 0) {
            headers.put("If-None-Match", pick(r, new String[] {"*", "\"1-1-0-UTC\"", "nonsense"}));
        }
        return new Request(method, path, headers, body(r, path));
    }

    /** The methods the contract lists for a path, so most requests get past routing to validation. */
    private static String[] methodsFor(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String[] parts = bare.split("/", -1);
        if (bare.equals("/api/v1/events")) {
            return new String[] {"POST"};
        }
        if (bare.endsWith("/availability")) {
            return new String[] {"PUT"};
        }
        if (bare.endsWith("/recommendations") || bare.startsWith("/health")) {
            return new String[] {"GET"};
        }
        if (bare.endsWith("/participants")) {
            return new String[] {"POST", "GET"};
        }
        return parts.length >= 5 ? new String[] {"GET", "PATCH", "DELETE"} : METHODS;
    }

    private static String path(Random r, Target t) {
        String eventId = switch (r.nextInt(8)) {
            case 0 -> t.sentinelId();
            case 1 -> "x".repeat(1 + r.nextInt(300));
            case 2 -> "%C0%AF%FF";
            case 3 -> "..%2F..%2Fetc%2Fpasswd";
            case 4 -> "%27%20OR%201%3D1";
            default -> t.eventId();
        };
        String pid = r.nextInt(4) == 0 ? "%00nope" : t.participantId();
        String query = r.nextInt(3) == 0 ? "" : "?" + pick(r, new String[] {"limit=", "limit=0", "limit=101", "limit=1e3",
            "limit=-5", "minAvailable=99999999999999", "timezone=Mars%2FOlympus", "timezone=Asia%2FKathmandu&limit=3",
            "minAvailable=1.5", "limit=10&limit=20", "timezone=", "%FF=%FF"});
        return switch (r.nextInt(9)) {
            case 0 -> "/api/v1/events";
            case 1, 2 -> "/api/v1/events/" + eventId;
            case 3 -> "/api/v1/events/" + eventId + "/participants";
            case 4 -> "/api/v1/events/" + eventId + "/participants/" + pid;
            case 5 -> "/api/v1/events/" + eventId + "/participants/" + pid + "/availability";
            case 6 -> "/api/v1/events/" + eventId + "/recommendations" + query;
            case 7 -> pick(r, new String[] {"/health", "/health/ready", "/", "/api", "/api/v2/events", "/api/v1/events/"
                    + "a".repeat(9000), "/api/v1/events//participants", "/api/v1/events/%2e%2e"});
            default -> "/api/v1/events/" + eventId + "/recommendations";
        };
    }

    private static byte[] body(Random r, String path) {
        int kind = r.nextInt(20);
        if (kind == 0) {
            return new byte[0];
        }
        if (kind == 1) {
            byte[] junk = new byte[1 + r.nextInt(200)];
            r.nextBytes(junk);
            return junk;
        }
        if (kind == 2) {
            return "{\"title\":\"\u00ff\",\"name\":\"".getBytes(StandardCharsets.ISO_8859_1);
        }
        if (kind == 3) {
            return ("{\"name\":\"" + new String(new byte[] {(byte) 0xC3, (byte) 0x28}, StandardCharsets.ISO_8859_1) + "\"}")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        if (kind == 4) {
            int depth = 10 + r.nextInt(3000);
            return ("{\"title\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 5) {
            return "{\"title\":\"a\",\"title\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 6) {
            return new byte[1024 * 1024 + 10];
        }
        if (kind == 7) {
            return "[1,2,3]".getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode body = path.endsWith("/availability") || path.endsWith("/participants")
                ? participant(pick(r, STRINGS), pick(r, STRINGS), window("2027-01-01T10:00", "2027-01-01T11:00", "yes"))
                : event(pick(r, STRINGS), 60, window("2027-01-01T10:00", "2027-01-01T12:00"));
        for (int m = 0; m < r.nextInt(4); m++) {
            mutate(r, body);
        }
        String text = body.toString();
        if (r.nextInt(15) == 0) {
            text = text.substring(0, r.nextInt(text.length()));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void mutate(Random r, ObjectNode body) {
        String field = pick(r, FIELDS);
        switch (r.nextInt(12)) {
            case 0 -> body.remove(field);
            case 1 -> body.put(field, pick(r, STRINGS));
            case 2 -> body.put(field, pick(r, new long[] {0, -1, 1, 5, 7, 60, 1441, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE}));
            case 3 -> body.put(field, r.nextBoolean() ? 1e308 : 60.5);
            case 4 -> body.putNull(field);
            case 5 -> body.put(field, r.nextBoolean());
            case 6 -> body.put(field, "x".repeat(r.nextBoolean() ? 201 : 100_001));
            case 7 -> body.putArray(field).add(1).add("two").addObject();
            case 8 -> body.putObject(field).put("start", pick(r, STRINGS));
            case 9 -> {
                ArrayNode windows = body.putArray(r.nextBoolean() ? "availability" : "proposedWindows");
                int n = pick(r, new int[] {0, 1, 199, 201, 499, 501, 3000});
                for (int i = 0; i < n; i++) {
                    windows.add(window(String.format("2027-01-%02dT%02d:00", 1 + i % 28, i % 24),
                            String.format("2027-01-%02dT%02d:30", 1 + i % 28, i % 24), pick(r, new String[] {"yes", "ifNeedBe"})));
                }
            }
            case 10 -> body.putArray(r.nextBoolean() ? "availability" : "proposedWindows")
                    .add(window(pick(r, STRINGS), pick(r, STRINGS), pick(r, STRINGS)))
                    .add(window("1970-01-01T00:00Z", "9998-12-31T00:00Z"));
            default -> body.put(field, "9".repeat(30 + r.nextInt(100)));
        }
    }

    private void sendHttp(HttpClient http, String base, Request req) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(base + req.path())).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            throw new AssertionError("generated an unsendable path " + req.path(), e);
        }
        req.headers().forEach(builder::header);
        builder.method(req.method(), HttpRequest.BodyPublishers.ofByteArray(req.body()));
        // A server that refuses a request before reading its body (a bad path) closes the
        // connection; a client still uploading a large body then gets a reset instead of the
        // answer. Large uploads wait for 100 Continue, as careful HTTP clients do.
        builder.expectContinue(req.body().length > 64 * 1024);
        try {
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // The server closes a connection after refusing a body it did not read (413,
                // 431); the JDK client may have reused that connection already, and another
                // pooled connection may be in the same state. One retry from a new client, on
                // a connection opened for it, tells that race from a server that does not answer.
                resent.incrementAndGet();
                try (HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                    answer = fresh.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                }
            }
            check(req.method() + " " + shorten(req.path()), req.method(), answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(""),
                    answer.headers().firstValue("X-Content-Type-Options").orElse(""), answer.body());
        } catch (IOException e) {
            failures.add(req.method() + " " + shorten(req.path()) + ": no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rawRequest(Random r, Target t) {
        String line = pick(r, new String[] {
            "GET /api/v1/events/\u00ff\u00fe HTTP/1.1",
            "GET /api/v1/events/" + t.eventId() + "\u00c3(/participants HTTP/1.1",
            "POST /api/v1/events HTTP/1.1",
            "GET /api/v1/events/" + t.eventId() + " HTTP/1.0",
            "BREW /api/v1/events HTTP/1.1",
            "GET /api/v1/events/%zz HTTP/1.1",
            "GET /api/v1/events/" + t.eventId() + "/recommendations?timezone=%E0%A4 HTTP/1.1",
            "TRACE /api/v1/events HTTP/1.1",
            "GET /../../etc/passwd HTTP/1.1"});
        String headers = "Host: localhost\r\nConnection: close\r\n"
                + pick(r, new String[] {"", "X-Weird: \u00ff\u00fe\r\n", "Content-Type: application/json\r\n",
                    "Authorization: Bearer \u00c3(\r\n", "X-Big: " + "y".repeat(20_000) + "\r\n"});
        byte[] body = r.nextBoolean() ? new byte[0] : "{\"title\":\"\u00c3(\"}".getBytes(StandardCharsets.ISO_8859_1);
        String head = line + "\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private void sendRaw(byte[] request) {
        String first = new String(request, 0, Math.min(60, request.length), StandardCharsets.ISO_8859_1).split("\r\n", -1)[0];
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), APP.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.") || headEnd < 0) {
                failures.add("raw " + first + ": not an HTTP answer: " + shorten(text));
                return;
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String contentType = "";
            String noSniff = "";
            for (String header : text.substring(0, headEnd).split("\r\n", -1)) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = header.substring(13).strip();
                } else if (lower.startsWith("x-content-type-options:")) {
                    noSniff = header.substring(23).strip();
                }
            }
            byte[] body = java.util.Arrays.copyOfRange(answer, headEnd + 4, answer.length);
            String method = first.split(" ", -1)[0];
            check("raw " + first, method, status, contentType, noSniff, body);
        } catch (IOException e) {
            failures.add("raw " + first + ": no answer: " + e);
        }
    }

    private void check(String what, String method, int status, String contentType, String noSniff, byte[] body) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (!noSniff.equals("nosniff")) {
            failures.add(what + ": " + status + " without X-Content-Type-Options: nosniff");
        }
        if (status >= 500) {
            failures.add(what + ": " + status + " " + shorten(new String(body, StandardCharsets.UTF_8)));
            return;
        }
        if (status < 400 || method.equals("HEAD")) {
            return;
        }
        if (!contentType.startsWith("application/problem+json")) {
            failures.add(what + ": " + status + " with Content-Type " + contentType);
            return;
        }
        try {
            JsonNode problem = ApiClient.JSON.readTree(body);
            if (problem.path("status").asInt() != status || !problem.path("type").asText().startsWith("https://slotpoll.io/problems/")
                    || problem.path("title").asText().isEmpty() || !problem.path("errors").isArray()) {
                failures.add(what + ": malformed problem " + shorten(problem.toString()));
            }
        } catch (IOException e) {
            failures.add(what + ": problem body is not JSON: " + shorten(new String(body, StandardCharsets.UTF_8)));
        }
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static long pick(Random r, long[] values) {
        return values[r.nextInt(values.length)];
    }

    private static int pick(Random r, int[] values) {
        return values[r.nextInt(values.length)];
    }
}
