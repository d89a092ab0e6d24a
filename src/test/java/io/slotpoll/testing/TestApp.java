package io.slotpoll.testing;

import io.slotpoll.App;
import io.slotpoll.Config;
import io.slotpoll.calendar.FeedFetcher;
import io.slotpoll.db.Database;
import io.slotpoll.metrics.Metrics;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real app on a random port over a fresh test schema, and a client that checks every
 * exchange against docs/openapi.yaml. Register it as a static field with {@code @RegisterExtension}.
 * It is configured as production is, from environment variables ({@link #config}).
 */
public final class TestApp extends TestDatabase {

    public static final String BASE_URL = "https://slotpoll.example";

    private final Map<String, String> env;
    private final Clock clock;
    private final Consumer<Database> before;
    private final FeedFetcher.Network feeds;
    private App app;
    private ApiClient client;

    public TestApp() {
        this(Map.of());
    }

    /** An app configured by {@link #config} with {@code env} on top. */
    public TestApp(Map<String, String> env) {
        this(env, Clock.systemUTC(), database -> { });
    }

    /**
     * An app configured by {@link #config} with {@code env} on top, stamping writes with
     * {@code clock}, over a schema that {@code before} fills (after migrating) before it starts.
     */
    public TestApp(Map<String, String> env, Clock clock, Consumer<Database> before) {
        this(env, clock, before, FeedFetcher.Network.internet());
    }

    /** As above, fetching calendar feeds over {@code feeds} (a test's own resolver, trust and loopback permission). */
    public TestApp(Map<String, String> env, Clock clock, Consumer<Database> before, FeedFetcher.Network feeds) {
        this.env = env;
        this.clock = clock;
        this.before = before;
        this.feeds = feeds;
    }

    /**
     * What every test app runs with: a free port, the test base URL, no rate limits; then
     * {@code overrides}, each an environment variable as the README lists them.
     */
    public static Config config(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of("PORT", "0", "PUBLIC_BASE_URL", BASE_URL,
                "RATE_LIMIT_READS_PER_MINUTE", "0", "RATE_LIMIT_WRITES_PER_MINUTE", "0"));
        all.putAll(overrides);
        return Config.fromEnvironment(all);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        super.beforeAll(context);
        before.accept(database());
        app = App.start(database(), config(env), clock, Metrics.none(), feeds);
        client = new ApiClient("http://127.0.0.1:" + app.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (app != null) {
            app.close();
        }
        super.afterAll(context);
    }

    public ApiClient client() {
        return client;
    }

    /** The app's own origin, as a browser on this machine reaches it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public int port() {
        return app.port();
    }
}
