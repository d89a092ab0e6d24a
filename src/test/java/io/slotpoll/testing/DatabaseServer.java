package io.slotpoll.testing;

import io.slotpoll.db.EmbeddedMariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * One MySQL-protocol server per test JVM, chosen in this order: {@code TEST_DB_URL}
 * (with {@code TEST_DB_USER} / {@code TEST_DB_PASSWORD}) if set; else Testcontainers
 * MySQL 8.4 if Docker answers; else an embedded MariaDB. Kept in JUnit's root store,
 * so it is closed once when the JVM's tests are done.
 */
public final class DatabaseServer implements AutoCloseable {

    private final String baseUrl;
    private final String user;
    private final String password;
    private final AutoCloseable owner;
    private final String kind;

    private DatabaseServer(String baseUrl, String user, String password, AutoCloseable owner, String kind) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.owner = owner;
        this.kind = kind;
    }

    public static DatabaseServer shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(DatabaseServer.class, k -> start(), DatabaseServer.class);
    }

    private static DatabaseServer start() {
        String url = System.getenv("TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new DatabaseServer(stripDatabase(url), env("TEST_DB_USER"), env("TEST_DB_PASSWORD"), () -> { }, "TEST_DB_URL");
        }
        if (dockerAvailable()) {
            MySQLContainer mysql = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
            mysql.start();
            return new DatabaseServer("jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/",
                    "root", "test", mysql::stop, "Testcontainers mysql:8.4");
        }
        Path dataDir = Path.of("target", "test-mariadb-" + UUID.randomUUID()).toAbsolutePath();
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir);
        return new DatabaseServer("jdbc:mysql://127.0.0.1:" + db.port() + "/", "root", "", db, "embedded MariaDB");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    private static String stripDatabase(String url) {
        int slash = url.indexOf('/', "jdbc:mysql://".length());
        return slash < 0 ? url + "/" : url.substring(0, slash + 1);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A JDBC URL for {@code database} on this server, with the options every test connection needs. */
    public String url(String database) {
        return baseUrl + database + "?allowPublicKeyRetrieval=true&useSSL=false";
    }

    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url(""), user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run on the test database server: " + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            owner.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the test database server (" + kind + ")", e);
        }
    }
}
