package io.slotpoll.recommendation;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API v1.1 local hours and partial availability: validation naming each field, the
 * representations, and a ranking where the new key (fewer attending outside their hours)
 * decides, with people in +05:45, -05:00 and UTC and the event's hours standing in for
 * those without their own.
 */
class LocalHoursApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();

    private static ObjectNode hours(String start, String end) {
        ObjectNode h = ApiClient.object();
        h.put("start", start);
        h.put("end", end);
        return h;
    }

    private static ObjectNode planning() {
        return event("UTC", 60, window("2027-01-10T06:00:00Z", "2027-01-10T10:00:00Z"));
    }

    @Test
    void rejects_malformed_hours_naming_the_field() {
        String[][] cases = {
                {"8:00", "20:00", "localHours.start"},
                {"08:00:00", "20:00", "localHours.start"},
                {"24:00", "24:00", "localHours.start"},
                {"08:00", "24:01", "localHours.end"},
                {"08:60", "20:00", "localHours.start"},
                {"10:00", "09:00", "localHours.end"},
                {"10:00", "10:00", "localHours.end"},
                {"00:00", "00:00", "localHours.end"},
                {" 08:00", "20:00", "localHours.start"},
        };
        for (String[] c : cases) {
            ObjectNode body = planning();
            body.set("localHours", hours(c[0], c[1]));
            assertProblem(client.post("/api/v1/events").json(body).invalid().send(), 400, c[2]);
        }
        ObjectNode text = planning().put("localHours", "08:00-20:00");
        assertProblem(client.post("/api/v1/events").json(text).invalid().send(), 400, "localHours");
        ObjectNode missing = planning();
        missing.putObject("localHours").put("start", "08:00");
        assertProblem(client.post("/api/v1/events").json(missing).invalid().send(), 400, "localHours.end");
        ObjectNode extra = planning();
        extra.set("localHours", hours("08:00", "20:00").put("tz", "UTC"));
        assertProblem(client.post("/api/v1/events").json(extra).invalid().send(), 400, "localHours.tz");

        JsonNode e = createEvent(client, planning());
        String id = e.path("id").asText();
        ObjectNode badJoin = participant("Ana", "UTC");
        badJoin.set("localHours", hours("09:00", "08:59"));
        assertProblem(client.post("/api/v1/events/" + id + "/participants").json(badJoin).invalid().send(), 400,
                "localHours.end");
        JsonNode ana = join(client, id, participant("Ana", "UTC"));
        ObjectNode badPatch = ApiClient.object();
        badPatch.put("localHours", 9);
        assertProblem(client.patch("/api/v1/events/" + id + "/participants/" + ana.path("id").asText())
                .bearer(ana.path("editToken").asText()).json(badPatch).invalid().send(), 400, "localHours");
    }

    @Test
    void hours_are_stored_shown_changed_and_cleared() {
        ObjectNode body = planning();
        body.set("localHours", hours("08:00", "24:00"));
        JsonNode created = createEvent(client, body);
        String id = created.path("id").asText();
        String admin = created.path("adminToken").asText();
        assertThat(created.path("localHours").toString()).isEqualTo("{\"start\":\"08:00\",\"end\":\"24:00\"}");
        assertThat(client.get("/api/v1/events/" + id).send().json().path("localHours").toString())
                .isEqualTo("{\"start\":\"08:00\",\"end\":\"24:00\"}");

        ObjectNode own = participant("Ana", "Asia/Kathmandu");
        own.set("localHours", hours("00:00", "23:59"));
        JsonNode ana = join(client, id, own);
        assertThat(ana.path("localHours").toString()).isEqualTo("{\"start\":\"00:00\",\"end\":\"23:59\"}");
        JsonNode ben = join(client, id, participant("Ben", "UTC"));
        assertThat(ben.path("localHours").isNull()).isTrue();

        ObjectNode clear = ApiClient.object();
        clear.putNull("localHours");
        ApiClient.Response cleared = client.patch("/api/v1/events/" + id + "/participants/" + ana.path("id").asText())
                .bearer(ana.path("editToken").asText()).json(clear).send();
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().path("localHours").isNull()).isTrue();
        assertThat(cleared.json().path("version").asLong()).isEqualTo(2);

        ApiClient.Response patched = client.patch("/api/v1/events/" + id).bearer(admin).json(clear).send();
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("localHours").isNull()).isTrue();
        ObjectNode set = ApiClient.object();
        set.set("localHours", hours("09:30", "17:45"));
        assertThat(client.patch("/api/v1/events/" + id).bearer(admin).json(set).send().json().path("localHours").toString())
                .isEqualTo("{\"start\":\"09:30\",\"end\":\"17:45\"}");
        assertThat(client.get("/api/v1/events/" + id + "/participants").send().json().get(0).path("localHours").isNull())
                .isTrue();
    }

    @Test
    void fewer_people_outside_their_hours_rank_first_and_partial_lists_minutes_free() {
        ObjectNode body = planning().put("slotStepMinutes", 30);
        body.set("localHours", hours("08:00", "24:00"));
        JsonNode created = createEvent(client, body);
        String id = created.path("id").asText();
        String admin = created.path("adminToken").asText();
        // Kathmandu is +05:45: 06:00Z is 11:45 there, so Ana's own 13:00-24:00 start at 07:15Z.
        ObjectNode anaBody = participant("Ana", "Asia/Kathmandu", window("2027-01-10T06:00:00Z", "2027-01-10T10:00:00Z"));
        anaBody.set("localHours", hours("13:00", "24:00"));
        JsonNode ana = join(client, id, anaBody);
        // Ben (New York, 01:00-05:00 local) and Cy (UTC) follow the event's 08:00-24:00.
        join(client, id, participant("Ben", "America/New_York", window("2027-01-10T06:00:00Z", "2027-01-10T10:00:00Z")));
        join(client, id, participant("Cy", "UTC", window("2027-01-10T07:00:00Z", "2027-01-10T10:00:00Z")));
        join(client, id, participant("Dee", "UTC", window("2027-01-10T06:00:00Z", "2027-01-10T06:45:00Z", "ifneedbe")));

        JsonNode ranked = recommendations(id);
        assertThat(starts(ranked)).containsExactly("08:00", "08:30", "09:00", "07:30", "07:00", "06:00", "06:30");
        assertThat(names(ranked, "outsideHours")).containsExactly("Ben", "Ben", "Ben", "Ben+Cy", "Ana+Ben+Cy",
                "Ana+Ben", "Ana+Ben");
        JsonNode first = ranked.path("recommendations").get(0);
        assertThat(first.path("outsideHours").get(0).toString())
                .isEqualTo("{\"id\":\"" + first.path("available").get(1).path("id").asText() + "\",\"name\":\"Ben\"}");
        assertThat(first.path("partial").toString()).isEqualTo("[]");
        assertThat(ranked.path("recommendations").get(5).path("partial").toString())
                .isEqualTo("[{\"id\":\"" + idOf(ranked, "Dee") + "\",\"name\":\"Dee\",\"minutesFree\":45}]");
        assertThat(ranked.path("recommendations").get(6).path("partial").toString())
                .isEqualTo("[{\"id\":\"" + idOf(ranked, "Cy") + "\",\"name\":\"Cy\",\"minutesFree\":30},"
                        + "{\"id\":\"" + idOf(ranked, "Dee") + "\",\"name\":\"Dee\",\"minutesFree\":15}]");

        ObjectNode clear = ApiClient.object();
        clear.putNull("localHours");
        assertThat(client.patch("/api/v1/events/" + id).bearer(admin).json(clear).send().status()).isEqualTo(200);
        JsonNode ownOnly = recommendations(id);
        assertThat(starts(ownOnly)).containsExactly("07:30", "08:00", "08:30", "09:00", "07:00", "06:00", "06:30");
        assertThat(names(ownOnly, "outsideHours")).containsExactly("", "", "", "", "Ana", "Ana", "Ana");

        assertThat(client.patch("/api/v1/events/" + id + "/participants/" + ana.path("id").asText())
                .bearer(admin).json(clear).send().status()).isEqualTo(200);
        JsonNode v1 = recommendations(id);
        assertThat(starts(v1)).as("with no hours anywhere, exactly the v1 order")
                .containsExactly("07:00", "07:30", "08:00", "08:30", "09:00", "06:00", "06:30");
        assertThat(names(v1, "outsideHours")).containsExactly("", "", "", "", "", "", "");
    }

    private JsonNode recommendations(String id) {
        ApiClient.Response r = client.get("/api/v1/events/" + id + "/recommendations?limit=100").send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> starts(JsonNode ranked) {
        List<String> starts = new ArrayList<>();
        for (JsonNode slot : ranked.path("recommendations")) {
            starts.add(slot.path("start").asText().substring(11, 16));
        }
        return starts;
    }

    private static List<String> names(JsonNode ranked, String field) {
        List<String> lists = new ArrayList<>();
        for (JsonNode slot : ranked.path("recommendations")) {
            List<String> names = new ArrayList<>();
            slot.path(field).forEach(p -> names.add(p.path("name").asText()));
            lists.add(String.join("+", names));
        }
        return lists;
    }

    private static String idOf(JsonNode ranked, String name) {
        for (JsonNode slot : ranked.path("recommendations")) {
            for (String field : List.of("available", "ifNeedBe", "unavailable")) {
                for (JsonNode p : slot.path(field)) {
                    if (p.path("name").asText().equals(name)) {
                        return p.path("id").asText();
                    }
                }
            }
        }
        throw new AssertionError("no participant named " + name);
    }
}
