package io.slotpoll.http;

import io.slotpoll.problem.ProblemType;
import io.slotpoll.text.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors the HTTP server answers before a request reaches the router (a malformed URI, a
 * URI or headers too large) become problem+json too, instead of Jetty's HTML page.
 */
public final class ServerErrors extends ErrorHandler {

    private final ObjectMapper mapper;
    private final SecurityHeaders headers;

    public ServerErrors(ObjectMapper mapper, SecurityHeaders headers) {
        this.mapper = mapper;
        this.headers = headers;
    }

    /** Jetty writes error bodies only for GET, POST and HEAD by default; every method gets a problem here. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        headers.all().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private byte[] body(int status, String message) {
        ProblemType type = ProblemType.forStatus(status);
        String detail = message == null || message.isBlank() ? type.title() : Text.shorten(message);
        try {
            return mapper.writeValueAsBytes(new Problems.Problem(type.uri(), type.title(), status, detail, List.of(), null));
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
