package io.slotpoll.http;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.HttpApi;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A fault nobody planned for (here a table missing under the running service) is a 500
 * problem that carries the request id and no stack trace, and the log has the full error
 * under the same id.
 */
class InternalErrorTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    @Test
    void an_unexpected_failure_is_a_logged_500_with_a_request_id_and_no_stack_trace() throws Exception {
        ApiClient client = APP.client();
        JsonNode e = createEvent(client, event("UTC", 60, window("2027-01-01T10:00", "2027-01-01T12:00")));
        try (Connection c = APP.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE availability_window");
        }
        Logger logger = (Logger) LoggerFactory.getLogger(HttpApi.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            ApiClient.Response r = client.get("/api/v1/events/" + e.path("id").asText() + "/participants")
                    .header("X-Request-Id", "fault-42").offContract().send();
            JsonNode problem = assertProblem(r, 500);
            assertThat(problem.path("type").asText()).isEqualTo("https://slotpoll.io/problems/internal-error");
            assertThat(problem.path("detail").asText()).isEqualTo("unexpected error; quote request id fault-42 when reporting it");
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("availability_window");
            assertThat(captured.list).anySatisfy(event -> {
                assertThat(event.getFormattedMessage()).contains("fault-42");
                assertThat(event.getThrowableProxy()).isNotNull();
            });
        } finally {
            logger.detachAppender(captured);
        }
    }
}
