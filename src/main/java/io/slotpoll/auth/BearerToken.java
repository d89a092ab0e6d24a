package io.slotpoll.auth;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Pattern;

/** Extracts the token of an {@code Authorization: Bearer <token>} header; any other form counts as none. */
public final class BearerToken {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,128}");

    private BearerToken() {
    }

    public static Optional<String> from(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return TOKEN.matcher(token).matches() ? Optional.of(token) : Optional.empty();
    }
}
