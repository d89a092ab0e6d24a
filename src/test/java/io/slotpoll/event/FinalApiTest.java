package io.slotpoll.event;

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
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API v1.1: the page links, finalizing and undoing it, and the calendar file read back with ical4j. */
class FinalApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final String BASE = TestApp.BASE_URL;

    private final ApiClient client = APP.client();
    private String id;
    private String admin;
    private JsonNode ana;

    @BeforeEach
    void createTheEvent() {
        ObjectNode body = event("America/New_York", 60, window("2027-03-14T09:00", "2027-03-14T12:00"),
                window("2027-03-15T09:00", "2027-03-15T10:30"));
        body.put("title", "Q1 Planning; budget, \"review\"");
        body.put("description", "Bring the numbers.\nAnd a long line that goes on and on past the seventy-five octets"
                + " an iCalendar line may hold, with ü and € in it.");
        JsonNode created = createEvent(client, body);
        id = created.path("id").asText();
        admin = created.path("adminToken").asText();
        ana = join(client, id, participant("Ana", "UTC"));
    }

    private String url() {
        return "/api/v1/events/" + id;
    }

    private ApiClient.Response finalize(String start) {
        return client.put(url() + "/final").bearer(admin).json(ApiClient.object().put("start", start)).send();
    }

    @Test
    void create_answers_carry_the_page_links_with_tokens_only_after_the_hash() {
        ObjectNode body = event("UTC", 30, window("2027-01-01T09:00", "2027-01-01T10:00"));
        JsonNode created = createEvent(client, body);
        String eventId = created.path("id").asText();
        String token = created.path("adminToken").asText();
        assertThat(created.path("links").toString()).isEqualTo("{\"participate\":\"" + BASE + "/e/" + eventId + "\","
                + "\"manage\":\"" + BASE + "/e/" + eventId + "/manage#admin=" + token + "\","
                + "\"api\":\"" + BASE + "/api/v1/events/" + eventId + "\","
                + "\"admin\":\"" + BASE + "/api/v1/events/" + eventId + "\"}");
        assertThat(created.path("final").isNull()).isTrue();
        assertThat(ana.path("links").path("edit").asText()).isEqualTo(BASE + "/e/" + id + "#edit="
                + ana.path("id").asText() + "." + ana.path("editToken").asText());
        assertThat(client.get("/api/v1/events/" + eventId).send().json().has("links")).isFalse();
    }

    @Test
    void finalizing_needs_the_admin_token_and_a_candidate_start() {
        assertProblem(client.put(url() + "/final").json(ApiClient.object().put("start", "2027-03-14T09:00")).invalid()
                .send(), 401);
        assertProblem(client.put(url() + "/final").bearer(ana.path("editToken").asText())
                .json(ApiClient.object().put("start", "2027-03-14T09:00")).send(), 403);
        assertProblem(finalize("2027-03-14T09:05"), 400, "start");
        assertProblem(finalize("2027-03-14T11:15"), 400, "start");
        assertProblem(finalize("2027-03-14T08:45"), 400, "start");
        assertProblem(finalize("2027-03-15T09:45"), 400, "start");
        assertProblem(client.put(url() + "/final").bearer(admin).json(ApiClient.object()).invalid().send(), 400, "start");
        assertProblem(client.put("/api/v1/events/AAAAAAAAAAAAAAAAAAAAAA/final").bearer(admin)
                .json(ApiClient.object().put("start", "2027-03-14T09:00")).send(), 404);
        assertProblem(client.delete(url() + "/final").bearer(admin).send(), 409);
        assertProblem(client.get(url() + "/calendar.ics").send(), 409);
        assertThat(client.get(url()).send().json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void a_final_event_has_its_time_links_and_calendar_file_and_refuses_changes_to_its_slots() throws Exception {
        // 11:00 in New York on 14 March 2027 is after the spring-forward change: UTC-4.
        ApiClient.Response picked = finalize("2027-03-14T11:00");
        assertThat(picked.status()).as(picked.body()).isEqualTo(200);
        JsonNode event = picked.json();
        assertThat(event.path("status").asText()).isEqualTo("final");
        assertThat(event.path("final").toString()).isEqualTo("{\"start\":\"2027-03-14T15:00:00Z\",\"end\":\"2027-03-14T16:00:00Z\"}");
        assertThat(event.path("version").asLong()).isEqualTo(3);
        assertThat(event.path("links").path("calendar").asText()).isEqualTo(BASE + "/api/v1/events/" + id + "/calendar.ics");
        assertThat(event.path("links").path("googleCalendar").asText()).isEqualTo(
                "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Q1%20Planning%3B%20budget%2C%20%22review%22"
                        + "&dates=20270314T150000Z/20270314T160000Z&details=https%3A%2F%2Fslotpoll.example%2Fe%2F" + id);
        assertThat(event.path("links").path("outlookCalendar").asText()).isEqualTo(
                "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"
                        + "&subject=Q1%20Planning%3B%20budget%2C%20%22review%22&startdt=2027-03-14T15:00:00Z"
                        + "&enddt=2027-03-14T16:00:00Z&body=https%3A%2F%2Fslotpoll.example%2Fe%2F" + id);
        assertThat(client.get(url()).send().json()).isEqualTo(event);

        assertProblem(client.post(url() + "/participants").json(participant("Ben", "UTC")).send(), 409);
        ObjectNode windows = ApiClient.object();
        windows.putArray("proposedWindows").add(window("2027-03-16T09:00", "2027-03-16T12:00"));
        assertThat(assertProblem(client.patch(url()).bearer(admin).json(windows).send(), 409).path("type").asText())
                .endsWith("/event-final");
        assertProblem(client.patch(url()).bearer(admin).json(ApiClient.object().put("status", "open")).send(), 409);
        assertProblem(client.patch(url()).bearer(admin).json(ApiClient.object().put("durationMinutes", 30)).send(), 409);
        assertThat(client.patch(url()).bearer(admin).json(ApiClient.object().put("description", "Bring the numbers."))
                .send().status()).isEqualTo(200);
        assertThat(client.get(url() + "/recommendations").send().status()).isEqualTo(200);

        ApiClient.Response file = client.get(url() + "/calendar.ics").send();
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"slotpoll-" + id + ".ics\"");
        assertLinesFolded(file.body());
        VEvent vevent = parse(file.body(), 0);
        assertThat(prop(vevent, Property.SUMMARY)).isEqualTo("Q1 Planning; budget, \"review\"");
        assertThat(prop(vevent, Property.DESCRIPTION)).isEqualTo("Bring the numbers.\n\n" + BASE + "/e/" + id);

        ApiClient.Response moved = finalize("2027-03-15T09:30");
        assertThat(moved.json().path("final").path("start").asText()).isEqualTo("2027-03-15T13:30:00Z");
        assertThat(prop(parse(client.get(url() + "/calendar.ics").send().body(), 1), Property.DTSTART))
                .isEqualTo("20270315T133000Z");

        assertThat(client.delete(url() + "/final").bearer(admin).send().status()).isEqualTo(204);
        JsonNode undone = client.get(url()).send().json();
        assertThat(undone.path("status").asText()).isEqualTo("closed");
        assertThat(undone.path("final").isNull()).isTrue();
        assertThat(undone.has("links")).isFalse();
        assertThat(undone.path("version").asLong()).isEqualTo(6);
        assertProblem(client.get(url() + "/calendar.ics").send(), 409);
        assertThat(finalize("2027-03-14T09:00").status()).isEqualTo(200);
        assertThat(prop(parse(client.get(url() + "/calendar.ics").send().body(), 2), Property.SEQUENCE)).isEqualTo("2");
    }

    /**
     * ical.js (npm), a reader that shares no code with ical4j, reads the same file: folding,
     * escaping and UTF-8 across a fold come out as sent. Runs where .ci/run installed it.
     */
    @Test
    void an_independent_reader_ical_js_reads_the_calendar_file_the_same() throws Exception {
        String dir = System.getenv("ICALJS_DIR");
        Assumptions.assumeTrue(dir != null, "ICALJS_DIR is not set: .ci/run installs ical.js and sets it");
        assertThat(finalize("2027-03-14T11:00").status()).isEqualTo(200);
        Path script = Path.of(dir, "read.mjs");
        try (InputStream in = FinalApiTest.class.getResourceAsStream("/icaljs/read.mjs")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path file = Files.writeString(Path.of(dir, id + ".ics"), client.get(url() + "/calendar.ics").send().body(),
                StandardCharsets.UTF_8);
        Process node = new ProcessBuilder("node", script.toString(), file.toString()).directory(Path.of(dir).toFile())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(node.waitFor()).as(out).isZero();
        JsonNode read = ApiClient.JSON.readTree(out);
        assertThat(read.path("version").asText()).isEqualTo("2.0");
        assertThat(read.path("method").asText()).isEqualTo("PUBLISH");
        assertThat(read.path("events").asInt()).isEqualTo(1);
        assertThat(read.path("uid").asText()).isEqualTo(id + "@slotpoll");
        assertThat(read.path("summary").asText()).isEqualTo("Q1 Planning; budget, \"review\"");
        assertThat(read.path("description").asText()).isEqualTo("Bring the numbers.\nAnd a long line that goes on and"
                + " on past the seventy-five octets an iCalendar line may hold, with ü and € in it.\n\n" + BASE + "/e/" + id);
        assertThat(read.path("start").asText()).isEqualTo("2027-03-14T15:00:00.000Z");
        assertThat(read.path("end").asText()).isEqualTo("2027-03-14T16:00:00.000Z");
        assertThat(read.path("sequence").asInt()).isZero();
        assertThat(read.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(read.path("url").asText()).isEqualTo(BASE + "/e/" + id);
    }

    /** Parses the file with ical4j and checks every property of the calendar and its one event. */
    private VEvent parse(String ics, int sequence) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(prop(calendar.getProperties(), Property.VERSION)).isEqualTo("2.0");
        assertThat(prop(calendar.getProperties(), Property.PRODID)).isEqualTo("-//slotpoll//slotpoll 1.1//EN");
        assertThat(prop(calendar.getProperties(), Property.METHOD)).isEqualTo("PUBLISH");
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.getFirst();
        assertThat(prop(event, Property.UID)).isEqualTo(id + "@slotpoll");
        assertThat(prop(event, Property.SEQUENCE)).isEqualTo(Integer.toString(sequence));
        assertThat(prop(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(prop(event, Property.URL)).isEqualTo(BASE + "/e/" + id);
        assertThat(prop(event, Property.DTSTAMP)).matches("\\d{8}T\\d{6}Z");
        assertThat(prop(event, Property.DTSTART)).matches("\\d{8}T\\d{6}Z");
        assertThat(prop(event, Property.DTEND)).matches("\\d{8}T\\d{6}Z");
        return event;
    }

    private static String prop(VEvent event, String name) {
        return prop(event.getProperties(), name);
    }

    private static String prop(List<Property> properties, String name) {
        return properties.stream().filter(p -> p.getName().equals(name)).map(Property::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    /** RFC 5545: CRLF line ends, no line longer than 75 octets. */
    private static void assertLinesFolded(String ics) {
        assertThat(ics).endsWith("\r\n").doesNotContain("\n\n");
        for (String line : ics.split("\r\n", -1)) {
            assertThat(line).doesNotContain("\n");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }
}
