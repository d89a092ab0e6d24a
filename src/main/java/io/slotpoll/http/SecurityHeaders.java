package io.slotpoll.http;

import java.util.Map;

/**
 * Headers every answer carries, whether the router or the HTTP server (before routing)
 * wrote it: no MIME sniffing, no referrer, a content policy that allows nothing (answers
 * are JSON, never rendered), and no caching of answers that may hold tokens.
 */
public final class SecurityHeaders {

    public static final Map<String, String> ALL = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Cache-Control", "no-store");

    private SecurityHeaders() {
    }
}
