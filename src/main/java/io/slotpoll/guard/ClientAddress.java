package io.slotpoll.guard;

import io.javalin.http.Context;

/**
 * Where the address a request came from is read. Behind the ALB ({@code TRUST_PROXY=true},
 * {@link #LAST_FORWARDED}) it is the rightmost {@code X-Forwarded-For} entry, the one the
 * load balancer appended: entries to its left are whatever the client sent and can be
 * forged. Otherwise ({@link #PEER}) it is the peer of the TCP connection and
 * {@code X-Forwarded-For} is ignored.
 */
public enum ClientAddress {
    PEER,
    LAST_FORWARDED;

    private static final int MAX_LENGTH = 64;

    public String of(Context ctx) {
        if (this == LAST_FORWARDED) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null) {
                String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
                if (!last.isEmpty() && last.length() <= MAX_LENGTH) {
                    return last;
                }
            }
        }
        return ctx.req().getRemoteAddr();
    }
}
