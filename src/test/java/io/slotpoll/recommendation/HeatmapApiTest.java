package io.slotpoll.recommendation;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API v1.1: the heatmap, exact to the cell, in a +05:45 zone, with from/to, members=false and 304s. */
class HeatmapApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();
    private String id;
    private String ana;
    private String ben;
    private String cy;

    @BeforeEach
    void createTheEvent() {
        // 09:00-10:10 in Kathmandu (+05:45) is 03:15-04:25Z: four 15-minute cells and a 10-minute one.
        JsonNode e = createEvent(client, event("Asia/Kathmandu", 30, window("2027-03-10T09:00", "2027-03-10T10:10")));
        id = e.path("id").asText();
        ana = join(client, id, participant("Ana", "UTC", window("2027-03-10T03:15:00Z", "2027-03-10T04:00:00Z"),
                window("2027-03-10T04:00:00Z", "2027-03-10T04:25:00Z", "ifneedbe"))).path("id").asText();
        ben = join(client, id, participant("Ben", "UTC", window("2027-03-10T03:30:00Z", "2027-03-10T04:25:00Z", "ifneedbe"),
                window("2027-03-10T03:30:00Z", "2027-03-10T03:45:00Z"))).path("id").asText();
        cy = join(client, id, participant("Cy", "UTC")).path("id").asText();
    }

    private String url() {
        return "/api/v1/events/" + id + "/heatmap";
    }

    @Test
    void every_cell_lists_who_is_available_and_who_only_if_need_be() {
        ApiClient.Response r = client.get(url() + "?timezone=Asia/Kathmandu").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"eventId\":\"" + id + "\",\"eventVersion\":4,\"cellMinutes\":15,"
                + "\"participantCount\":3,\"maxAttending\":2,\"participants\":["
                + "{\"id\":\"" + ana + "\",\"name\":\"Ana\",\"required\":false},"
                + "{\"id\":\"" + ben + "\",\"name\":\"Ben\",\"required\":false},"
                + "{\"id\":\"" + cy + "\",\"name\":\"Cy\",\"required\":false}],\"cells\":["
                + cell("03:15", "03:30", "09:00", "09:15", "[0]", "[]")
                + "," + cell("03:30", "03:45", "09:15", "09:30", "[0,1]", "[]")
                + "," + cell("03:45", "04:00", "09:30", "09:45", "[0]", "[1]")
                + "," + cell("04:00", "04:15", "09:45", "10:00", "[]", "[0,1]")
                + "," + cell("04:15", "04:25", "10:00", "10:10", "[]", "[0,1]") + "]}");

        ApiClient.Response again = client.get(url() + "?timezone=Asia/Kathmandu")
                .header("If-None-Match", r.header("ETag")).send();
        assertThat(again.status()).isEqualTo(304);
        assertThat(client.get(url()).header("If-None-Match", r.header("ETag")).send().status()).isEqualTo(200);
    }

    @Test
    void from_and_to_keep_cells_starting_inside_and_members_false_keeps_only_counts() {
        JsonNode part = client.get(url() + "?from=2027-03-10T03:30:00Z&to=2027-03-10T04:15:00Z&members=false").send().json();
        assertThat(part.path("maxAttending").asInt()).isEqualTo(2);
        assertThat(part.path("cells").toString()).isEqualTo("["
                + "{\"start\":\"2027-03-10T03:30:00Z\",\"end\":\"2027-03-10T03:45:00Z\",\"availableCount\":2,\"ifNeedBeCount\":0},"
                + "{\"start\":\"2027-03-10T03:45:00Z\",\"end\":\"2027-03-10T04:00:00Z\",\"availableCount\":1,\"ifNeedBeCount\":1},"
                + "{\"start\":\"2027-03-10T04:00:00Z\",\"end\":\"2027-03-10T04:15:00Z\",\"availableCount\":0,\"ifNeedBeCount\":2}]");
        JsonNode none = client.get(url() + "?from=2027-03-11T00:00:00Z").send().json();
        assertThat(none.path("cells")).isEmpty();
        assertThat(none.path("maxAttending").asInt()).isZero();
    }

    @Test
    void bad_parameters_are_400s_naming_them_and_an_unknown_event_is_a_404() {
        assertProblem(client.get(url() + "?timezone=Mars/Base&from=2027-03-10T09:00&to=soon&members=yes").invalid().send(),
                400, "timezone", "from", "to", "members");
        assertProblem(client.get("/api/v1/events/AAAAAAAAAAAAAAAAAAAAAA/heatmap").send(), 404);
    }

    private static String cell(String start, String end, String startLocal, String endLocal, String yes, String maybe) {
        int available = yes.equals("[]") ? 0 : yes.split(",", -1).length;
        int ifNeedBe = maybe.equals("[]") ? 0 : maybe.split(",", -1).length;
        return "{\"start\":\"2027-03-10T" + start + ":00Z\",\"end\":\"2027-03-10T" + end + ":00Z\","
                + "\"startLocal\":\"2027-03-10T" + startLocal + ":00+05:45\",\"endLocal\":\"2027-03-10T" + endLocal
                + ":00+05:45\",\"availableCount\":" + available + ",\"ifNeedBeCount\":" + ifNeedBe
                + ",\"available\":" + yes + ",\"ifNeedBe\":" + maybe + "}";
    }
}
