package io.slotpoll.testing;

import io.slotpoll.App;
import io.slotpoll.db.Database;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real app on a random port over a fresh test schema, and a client that checks every
 * exchange against docs/openapi.yaml. Register it as a static field with {@code @RegisterExtension}.
 */
public final class TestApp extends TestDatabase {

    public static final String BASE_URL = "https://slotpoll.example";

    private final UnaryOperator<App.Options> options;
    private final Consumer<Database> before;
    private App app;
    private ApiClient client;

    public TestApp() {
        this(UnaryOperator.identity());
    }

    /** An app whose default options (no rate limits, no CORS) are changed by {@code options}. */
    public TestApp(UnaryOperator<App.Options> options) {
        this(options, database -> { });
    }

    /** An app over a schema that {@code before} fills (after migrating) before the app starts. */
    public TestApp(UnaryOperator<App.Options> options, Consumer<Database> before) {
        this.options = options;
        this.before = before;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        super.beforeAll(context);
        before.accept(database());
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
