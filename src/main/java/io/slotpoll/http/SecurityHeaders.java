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

    /**
     * The content policy of pages (it replaces the API's): scripts, styles, fonts and
     * connections only from this origin, images also as data: URLs (icons inside CSS), no
     * inline script, no eval, no framing, no plugins, forms only to this origin.
     */
    public static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }
}
