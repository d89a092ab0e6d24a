package io.slotpoll.http;

import io.javalin.http.Context;

/** Conditional reads: the ETag on every answer, and 304 when the client's copy is current. */
public final class Conditional {

    private Conditional() {
    }

    /**
     * Sets {@code ETag} and {@code Cache-Control: no-cache} (the client asks again each time,
     * with its tag); answers 304 and returns true when {@code If-None-Match} names the tag.
     */
    public static boolean notModified(Context ctx, String etag) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        if (EntityTags.noneMatchHits(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return true;
        }
        return false;
    }
}
