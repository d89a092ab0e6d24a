package io.slotpoll.http;

import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import io.slotpoll.problem.FieldError;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes RFC 9457 problem details; the only place a problem body is shaped. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** The body of every error answer; {@code errors} is empty unless fields were invalid. */
    public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
            @JsonInclude(JsonInclude.Include.NON_NULL) String requestId) {
    }

    private final ObjectMapper mapper;

    public Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(Context ctx, ProblemException e) {
        write(ctx, e.type(), e.getMessage(), e.errors());
    }

    public void write(Context ctx, ProblemType type, String detail, List<FieldError> errors) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, errors, RequestIds.get(ctx));
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = ("{\"type\":\"" + ProblemType.INTERNAL.uri() + "\",\"status\":500}").getBytes(StandardCharsets.UTF_8);
        }
        ctx.status(type.status());
        ctx.contentType(CONTENT_TYPE);
        ctx.result(body);
    }
}
