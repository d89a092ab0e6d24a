package io.slotpoll.db;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.App;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stored instants do not depend on the JVM's default zone (here Pacific/Chatham, +13:45
 * in its summer) or on the database session's time_zone (here -09:30): values round-trip
 * exactly and the DATETIME columns hold UTC wall time.
 */
class UtcStorageTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static TimeZone original;
    private static Database skewed;
    private static App app;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
        skewed = Database.connect(DB.url() + "&sessionVariables=time_zone='-09:30'",
                DB.server().user(), DB.server().password(), 2, Optional.empty());
        app = App.start(skewed, "http://localhost", 0);
        client = new ApiClient("http://127.0.0.1:" + app.port());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (skewed != null) {
            skewed.close();
        }
        TimeZone.setDefault(original);
    }

    @Test
    void the_session_really_runs_in_a_non_utc_zone() throws Exception {
        assertThat(query("SELECT @@session.time_zone")).containsExactly("-09:30");
    }

    @Test
    void instants_round_trip_exactly_and_are_stored_as_utc_wall_time() throws Exception {
        JsonNode e = createEvent(client, event("Asia/Kathmandu", 60,
                window("2027-01-12T14:00", "2027-01-12T16:00"), window("2027-07-01T23:15:00-02:30", "2027-07-02T03:00:00Z")));
        String id = e.path("id").asText();
        assertThat(e.path("proposedWindows").toString()).isEqualTo(
                "[{\"start\":\"2027-01-12T08:15:00Z\",\"end\":\"2027-01-12T10:15:00Z\"},"
                        + "{\"start\":\"2027-07-02T01:45:00Z\",\"end\":\"2027-07-02T03:00:00Z\"}]");
        JsonNode fetched = client.get("/api/v1/events/" + id).send().json();
        assertThat(fetched.path("proposedWindows")).isEqualTo(e.path("proposedWindows"));
        assertThat(query("SELECT DATE_FORMAT(start_at, '%Y-%m-%d %H:%i:%s') FROM proposed_window WHERE event_id = '"
                + id + "' ORDER BY ordinal")).containsExactly("2027-01-12 08:15:00", "2027-07-02 01:45:00");

        JsonNode p = join(client, id, participant("Ana", "Pacific/Chatham", window("2027-01-12T21:00", "2027-01-12T23:00")));
        assertThat(p.path("availability").get(0).path("start").asText()).isEqualTo("2027-01-12T07:15:00Z");
        assertThat(query("SELECT DATE_FORMAT(start_at, '%Y-%m-%d %H:%i:%s') FROM availability_window WHERE event_id = '"
                + id + "'")).containsExactly("2027-01-12 07:15:00");
        assertThat(client.get("/api/v1/events/" + id + "/participants").send().json().get(0).path("availability"))
                .isEqualTo(p.path("availability"));
    }

    private static List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = skewed.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
