package io.slotpoll.participant;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API v1.1: the admin's CSV export, byte for byte. */
class CsvExportApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();

    @Test
    void exports_every_merged_window_with_local_twins_quoting_and_the_formula_guard() {
        JsonNode e = createEvent(client, event("UTC", 30, window("2027-06-01T08:00", "2027-06-01T18:00")));
        String id = e.path("id").asText();
        String admin = e.path("adminToken").asText();
        JsonNode ana = join(client, id, participant("Ana, \"the boss\"", "Asia/Kathmandu",
                window("2027-06-01T14:00", "2027-06-01T15:00"),
                window("2027-06-01T14:30", "2027-06-01T16:00"),
                window("2027-06-01T17:00", "2027-06-01T18:00", "ifneedbe")));
        join(client, id, participant("=HYPERLINK(\"x\")", "America/St_Johns"));
        join(client, id, participant("-Bo", "UTC", window("2027-06-01T09:00:00Z", "2027-06-01T09:30:00Z")));
        assertThat(client.patch("/api/v1/events/" + id + "/participants/" + ana.path("id").asText()).bearer(admin)
                .json(ApiClient.object().put("required", true)).send().status()).isEqualTo(200);

        ApiClient.Response csv = client.get("/api/v1/events/" + id + "/export.csv").bearer(admin).send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"slotpoll-" + id + ".csv\"");
        assertThat(csv.body()).isEqualTo(""
                + "participant,timezone,required,preference,start,end,startLocal,endLocal\r\n"
                + "\"Ana, \"\"the boss\"\"\",Asia/Kathmandu,true,yes,2027-06-01T08:15:00Z,2027-06-01T10:15:00Z,"
                + "2027-06-01T14:00:00+05:45,2027-06-01T16:00:00+05:45\r\n"
                + "\"Ana, \"\"the boss\"\"\",Asia/Kathmandu,true,ifneedbe,2027-06-01T11:15:00Z,2027-06-01T12:15:00Z,"
                + "2027-06-01T17:00:00+05:45,2027-06-01T18:00:00+05:45\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",America/St_Johns,false,,,,,\r\n"
                + "'-Bo,UTC,false,yes,2027-06-01T09:00:00Z,2027-06-01T09:30:00Z,2027-06-01T09:00:00+00:00,"
                + "2027-06-01T09:30:00+00:00\r\n");

        assertProblem(client.get("/api/v1/events/" + id + "/export.csv").invalid().send(), 401);
        assertProblem(client.get("/api/v1/events/" + id + "/export.csv").bearer(ana.path("editToken").asText()).send(),
                403);
        assertProblem(client.get("/api/v1/events/AAAAAAAAAAAAAAAAAAAAAA/export.csv").bearer(admin).send(), 404);
    }

    @Test
    void an_event_without_participants_exports_the_header_alone() {
        JsonNode e = createEvent(client, event("UTC", 30, window("2027-06-01T08:00", "2027-06-01T18:00")));
        ApiClient.Response csv = client.get("/api/v1/events/" + e.path("id").asText() + "/export.csv")
                .bearer(e.path("adminToken").asText()).send();
        assertThat(csv.body()).isEqualTo("participant,timezone,required,preference,start,end,startLocal,endLocal\r\n");
    }
}
