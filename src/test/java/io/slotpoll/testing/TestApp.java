package io.slotpoll.testing;

import io.slotpoll.App;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real app on a random port over a fresh test schema, and a client that checks every
 * exchange against docs/openapi.yaml. Register it as a static field with {@code @RegisterExtension}.
 */
public final class TestApp extends TestDatabase {

    public static final String BASE_URL = "https://slotpoll.example";

    private final UnaryOperator<App.Options> options;
    private App app;
    private ApiClient client;

    public TestApp() {
        this(UnaryOperator.identity());
    }

    /** An app whose default options (no rate limits, no CORS) are changed by {@code options}. */
    public TestApp(UnaryOperator<App.Options> options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        super.beforeAll(context);
        app = App.start(database(), 0, options.apply(App.Options.defaults(BASE_URL)));
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

    public int port() {
        return app.port();
    }
}
