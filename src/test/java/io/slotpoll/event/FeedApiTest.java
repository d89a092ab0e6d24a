package io.slotpoll.event;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
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

/**
 * API v1.2, the calendar subscription: {@code feed.ics} before a time is picked (no
 * {@code VEVENT}), when final (the {@code VEVENT} of {@code calendar.ics}), after un-picking
 * (that {@code VEVENT} cancelled, {@code SEQUENCE} grown), and picked again; weak ETag and 304.
 */
class FeedApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final String BASE = TestApp.BASE_URL;

    private final ApiClient client = APP.client();
    private String id;
    private String admin;

    @BeforeEach
    void createTheEvent() {
        ObjectNode body = event("Asia/Kathmandu", 60, window("2027-03-14T09:00", "2027-03-14T12:00"));
        body.put("title", "Retro; Q1 \"all hands\"");
        JsonNode created = createEvent(client, body);
        id = created.path("id").asText();
        admin = created.path("adminToken").asText();
    }

    private String feed() {
        return "/api/v1/events/" + id + "/feed.ics";
    }

    private void pick(String start) {
        assertThat(client.put("/api/v1/events/" + id + "/final").bearer(admin)
                .json(ApiClient.object().put("start", start)).send().status()).isEqualTo(200);
    }

    @Test
    void the_feed_follows_picked_moved_unpicked_and_picked_again() throws Exception {
        ApiClient.Response before = client.get(feed()).send();
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.header("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
        assertThat(before.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(before.header("ETag")).isEqualTo("W/\"feed-1\"");
        assertThat(events(before.body())).isEmpty();
        Calendar parsed = new CalendarBuilder().build(new StringReader(before.body()));
        assertThat(prop(parsed.getProperties(), "NAME")).isEqualTo("Retro; Q1 \"all hands\"");
        assertThat(before.body()).contains("\r\nX-WR-CALNAME:Retro\\; Q1 \"all hands\"\r\n");

        pick("2027-03-14T10:00"); // 04:15Z in Kathmandu's +05:45
        VEvent picked = only(client.get(feed()).send().body());
        assertThat(prop(picked, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(prop(picked, Property.SEQUENCE)).isEqualTo("0");
        assertThat(prop(picked, Property.DTSTART)).isEqualTo("20270314T041500Z");
        assertThat(prop(picked, Property.DTEND)).isEqualTo("20270314T051500Z");
        VEvent file = new CalendarBuilder().build(new StringReader(client.get("/api/v1/events/" + id + "/calendar.ics")
                .send().body())).<VEvent>getComponents("VEVENT").getFirst();
        for (String name : List.of(Property.UID, Property.SEQUENCE, Property.DTSTART, Property.DTEND, Property.SUMMARY,
                Property.DESCRIPTION, Property.URL, Property.STATUS, Property.DTSTAMP)) {
            assertThat(prop(picked, name)).as(name).isEqualTo(prop(file, name));
        }

        pick("2027-03-14T11:00");
        VEvent moved = only(client.get(feed()).send().body());
        assertThat(prop(moved, Property.SEQUENCE)).isEqualTo("1");
        assertThat(prop(moved, Property.DTSTART)).isEqualTo("20270314T051500Z");

        assertThat(client.delete("/api/v1/events/" + id + "/final").bearer(admin).send().status()).isEqualTo(204);
        VEvent cancelled = only(client.get(feed()).send().body());
        assertThat(prop(cancelled, Property.UID)).isEqualTo(id + "@slotpoll");
        assertThat(prop(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(prop(cancelled, Property.SEQUENCE)).isEqualTo("2");
        assertThat(prop(cancelled, Property.DTSTART)).isEqualTo("20270314T051500Z");
        assertThat(prop(cancelled, Property.SUMMARY)).isEqualTo("Retro; Q1 \"all hands\"");

        pick("2027-03-14T09:00");
        VEvent again = only(client.get(feed()).send().body());
        assertThat(prop(again, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(prop(again, Property.SEQUENCE)).isEqualTo("2");
        assertThat(prop(again, Property.DTSTART)).isEqualTo("20270314T031500Z");
    }

    @Test
    void a_weak_etag_from_the_event_version_gives_304_and_any_change_a_new_one() {
        ApiClient.Response first = client.get(feed()).send();
        String etag = first.header("ETag");
        ApiClient.Response same = client.get(feed()).header("If-None-Match", etag).send();
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.header("ETag")).isEqualTo(etag);
        assertThat(same.body()).isEmpty();
        assertThat(client.get(feed()).header("If-None-Match", etag.substring(2)).send().status()).isEqualTo(304);
        assertThat(client.patch("/api/v1/events/" + id).bearer(admin).json(ApiClient.object().put("title", "Retro 2"))
                .send().status()).isEqualTo(200);
        ApiClient.Response changed = client.get(feed()).header("If-None-Match", etag).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("W/\"feed-2\"");
        assertThat(changed.body()).contains("X-WR-CALNAME:Retro 2\r\n");
        assertThat(client.call("HEAD", feed()).offContract().send().status()).isEqualTo(200);
        assertProblem(client.get("/api/v1/events/nope-nope-nope/feed.ics").send(), 404);
    }

    /** ical.js, a reader that shares no code with ical4j, follows the same three states. */
    @Test
    void an_independent_reader_ical_js_follows_the_three_states() throws Exception {
        String dir = System.getenv("ICALJS_DIR");
        Assumptions.assumeTrue(dir != null, "ICALJS_DIR is not set: .ci/run installs ical.js and sets it");
        JsonNode before = readWithIcalJs(dir, "before");
        assertThat(before.path("events").asInt()).isZero();
        assertThat(before.path("method").asText()).isEqualTo("PUBLISH");
        // ical.js leaves a property it has no type for (X-WR-CALNAME) as written, escapes included
        assertThat(before.path("name").asText()).isEqualTo("Retro\\; Q1 \"all hands\"");
        assertThat(before.path("refresh").asText()).isEqualTo("PT1H");
        assertThat(before.path("ttl").asText()).isEqualTo("PT1H");
        pick("2027-03-14T10:00");
        JsonNode picked = readWithIcalJs(dir, "picked");
        assertThat(picked.path("events").asInt()).isEqualTo(1);
        assertThat(picked.path("uid").asText()).isEqualTo(id + "@slotpoll");
        assertThat(picked.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(picked.path("sequence").asInt()).isZero();
        assertThat(picked.path("start").asText()).isEqualTo("2027-03-14T04:15:00.000Z");
        assertThat(picked.path("url").asText()).isEqualTo(BASE + "/e/" + id);
        assertThat(client.delete("/api/v1/events/" + id + "/final").bearer(admin).send().status()).isEqualTo(204);
        JsonNode cancelled = readWithIcalJs(dir, "cancelled");
        assertThat(cancelled.path("events").asInt()).isEqualTo(1);
        assertThat(cancelled.path("uid").asText()).isEqualTo(id + "@slotpoll");
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("sequence").asInt()).isEqualTo(1);
        assertThat(cancelled.path("start").asText()).isEqualTo("2027-03-14T04:15:00.000Z");
    }

    private JsonNode readWithIcalJs(String dir, String state) throws Exception {
        Path script = Path.of(dir, "read.mjs");
        try (InputStream in = FeedApiTest.class.getResourceAsStream("/icaljs/read.mjs")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path file = Files.writeString(Path.of(dir, id + "-" + state + ".ics"), client.get(feed()).send().body(),
                StandardCharsets.UTF_8);
        Process node = new ProcessBuilder("node", script.toString(), file.toString()).directory(Path.of(dir).toFile())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(node.waitFor()).as(out).isZero();
        return ApiClient.JSON.readTree(out);
    }

    /** Parses with ical4j; every feed is a PUBLISH calendar with its name and refresh interval. */
    private static List<VEvent> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(prop(calendar.getProperties(), Property.VERSION)).isEqualTo("2.0");
        assertThat(prop(calendar.getProperties(), Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(prop(calendar.getProperties(), "REFRESH-INTERVAL")).isEqualTo("PT1H");
        assertThat(prop(calendar.getProperties(), "X-PUBLISHED-TTL")).isEqualTo("PT1H");
        assertThat(ics).contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
        return calendar.getComponents("VEVENT");
    }

    private static VEvent only(String ics) throws Exception {
        List<VEvent> events = events(ics);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private static String prop(VEvent event, String name) {
        return prop(event.getProperties(), name);
    }

    private static String prop(List<Property> properties, String name) {
        return properties.stream().filter(p -> p.getName().equals(name)).map(Property::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }
}
