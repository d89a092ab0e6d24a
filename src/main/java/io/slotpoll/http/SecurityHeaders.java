package io.slotpoll.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers every answer carries, whether the router or the HTTP server (before routing)
 * wrote it: no MIME sniffing, no referrer, a content policy that allows nothing (answers
 * are JSON, never rendered), and no caching of answers that may hold tokens. Where the
 * service is reached over https (its public base URL says so: TLS ends at the load
 * balancer, so the request itself arrives as http), also {@code Strict-Transport-Security}
 * for a year, so a browser never again tries the site over plain http. It names no
 * subdomains and asks for no preload list: the service does not own its parent domain.
 */
public final class SecurityHeaders {

    /** One year: past the 180 days that scanners ask for, and what the preload list requires. */
    static final String STRICT_TRANSPORT = "max-age=31536000";

    private final Map<String, String> all;

    private SecurityHeaders(Map<String, String> all) {
        this.all = Map.copyOf(all);
    }

    /** The headers for a service whose links start with {@code publicBaseUrl}. */
    public static SecurityHeaders forBaseUrl(String publicBaseUrl) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("X-Content-Type-Options", "nosniff");
        all.put("Referrer-Policy", "no-referrer");
        all.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        all.put("Cache-Control", "no-store");
        if ("https".equalsIgnoreCase(URI.create(publicBaseUrl).getScheme())) {
            all.put("Strict-Transport-Security", STRICT_TRANSPORT);
        }
        return new SecurityHeaders(all);
    }

    /** Every header, by name. */
    public Map<String, String> all() {
        return all;
    }

    /**
     * The content policy of pages (it replaces the API's): scripts, styles, fonts and
     * connections only from this origin, images also as data: URLs (icons inside CSS), no
     * inline script, no eval, no framing, no plugins, forms only to this origin.
     */
    public static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
}
