package io.slotpoll.guard;

import io.javalin.http.Context;

/**
 * The address a request came from. Behind the ALB ({@code TRUST_PROXY=true}) it is the
 * rightmost {@code X-Forwarded-For} entry, the one the load balancer appended: entries to
 * its left are whatever the client sent and can be forged. Otherwise it is the peer of the
 * TCP connection and {@code X-Forwarded-For} is ignored.
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    public static String of(Context ctx, boolean trustProxy) {
        if (trustProxy) {
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
