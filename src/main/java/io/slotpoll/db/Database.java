package io.slotpoll.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.slotpoll.Config;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import java.util.concurrent.atomic.LongAdder;
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
    private final Optional<EmbeddedMariaDb> embedded;

    private final LongAdder statements = new LongAdder();

    private Database(HikariDataSource dataSource, Optional<EmbeddedMariaDb> embedded) {
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

    /** Connects to the configured database, or starts the embedded one, and applies migrations. */
    public static Database open(Config config) {
        if (config.database().isPresent()) {
            Config.Jdbc jdbc = config.database().get();
            return connect(jdbc.url(), jdbc.user(), jdbc.password(), config.dbPoolSize(), Optional.empty());
        }
        EmbeddedMariaDb db = EmbeddedMariaDb.start(config.dataDir().resolve("mariadb"));
        try {
            db.createDatabase(EMBEDDED_DATABASE);
            return connect(db.jdbcUrl(EMBEDDED_DATABASE), "root", "", config.dbPoolSize(), Optional.of(db));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Connects to {@code url} and applies migrations; closing the result closes {@code embedded} too. */
    public static Database connect(String url, String user, String password, int poolSize,
            Optional<EmbeddedMariaDb> embedded) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("slotpoll");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(poolSize);
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        // A database host that stops answering (no RST: a failover, a partition) must not
        // hold requests forever: connecting gives up after 3 s, a silent socket after 30 s.
        hikari.addDataSourceProperty("connectTimeout", Long.toString(CONNECTION_TIMEOUT_MS));
        hikari.addDataSourceProperty("socketTimeout", "30000");
        hikari.setValidationTimeout(2_000);
        hikari.setInitializationFailTimeout(30_000);
        hikari.addDataSourceProperty("characterEncoding", "UTF-8");
        hikari.addDataSourceProperty("connectTimeout", "5000");
        hikari.addDataSourceProperty("socketTimeout", "30000");
        // HikariCP's recommended Connector/J settings: cache statement parsing and server
        // state on the client, and skip round trips that only repeat the session's state.
        hikari.addDataSourceProperty("cachePrepStmts", "true");
        hikari.addDataSourceProperty("prepStmtCacheSize", "250");
        hikari.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
        hikari.addDataSourceProperty("useServerPrepStmts", "true");
        hikari.addDataSourceProperty("useLocalSessionState", "true");
        hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
        hikari.addDataSourceProperty("cacheResultSetMetadata", "true");
        hikari.addDataSourceProperty("cacheServerConfiguration", "true");
        hikari.addDataSourceProperty("elideSetAutoCommits", "true");
        hikari.addDataSourceProperty("maintainTimeStats", "false");
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            migrate(dataSource);
            return new Database(dataSource, embedded);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
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
        embedded.ifPresent(EmbeddedMariaDb::close);
    }
}
