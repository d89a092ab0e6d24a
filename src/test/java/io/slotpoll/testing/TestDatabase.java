package io.slotpoll.testing;

import io.slotpoll.db.Database;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, migrated schema for one test class on the JVM's shared server; dropped afterwards.
 * Register it as a static field with {@code @RegisterExtension}.
 */
public class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    private DatabaseServer server;
    private String name;
    private Database database;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = DatabaseServer.shared(context);
        String simple = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        name = "t_" + simple.substring(0, Math.min(30, simple.length())) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        server.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        database = Database.connect(url(), server.user(), server.password(), 8, Optional.empty());
        agedCounters(database, name);
    }

    /**
     * Where every auto-increment counter of a test schema starts: above 2^32, as in a
     * database that has been in use for years, so that ids outside the JVM's small-value
     * cache and beyond an int's range are what every test sees.
     */
    public static final long FIRST_ROW_ID = 5_000_000_000L;

    /** Moves every auto-increment counter of {@code schema} to {@link #FIRST_ROW_ID}. */
    static void agedCounters(Database database, String schema) {
        List<String> tables = database.dsl().resultQuery(
                        "select table_name from information_schema.columns where table_schema = ? and extra like ?",
                        schema, "%auto_increment%")
                .fetch(0, String.class);
        if (tables.isEmpty()) {
            throw new IllegalStateException("no auto-increment column in schema " + schema + ": is it migrated?");
        }
        for (String table : tables) {
            database.dsl().execute("ALTER TABLE `" + table + "` AUTO_INCREMENT = " + FIRST_ROW_ID);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
        if (server != null && name != null) {
            server.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    public Database database() {
        return database;
    }

    public DatabaseServer server() {
        return server;
    }

    public String url() {
        return server.url(name);
    }
}
