package io.slotpoll.guard;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;

/**
 * CORS for an allow-list of origins ({@code CORS_ALLOWED_ORIGINS}); off when the list is
 * empty, so browsers on other origins cannot read answers. Origins match exactly
 * (scheme, host and port); credentials are never allowed, tokens travel in
 * {@code Authorization}, which a preflight must name.
 */
public final class Cors {

    static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String REQUEST_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Request-Id";
    static final String EXPOSED_HEADERS = "Location, ETag, Retry-After, Idempotent-Replayed, X-Request-Id, "
            + "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;

    public Cors(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /** A before-handler: marks answers to allowed origins readable. */
    public void headers(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        if (!origins.isEmpty()) {
            ctx.header("Vary", "Origin");
        }
    }

    /**
     * A before-handler for {@code OPTIONS}: a preflight from an allowed origin is answered
     * 204 here; any other {@code OPTIONS} goes on to the router, which has no such route.
     */
    public void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (!HandlerType.OPTIONS.equals(ctx.method()) || origin == null || !origins.contains(origin)
                || ctx.header("Access-Control-Request-Method") == null) {
            return;
        }
        ctx.header("Access-Control-Allow-Methods", METHODS);
        ctx.header("Access-Control-Allow-Headers", REQUEST_HEADERS);
        ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        ctx.status(204);
        ctx.skipRemainingHandlers();
    }
}
