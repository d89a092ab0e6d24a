package io.slotpoll.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests the HTTP server refuses before routing still get problem+json, not an HTML page. */
class ServerErrorsTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    @Test
    void a_patch_with_a_malformed_uri_gets_a_problem_body_too() throws Exception {
        String response = raw(String.join("\r\n", "PATCH /api/v1/events/%C0%AF%FF HTTP/1.1", "Host: localhost",
                "Connection: close", "Content-Length: 0", "", ""));
        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"status\":400", "X-Content-Type-Options: nosniff");
    }

    @Test
    void a_malformed_uri_is_a_problem() throws Exception {
        String response = raw("GET /api/v1/events/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"type\":\"https://slotpoll.io/problems/malformed-request\"", "\"status\":400");
        assertThat(response).contains("X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer",
                "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'", "Cache-Control: no-store");
    }

    @Test
    void a_too_long_uri_is_a_problem() {
        ApiClient.Response r = APP.client().get("/api/v1/events/" + "a".repeat(9000)).offContract().send();
        assertThat(r.status()).isEqualTo(414);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().path("type").asText()).isEqualTo("https://slotpoll.io/problems/uri-too-long");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void too_large_headers_are_a_problem() {
        ApiClient.Response r = APP.client().get("/health").header("X-Padding", "a".repeat(20_000)).offContract().send();
        assertThat(r.status()).isEqualTo(431);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(431);
    }

    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), APP.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
