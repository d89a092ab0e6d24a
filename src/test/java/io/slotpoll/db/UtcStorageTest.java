package io.slotpoll.db;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotpoll.App;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import io.slotpoll.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stored instants do not depend on the JVM's default zone (here Pacific/Chatham, +13:45
 * in its summer), on the database session's time_zone (here -09:30) or on Connector/J's
 * {@code connectionTimeZone} (here Asia/Kolkata): values round-trip exactly, the DATETIME
 * columns hold UTC wall time, and instants past the 32-bit TIMESTAMP range (2038) up to the
 * largest the API accepts are stored as sent, not as NULL.
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
        skewed = Database.connect(DB.url() + "&sessionVariables=time_zone='-09:30'&connectionTimeZone=Asia/Kolkata",
                DB.server().user(), DB.server().password(), 2, Optional.empty());
        app = App.start(skewed, TestApp.config(Map.of()));
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

    @Test
    void instants_in_2038_2100_and_at_the_largest_accepted_round_trip_on_every_write() throws Exception {
        // 2038-01-19T03:14:07Z is the last second a signed 32-bit TIMESTAMP holds.
        ObjectNode body = event("UTC", 60, window("2038-01-19T02:00:00Z", "2038-01-19T05:00:00Z"));
        body.put("deadline", "2100-01-01T00:00:00Z");
        JsonNode e = createEvent(client, body);
        String id = e.path("id").asText();
        String admin = e.path("adminToken").asText();
        assertWindows(id, "[{\"start\":\"2038-01-19T02:00:00Z\",\"end\":\"2038-01-19T05:00:00Z\"}]",
                "2038-01-19 05:00:00");
        assertThat(client.get("/api/v1/events/" + id).send().json().path("deadline").asText())
                .isEqualTo("2100-01-01T00:00:00Z");

        JsonNode p = join(client, id, participant("Ana", "UTC", window("2038-01-19T03:00:00Z", "2038-01-19T04:15:00Z")));
        String availability = "[{\"start\":\"2038-01-19T03:00:00Z\",\"end\":\"2038-01-19T04:15:00Z\",\"preference\":\"yes\"}]";
        assertThat(p.path("availability").toString()).isEqualTo(availability);
        assertThat(client.get("/api/v1/events/" + id + "/participants").send().json().get(0).path("availability").toString())
                .isEqualTo(availability);

        ObjectNode later = ApiClient.object().put("deadline", "9998-12-31T23:59:00Z");
        later.putArray("proposedWindows").add(window("2100-02-28T23:00:00Z", "2100-03-01T01:00:00Z"));
        ApiClient.Response patched = client.patch("/api/v1/events/" + id).bearer(admin).json(later).send();
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertWindows(id, "[{\"start\":\"2100-02-28T23:00:00Z\",\"end\":\"2100-03-01T01:00:00Z\"}]",
                "2100-03-01 01:00:00");
        assertThat(client.get("/api/v1/events/" + id).send().json().path("deadline").asText())
                .isEqualTo("9998-12-31T23:59:00Z");

        ObjectNode replace = ApiClient.object().put("timezone", "UTC");
        replace.putArray("availability").add(window("2100-02-28T23:30:00Z", "2100-03-01T00:30:00Z", "ifneedbe"));
        ApiClient.Response put = client.put("/api/v1/events/" + id + "/participants/" + p.path("id").asText()
                + "/availability").bearer(p.path("editToken").asText()).json(replace).send();
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode best = client.get("/api/v1/events/" + id + "/recommendations?limit=1").send().json()
                .path("recommendations").get(0);
        assertThat(best.path("start").asText()).isEqualTo("2100-02-28T23:30:00Z");
        assertThat(best.path("end").asText()).isEqualTo("2100-03-01T00:30:00Z");
        assertThat(best.path("ifNeedBeCount").asInt()).isEqualTo(1);

        ObjectNode last = ApiClient.object();
        last.putArray("proposedWindows").add(window("9998-12-31T22:59:00Z", "9998-12-31T23:59:00Z"));
        assertThat(client.patch("/api/v1/events/" + id).bearer(admin).json(last).send().status()).isEqualTo(200);
        assertWindows(id, "[{\"start\":\"9998-12-31T22:59:00Z\",\"end\":\"9998-12-31T23:59:00Z\"}]",
                "9998-12-31 23:59:00");

        ApiClient.Response tooLate = client.post("/api/v1/events").json(event("UTC", 60,
                window("9998-12-31T23:00:00Z", "9999-01-01T00:00:00Z"))).invalid().send();
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.json().path("errors").findValuesAsText("field")).containsExactly("proposedWindows[0].end");
    }

    /** The event's windows as the API answers them, and the last window's end as stored. */
    private static void assertWindows(String id, String json, String storedEnd) throws Exception {
        assertThat(client.get("/api/v1/events/" + id).send().json().path("proposedWindows").toString()).isEqualTo(json);
        assertThat(query("SELECT DATE_FORMAT(end_at, '%Y-%m-%d %H:%i:%s') FROM proposed_window WHERE event_id = '"
                + id + "' ORDER BY ordinal")).containsExactly(storedEnd);
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
