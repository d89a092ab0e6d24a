package io.slotpoll.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.http.SecurityHeaders;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the browser loads. The app: one page shell for its three paths, its own modules small,
 * revalidated and compressed. The API reference: /docs is Swagger UI from the webjar under the page policy, every
 * file it loads comes from this server, and /openapi.yaml is docs/openapi.yaml byte for byte.
 */
class WebAssetsTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();

    @Test
    void docs_is_a_page_under_the_strict_policy_that_loads_only_this_servers_files() {
        ApiClient.Response page = client.get("/docs").offContract().send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(contentType(page)).isEqualTo("text/html;charset=utf-8");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.PAGE_POLICY)
                .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");

        List<String> scripts = attributes(page.body(), "<script\\b([^>]*)>", "src");
        assertThat(scripts).as("every script is a file; none inline")
                .containsExactly("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js", "/docs/init.js");
        assertThat(page.body()).doesNotContain("<style", "style=", "onload=", "//cdn", "http://", "https://");
        List<String> links = attributes(page.body(), "<link\\b([^>]*)>", "href");
        assertThat(links).containsExactly("/webjars/swagger-ui/5.34.1/favicon-32x32.png",
                "/webjars/swagger-ui/5.34.1/swagger-ui.css", "/docs/docs.css");

        assertAsset("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js", "text/javascript; charset=utf-8",
                "public, max-age=31536000, immutable");
        assertAsset("/webjars/swagger-ui/5.34.1/swagger-ui.css", "text/css; charset=utf-8",
                "public, max-age=31536000, immutable");
        assertAsset("/webjars/swagger-ui/5.34.1/favicon-32x32.png", "image/png", "public, max-age=31536000, immutable");
        assertAsset("/docs/init.js", "text/javascript; charset=utf-8", "no-cache");
        assertAsset("/docs/docs.css", "text/css; charset=utf-8", "no-cache");
        assertThat(client.get("/docs/init.js").offContract().send().body()).contains("url: '/openapi.yaml'",
                "validatorUrl: null");
    }

    @Test
    void the_bundle_is_the_webjars_own_file_compressed_on_the_wire() throws IOException {
        ApiClient.Response bundle = client.get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").offContract().send();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js")) {
            assertThat(in).isNotNull();
            assertThat(bundle.body()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        ApiClient.Response gzipped = client.get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js")
                .header("Accept-Encoding", "gzip").offContract().send();
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.body().length()).isLessThan(bundle.body().length() / 2);
    }

    @Test
    void openapi_yaml_is_the_contract_file_itself_with_etag_and_304() throws IOException {
        ApiClient.Response yaml = client.get("/openapi.yaml").offContract().send();
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(contentType(yaml)).isEqualTo("application/yaml;charset=utf-8");
        assertThat(yaml.body()).isEqualTo(Files.readString(Path.of("..", "docs", "openapi.yaml")));
        ApiClient.Response again = client.get("/openapi.yaml").header("If-None-Match", yaml.header("ETag"))
                .offContract().send();
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        ApiClient.Response head = client.call("HEAD", "/openapi.yaml").offContract().send();
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(yaml.header("ETag"));
        assertThat(client.get("/docs/nothing.js").offContract().send().status()).isEqualTo(404);
    }

    @Test
    void the_app_pages_share_one_shell_and_its_own_files_stay_small_cached_and_compressed() {
        String shell = null;
        for (String path : List.of("/", "/e/AAAAAAAAAAAAAAAAAAAAAA", "/e/AAAAAAAAAAAAAAAAAAAAAA/manage")) {
            ApiClient.Response page = client.get(path).offContract().send();
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(contentType(page)).as(path).isEqualTo("text/html;charset=utf-8");
            assertThat(page.header("Content-Security-Policy")).as(path).isEqualTo(SecurityHeaders.PAGE_POLICY);
            shell = shell == null ? page.body() : shell;
            assertThat(page.body()).as(path).isEqualTo(shell);
        }
        assertThat(attributes(shell, "<script\\b([^>]*)>", "src")).containsExactly("/app/app.js");
        assertThat(shell).doesNotContain("style=", "<style", "http://", "https://");
        long total = 0;
        for (String file : List.of("app.js", "answer.js", "api.js", "create.js", "dom.js", "grid.js", "group.js", "i18n.js",
                "mail.js", "manage.js", "paint.js", "participate.js", "poll-data.js", "poll-parts.js", "store.js", "time.js",
                "app.css")) {
            String path = "/app/" + file;
            assertAsset(path, file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8", "no-cache");
            total += client.get(path).offContract().send().body().getBytes(StandardCharsets.UTF_8).length;
            ApiClient.Response gzipped = client.get(path).header("Accept-Encoding", "gzip").offContract().send();
            if (gzipped.header("Content-Length") == null || Integer.parseInt(gzipped.header("Content-Length")) > 1500) {
                assertThat(gzipped.header("Content-Encoding")).as(path).isEqualTo("gzip");
            }
        }
        // a page loads the catalog of one language: the largest counts
        long catalog = 0;
        for (String language : WebAssets.LANGUAGES) {
            String path = "/app/i18n/" + language + ".json";
            assertAsset(path, "application/json; charset=utf-8", "no-cache");
            catalog = Math.max(catalog, client.get(path).offContract().send().body().getBytes(StandardCharsets.UTF_8).length);
            assertThat(client.get(path).header("Accept-Encoding", "gzip").offContract().send().header("Content-Encoding"))
                    .as(path).isEqualTo("gzip");
        }
        assertThat(total + catalog).as("our own JS and CSS and one catalog, uncompressed").isLessThan(150 * 1024);
        assertThat(client.get("/app/missing.js").offContract().send().status()).isEqualTo(404);
    }

    private void assertAsset(String path, String contentType, String cacheControl) {
        ApiClient.Response r = client.get(path).offContract().send();
        assertThat(r.status()).as(path).isEqualTo(200);
        assertThat(contentType(r)).as(path).isEqualTo(contentType.replace(" ", ""));
        assertThat(r.header("Cache-Control")).as(path).isEqualTo(cacheControl);
        assertThat(r.header("ETag")).as(path).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(client.get(path).header("If-None-Match", r.header("ETag")).offContract().send().status()).as(path)
                .isEqualTo(304);
    }

    /** Jetty may drop the space before {@code charset}; either spelling is the same type. */
    private static String contentType(ApiClient.Response r) {
        return r.header("Content-Type").replace(" ", "");
    }

    private static List<String> attributes(String html, String tag, String attribute) {
        List<String> values = new ArrayList<>();
        Matcher tags = Pattern.compile(tag).matcher(html);
        Pattern value = Pattern.compile("\\b" + attribute + "=\"([^\"]*)\"");
        while (tags.find()) {
            Matcher m = value.matcher(tags.group(1));
            values.add(m.find() ? m.group(1) : "(inline)");
        }
        return values;
    }
}
