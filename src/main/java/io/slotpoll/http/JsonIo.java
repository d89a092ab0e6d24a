package io.slotpoll.http;

import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.Errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Reads request bodies and writes JSON answers with the one mapper. */
public final class JsonIo {

    private final ObjectMapper mapper;
    private final JsonBody body;

    public JsonIo(ObjectMapper mapper) {
        this.mapper = mapper;
        this.body = new JsonBody(mapper);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The request body as a JSON object whose fields record errors into {@code errors}. */
    public ObjectFields read(Context ctx, Errors errors) {
        return body.read(ctx, errors);
    }

    /**
     * Like {@link #read}, but a body that cannot be read is recorded in {@code errors}
     * instead of thrown, and reads as an empty object: the caller's write throws it in its
     * turn, after the 404 and 401/403 checks.
     */
    public ObjectFields readLater(Context ctx, Errors errors) {
        try {
            return body.read(ctx, errors);
        } catch (ProblemException e) {
            errors.unreadable(e);
            return ObjectFields.empty(errors);
        }
    }

    public void write(Context ctx, int status, Object value) {
        byte[] bytes = bytes(value);
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(bytes);
    }

    public byte[] bytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
