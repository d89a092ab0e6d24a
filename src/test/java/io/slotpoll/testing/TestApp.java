package io.slotpoll.testing;

import io.slotpoll.App;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real app on a random port over a fresh test schema, and a client that checks every
 * exchange against docs/openapi.yaml. Register it as a static field with {@code @RegisterExtension}.
 */
public final class TestApp extends TestDatabase {

    public static final String BASE_URL = "https://slotpoll.example";

    private App app;
    private ApiClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        super.beforeAll(context);
        app = App.start(database(), BASE_URL, 0);
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
