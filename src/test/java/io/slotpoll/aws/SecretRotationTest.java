package io.slotpoll.aws;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.slotpoll.App;
import io.slotpoll.db.Database;
import io.slotpoll.db.EmbeddedMariaDb;
import io.slotpoll.http.Json;
import io.slotpoll.metrics.Metrics;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.AwsStub;
import io.slotpoll.testing.Eventually;
import io.slotpoll.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The database login from Secrets Manager (the real SDK against a local stub), with a real
 * database user whose password is rotated mid-test: the service fetches the secret again
 * when the database refuses the old password and carries on without a restart. The
 * secret's values never reach a log line. Runs on a database server of its own, because
 * it turns on privilege checks, which the shared embedded server runs without.
 */
class SecretRotationTest {

    private static final String FIRST = "first-Pass-" + UUID.randomUUID();
    private static final String SECOND = "second-Pass-" + UUID.randomUUID();

    private static EmbeddedMariaDb server;
    private static AwsStub aws;
    /** Opened while privileges are off and kept: root has no password, so it cannot log in again after. */
    private static Connection admin;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedMariaDb.start(Path.of("target", "rotation-db-" + UUID.randomUUID()).toAbsolutePath());
        server.createDatabase("rotation");
        admin = DriverManager.getConnection(server.jdbcUrl("rotation"), "root", "");
        admin("FLUSH PRIVILEGES");
        for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
            admin("CREATE USER 'app'@'" + host + "' IDENTIFIED BY '" + FIRST + "'");
            admin("GRANT ALL PRIVILEGES ON rotation.* TO 'app'@'" + host + "'");
        }
        aws = new AwsStub();
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
        try {
            if (admin != null) {
                admin.close();
            }
        } catch (SQLException e) {
            // the server stops next anyway
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_rotated_password_is_fetched_again_and_the_service_reconnects() throws Exception {
        aws.secretString("{\"username\":\"app\",\"password\":\"" + FIRST + "\",\"engine\":\"mysql\"}");
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        SecretsManagerClient client = aws.client(SecretsManagerClient.builder());
        SecretCredentials credentials = new SecretCredentials(client, Json.newMapper(), "slotpoll-db");
        try (Database database = Database.connect(server.jdbcUrl("rotation"), credentials, 4, Optional.empty(),
                Metrics.none().registry());
                App app = App.start(database, TestApp.config(Map.of()))) {
            ApiClient api = new ApiClient("http://127.0.0.1:" + app.port());
            String id = createEvent(api, event("UTC", 60, window("2027-01-01T10:00", "2027-01-01T12:00"))).path("id").asText();
            assertThat(aws.calls()).hasSize(1);
            assertThat(aws.calls().getFirst().target()).isEqualTo("secretsmanager.GetSecretValue");
            assertThat(new String(aws.calls().getFirst().body(), StandardCharsets.UTF_8)).isEqualTo("{\"SecretId\":\"slotpoll-db\"}");

            for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
                admin("ALTER USER 'app'@'" + host + "' IDENTIFIED BY '" + SECOND + "'");
            }
            aws.secretString("{\"username\":\"app\",\"password\":\"" + SECOND + "\",\"engine\":\"mysql\"}");
            List<Long> killed = killConnectionsOf("app");
            Eventually.await(Duration.ofSeconds(30), "the killed connections " + killed + " gone from the server",
                    () -> killed.stream().noneMatch(RotationConnections::alive));

            // A pooled connection used within HikariCP's last 500 ms is lent without a check, so
            // a request may still meet one the server killed: that is a 503 with Retry-After (a
            // dropped connection), never a 500, and the pool recovers on its own, with no restart.
            assertThat(killed).isNotEmpty();
            List<Integer> statuses = new ArrayList<>();
            Eventually.await(Duration.ofSeconds(30), "a 200 after the rotation", () -> {
                ApiClient.Response after = api.get("/api/v1/events/" + id).invalid().send();
                statuses.add(after.status());
                if (after.status() != 200) {
                    assertProblem(after, 503);
                }
                return after.status() == 200;
            });
            assertThat(statuses.subList(0, statuses.size() - 1)).as("answers before the 200").allMatch(s -> s == 503)
                    .hasSizeLessThanOrEqualTo(8);
            assertThat(createEvent(api, event("UTC", 60, window("2027-01-01T10:00", "2027-01-01T12:00"))).path("id").asText())
                    .hasSize(22);
            assertThat(aws.calls()).hasSize(2);
        } finally {
            root.detachAppender(captured);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : captured.list) {
            lines.add(e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
        assertThat(lines).anyMatch(line -> line.contains("fetching database secret slotpoll-db again"));
        assertThat(lines).noneMatch(line -> line.contains(FIRST) || line.contains(SECOND));
        assertThat(credentials.secret().toString()).doesNotContain(SECOND);
    }

    @Test
    void a_secret_without_a_password_is_refused_without_echoing_it() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                SecretCredentials.parse(Json.newMapper(), "s", "{\"username\":\"app\",\"pass\":\"" + FIRST + "\"}")))
                .hasMessage("secret s has no \"password\"");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SecretCredentials.parse(Json.newMapper(), "s", FIRST)))
                .hasMessage("secret s is not a JSON object (SecretString expected)");
        SecretCredentials.Secret full = SecretCredentials.parse(Json.newMapper(), "s",
                "{\"username\":\"u\",\"password\":\"p\",\"host\":\"db.example\",\"port\":3307,\"dbname\":\"slots\"}");
        assertThat(full.jdbcUrl()).contains("jdbc:mysql://db.example:3307/slots");
        assertThat(full.login().toString()).isEqualTo("Login[user=u, password=****]");
    }

    private static void admin(String sql) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute(sql);
        }
    }

    /** Whether the server still lists connection {@code id}. */
    private static final class RotationConnections {
        static boolean alive(long id) {
            try (Statement s = admin.createStatement();
                    ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM information_schema.processlist WHERE id = " + id)) {
                rows.next();
                return rows.getLong(1) > 0;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the process list", e);
            }
        }
    }

    private static List<Long> killConnectionsOf(String user) throws SQLException {
        List<Long> killed = new ArrayList<>();
        try (Statement s = admin.createStatement();
                ResultSet rows = s.executeQuery("SELECT id FROM information_schema.processlist WHERE user = '" + user + "'")) {
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            for (long id : ids) {
                try (Statement kill = admin.createStatement()) {
                    kill.execute("KILL CONNECTION " + id);
                    killed.add(id);
                }
            }
        }
        return killed;
    }
}
