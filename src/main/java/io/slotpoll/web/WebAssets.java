package io.slotpoll.web;

import io.javalin.http.Context;
import io.slotpoll.http.EntityTags;
import io.slotpoll.http.SecurityHeaders;
import io.slotpoll.text.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fixed table of URL paths to files on the classpath, read once at start (a missing file
 * fails the start, not a request). Each answer has a strong ETag (a hash of the bytes) and
 * honours {@code If-None-Match}. Files under a versioned webjar path never change, so they
 * may be cached for a year; our own files and pages are revalidated on every use
 * ({@code no-cache}), so a deploy is seen at once. Pages get {@link SecurityHeaders#PAGE_POLICY}.
 * Compression is Javalin's (gzip or brotli when the client accepts it).
 */
public final class WebAssets {

    /** The Swagger UI webjar's version: its files are served under this path and nowhere else. */
    public static final String SWAGGER_UI = "5.34.1";

    private static final String SWAGGER_ROOT = "META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI + "/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";

    /** The bytes are served, never compared: a record's array equality does not matter here. */
    @SuppressWarnings("ArrayRecordComponent")
    private record Asset(byte[] bytes, String contentType, String etag, String cacheControl, boolean page) {
    }

    private final Map<String, Asset> byPath;

    private WebAssets(Map<String, Asset> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    /** The app's ES modules, served under /app/ (no build step: what is here is what runs). */
    private static final List<String> APP_MODULES = List.of("app.js", "answer.js", "api.js", "create.js", "dom.js",
            "grid.js", "group.js", "i18n.js", "mail.js", "manage.js", "paint.js", "participate.js", "poll-data.js", "poll-parts.js", "store.js",
            "time.js");

    /** The message catalogs, one per language, served under /app/i18n/ (web/app/i18n.js lists them too). */
    public static final List<String> LANGUAGES = Languages.ALL;

    /** The page shell's mark that tells the pages whether this service sends mail. */
    private static final String MAIL_OFF = "<meta name=\"slotpoll-mail\" content=\"off\">";

    /** {@link #load(boolean)} for a service without mail. */
    public static WebAssets load() {
        return load(false);
    }

    /**
     * The web app (one page shell for "/", "/e/{id}", "/e/{id}/manage", "/recover" and
     * "/stop", its modules and style), the API reference (Swagger UI over /openapi.yaml) and
     * the contract file itself. With {@code mail} the shell says so, and the pages offer the
     * address fields and "lost your link?".
     */
    public static WebAssets load(boolean mail) {
        Map<String, Asset> assets = new LinkedHashMap<>();
        byte[] shell = read("web/app/index.html");
        if (mail) {
            String html = new String(shell, StandardCharsets.UTF_8);
            if (!html.contains(MAIL_OFF)) {
                throw new IllegalStateException("web/app/index.html has lost its " + MAIL_OFF);
            }
            shell = html.replace(MAIL_OFF, MAIL_OFF.replace("off", "on")).getBytes(StandardCharsets.UTF_8);
        }
        for (String path : List.of("/", "/e/{eventId}", "/e/{eventId}/manage", "/recover", "/stop")) {
            assets.put(path, new Asset(shell, "text/html; charset=utf-8", EntityTags.strong(hash(shell)), REVALIDATE, true));
        }
        for (String module : APP_MODULES) {
            own(assets, "/app/" + module, "web/app/" + module, "text/javascript; charset=utf-8");
        }
        for (String language : LANGUAGES) {
            own(assets, "/app/i18n/" + language + ".json", "web/app/i18n/" + language + ".json",
                    "application/json; charset=utf-8");
        }
        own(assets, "/app/app.css", "web/app/app.css", "text/css; charset=utf-8");
        own(assets, "/app/icon.svg", "web/app/icon.svg", "image/svg+xml");
        page(assets, "/docs", "web/docs/index.html");
        own(assets, "/docs/init.js", "web/docs/init.js", "text/javascript; charset=utf-8");
        own(assets, "/docs/docs.css", "web/docs/docs.css", "text/css; charset=utf-8");
        own(assets, "/openapi.yaml", "web/openapi.yaml", "application/yaml; charset=utf-8");
        String webjar = "/webjars/swagger-ui/" + SWAGGER_UI + "/";
        assets.put(webjar + "swagger-ui-bundle.js", asset(SWAGGER_ROOT + "swagger-ui-bundle.js",
                "text/javascript; charset=utf-8", IMMUTABLE, false));
        assets.put(webjar + "swagger-ui.css", asset(SWAGGER_ROOT + "swagger-ui.css", "text/css; charset=utf-8",
                IMMUTABLE, false));
        assets.put(webjar + "favicon-32x32.png", asset(SWAGGER_ROOT + "favicon-32x32.png", "image/png", IMMUTABLE,
                false));
        return new WebAssets(assets);
    }

    private static void page(Map<String, Asset> assets, String path, String resource) {
        assets.put(path, asset(resource, "text/html; charset=utf-8", REVALIDATE, true));
    }

    private static void own(Map<String, Asset> assets, String path, String resource, String contentType) {
        assets.put(path, asset(resource, contentType, REVALIDATE, false));
    }

    public Set<String> paths() {
        return byPath.keySet();
    }

    /** GET or HEAD of one of {@link #paths()}: 304 when the client's copy is current. */
    public void serve(Context ctx) {
        Asset asset = byPath.get(ctx.endpoints().lastHttpEndpoint().path);
        ctx.header("ETag", asset.etag());
        ctx.header("Cache-Control", asset.cacheControl());
        if (asset.page()) {
            ctx.header("Content-Security-Policy", SecurityHeaders.PAGE_POLICY);
        }
        if (EntityTags.noneMatchHits(ctx.header("If-None-Match"), asset.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType());
        ctx.result(asset.bytes());
    }

    private static Asset asset(String resource, String contentType, String cacheControl, boolean page) {
        byte[] bytes = read(resource);
        return new Asset(bytes, contentType, EntityTags.strong(hash(bytes)), cacheControl, page);
    }

    private static byte[] read(String resource) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
