package io.slotpoll.testing;

import static org.assertj.core.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP client for API tests that holds the server to docs/openapi.yaml: every request
 * the test means to be valid and every response is validated against the contract, and
 * a mismatch fails the test. Requests built with {@link Call#invalid()} are deliberately
 * wrong, so only their responses are validated; {@link Call#offContract()} skips both
 * (for paths the contract does not list).
 */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** The packaged contract, read as text: in failsafe runs it sits inside the jar, which the parser cannot open by URL. */
    private static final OpenApiInteractionValidator CONTRACT = OpenApiInteractionValidator
            .createForInlineApiSpecification(contract())
            .build();

    private static String contract() {
        try (InputStream in = Objects.requireNonNull(ApiClient.class.getResourceAsStream("/web/openapi.yaml"),
                "docs/openapi.yaml is not on the test classpath")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String base) {
        this.base = base;
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call post(String path) {
        return call("POST", path);
    }

    public Call put(String path) {
        return call("PUT", path);
    }

    public Call patch(String path) {
        return call("PATCH", path);
    }

    public Call delete(String path) {
        return call("DELETE", path);
    }

    /** One request being built. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean validateRequest = true;
        private boolean validateResponse = true;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call json(Object value) {
            try {
                body = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Call body(byte[] bytes, String contentType) {
            body = bytes;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** The request is deliberately invalid: validate only the response. */
        public Call invalid() {
            validateRequest = false;
            return this;
        }

        /** The path is not in the contract at all (e.g. an unknown route). */
        public Call offContract() {
            validateRequest = false;
            validateResponse = false;
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(builder::header);
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> raw;
            try {
                raw = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Response response = new Response(raw.statusCode(), raw.headers().map(), new String(raw.body(), StandardCharsets.UTF_8));
            checkContract(response);
            return response;
        }

        private void checkContract(Response response) {
            if (!validateRequest && !validateResponse) {
                return;
            }
            String rawPath = path;
            String query = null;
            int q = path.indexOf('?');
            if (q >= 0) {
                rawPath = path.substring(0, q);
                query = path.substring(q + 1);
            }
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, rawPath);
            headers.forEach(request::withHeader);
            if (body != null) {
                request.withBody(body);
            }
            if (query != null) {
                for (String pair : query.split("&", -1)) {
                    String[] kv = pair.split("=", 2);
                    request.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
            response.headers().forEach((name, values) -> answer.withHeader(name, values));
            if (!response.body().isEmpty()) {
                answer.withBody(response.body());
            }
            if (validateRequest) {
                report("request", CONTRACT.validateRequest(request.build()), response);
            }
            if (validateResponse) {
                report("response", CONTRACT.validateResponse(rawPath, Request.Method.valueOf(method), answer.build()), response);
            }
        }

        private void report(String what, ValidationReport report, Response response) {
            if (report.hasErrors()) {
                fail("%s %s: %s does not match docs/openapi.yaml:%n%s%nstatus %d body %s", method, path, what,
                        report.getMessages(), response.status(), response.body());
            }
        }
    }

    /** A response with its status, headers and body. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return e.getValue().isEmpty() ? null : e.getValue().getFirst();
                }
            }
            return null;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public String text(String field) {
            return json().path(field).asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
