package io.slotpoll.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * AWS at its network edge: a loopback HTTP server that speaks the two protocols the
 * service uses, for the real AWS SDK pointed at it with {@code endpointOverride}.
 * Secrets Manager (JSON 1.1, {@code X-Amz-Target: secretsmanager.GetSecretValue}) answers
 * the secret string currently set; CloudWatch PutMetricData (Smithy RPC v2 CBOR) answers
 * an empty CBOR map; SES v2 SendEmail (REST-JSON) answers a MessageId, or 429
 * {@code TooManyRequestsException} while {@link #throttleSes} says so. Every request is recorded, its body unzipped if it came gzipped.
 */
public final class AwsStub implements AutoCloseable {

    /** One request as received. */
    @SuppressWarnings("ArrayRecordComponent") // a received body, read by tests, never compared whole
    public record Call(String method, String path, String target, String protocol, byte[] body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> secretString = new AtomicReference<>("{}");
    private final java.util.concurrent.atomic.AtomicInteger sesThrottles = new java.util.concurrent.atomic.AtomicInteger();

    public AwsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Points a real SDK client builder at this stub, with a fixed region and dummy credentials. */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "stub-secret-key")))
                .build();
    }

    /** The next {@code times} SES v2 SendEmail calls answer 429 {@code TooManyRequestsException}. */
    public void throttleSes(int times) {
        sesThrottles.set(times);
    }

    public void secretString(String value) {
        secretString.set(value);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            // the SDK compresses PutMetricData bodies
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String protocol = exchange.getRequestHeaders().getFirst("Smithy-Protocol");
        calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), target, protocol, body));
        if ("secretsmanager.GetSecretValue".equals(target)) {
            String json = "{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:slotpoll-db\","
                    + "\"Name\":\"slotpoll-db\",\"SecretString\":" + quote(secretString.get()) + "}";
            send(exchange, 200, "application/x-amz-json-1.1", json.getBytes(StandardCharsets.UTF_8));
        } else if ("POST".equals(exchange.getRequestMethod())
                && "/v2/email/outbound-emails".equals(exchange.getRequestURI().getPath())) {
            // SES v2 SendEmail (REST-JSON): throttled while asked to, else accepted with a MessageId
            if (sesThrottles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "TooManyRequestsException");
                send(exchange, 429, "application/json",
                        "{\"message\":\"Maximum sending rate exceeded.\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, "application/json",
                        ("{\"MessageId\":\"stub-" + calls.size() + "\"}").getBytes(StandardCharsets.UTF_8));
            }
        } else if (exchange.getRequestURI().getPath().endsWith("/operation/PutMetricData")) {
            exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
            send(exchange, 200, "application/cbor", new byte[] {(byte) 0xA0});
        } else {
            send(exchange, 400, "application/json", "{\"__type\":\"UnknownOperation\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String quote(String text) {
        return ApiClient.JSON.valueToTree(text).toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
