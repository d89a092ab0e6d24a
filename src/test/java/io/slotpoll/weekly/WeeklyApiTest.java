package io.slotpoll.weekly;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.join;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Weekly polls over HTTP, on a first week that holds New York's spring DST change (Sunday
 * 14 March 2027): the windows' UTC instants, answers from Tokyo (no DST) and London (its
 * change two weeks later) converted through that week, the ranking with each slot's day and
 * local time, the offset changes of the 26 weeks, the final .ics that repeats weekly in New
 * York's zone, and every malformed field named.
 */
class WeeklyApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();

    static ObjectNode weekly(String day, String start, String end) {
        return ApiClient.object().put("day", day).put("start", start).put("end", end);
    }

    static ObjectNode weeklyPoll(String zone, String firstWeek, ObjectNode... windows) {
        ObjectNode body = ApiClient.object().put("title", "Weekly class").put("kind", "weekly").put("durationMinutes", 60)
                .put("slotStepMinutes", 60).put("timezone", zone).put("firstWeek", firstWeek);
        ArrayNode list = body.putArray("weeklyWindows");
        for (ObjectNode w : windows) {
            list.add(w);
        }
        return body;
    }

    static ObjectNode answer(String name, String zone, ObjectNode... windows) {
        ObjectNode body = ApiClient.object().put("name", name).put("timezone", zone);
        ArrayNode list = body.putArray("weeklyAvailability");
        for (ObjectNode w : windows) {
            list.add(w);
        }
        return body;
    }

    @Test
    void a_new_york_week_with_its_dst_change_answered_from_tokyo_and_london() throws Exception {
        JsonNode created = createEvent(client, weeklyPoll("America/New_York", "2027-03-10",
                weekly("MON", "09:00", "12:00"), weekly("SUN", "01:00", "04:00")));
        String id = created.path("id").asText();
        assertThat(created.path("kind").asText()).isEqualTo("weekly");
        assertThat(created.path("firstWeek").asText()).isEqualTo("2027-03-10");
        assertThat(created.path("weeklyWindows").toString()).isEqualTo("[{\"day\":\"MON\",\"start\":\"09:00\",\"end\":\"12:00\"},"
                + "{\"day\":\"SUN\",\"start\":\"01:00\",\"end\":\"04:00\"}]");
        // Monday 8 March 09:00 EST; Sunday 14 March 01:00 EST to 04:00 EDT: two hours across the gap
        assertThat(created.path("proposedWindows").toString()).isEqualTo("[{\"start\":\"2027-03-08T14:00:00Z\","
                + "\"end\":\"2027-03-08T17:00:00Z\"},{\"start\":\"2027-03-14T06:00:00Z\",\"end\":\"2027-03-14T08:00:00Z\"}]");

        // Tokyo: Tuesday 00:00-02:00 is Monday 15:00-17:00Z; Monday 08:00-10:00 falls before the
        // week (Sunday 7 March 23:00Z) and moves a week on, to Sunday 14 March 23:00Z
        JsonNode aki = join(client, id, answer("Aki", "Asia/Tokyo", weekly("TUE", "00:00", "02:00"),
                weekly("MON", "08:00", "10:00")));
        assertThat(aki.path("availability").toString()).isEqualTo("[{\"start\":\"2027-03-08T15:00:00Z\","
                + "\"end\":\"2027-03-08T17:00:00Z\",\"preference\":\"yes\"},{\"start\":\"2027-03-14T23:00:00Z\","
                + "\"end\":\"2027-03-15T01:00:00Z\",\"preference\":\"yes\"}]");
        assertThat(aki.path("weeklyAvailability").toString()).isEqualTo("[{\"day\":\"TUE\",\"start\":\"00:00\",\"end\":\"02:00\","
                + "\"preference\":\"yes\"},{\"day\":\"MON\",\"start\":\"08:00\",\"end\":\"10:00\",\"preference\":\"yes\"}]");
        JsonNode bea = join(client, id, answer("Bea", "Europe/London", weekly("MON", "14:00", "17:00")));
        assertThat(bea.path("availability").toString()).isEqualTo("[{\"start\":\"2027-03-08T14:00:00Z\","
                + "\"end\":\"2027-03-08T17:00:00Z\",\"preference\":\"yes\"}]");

        JsonNode ranked = client.get("/api/v1/events/" + id + "/recommendations?limit=3&timezone=Asia/Tokyo").send().json();
        JsonNode first = ranked.path("recommendations").get(0);
        assertThat(first.path("start").asText()).isEqualTo("2027-03-08T15:00:00Z");
        assertThat(first.path("day").asText()).isEqualTo("TUE");
        assertThat(first.path("time").asText()).isEqualTo("00:00");
        assertThat(first.path("availableCount").asInt()).isEqualTo(2);
        // New York's 10:00 moves from 15:00Z to 14:00Z on 15 March: Tokyo sees 23:00 (a day
        // earlier by weekday), London 14:00 until its own change on 28 March makes it 15:00
        assertThat(first.path("offsetChanges").toString()).isEqualTo("[{\"participantId\":\"" + aki.path("id").asText()
                + "\",\"name\":\"Aki\",\"date\":\"2027-03-15\",\"time\":\"23:00\"},{\"participantId\":\""
                + bea.path("id").asText() + "\",\"name\":\"Bea\",\"date\":\"2027-03-15\",\"time\":\"14:00\"},"
                + "{\"participantId\":\"" + bea.path("id").asText() + "\",\"name\":\"Bea\",\"date\":\"2027-03-29\","
                + "\"time\":\"15:00\"}]");
        JsonNode second = ranked.path("recommendations").get(1);
        assertThat(second.path("start").asText()).isEqualTo("2027-03-08T16:00:00Z");
        assertThat(ranked.path("recommendations").get(2).path("start").asText()).isEqualTo("2027-03-08T14:00:00Z");
        JsonNode inNewYork = client.get("/api/v1/events/" + id + "/recommendations?limit=1").send().json()
                .path("recommendations").get(0);
        assertThat(inNewYork.path("day").asText()).isEqualTo("MON");
        assertThat(inNewYork.path("time").asText()).isEqualTo("10:00");

        // picked: a weekly event in New York's zone, whose 26 occurrences all start at 10:00 there
        String admin = created.path("adminToken").asText();
        assertThat(client.put("/api/v1/events/" + id + "/final").bearer(admin)
                .json(ApiClient.object().put("start", "2027-03-08T15:00:00Z")).send().status()).isEqualTo(200);
        String ics = client.get("/api/v1/events/" + id + "/calendar.ics").send().body();
        assertThat(ics).contains("DTSTART;TZID=America/New_York:20270308T100000\r\n")
                .contains("DTEND;TZID=America/New_York:20270308T110000\r\n").contains("RRULE:FREQ=WEEKLY\r\n")
                .contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n").contains("UID:" + id + "@slotpoll\r\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = (VEvent) calendar.getComponents("VEVENT").getFirst();
        ZoneId newYork = ZoneId.of("America/New_York");
        List<Period<Temporal>> occurrences = event.<Temporal>calculateRecurrenceSet(new Period<>(
                ZonedDateTime.of(2027, 3, 1, 0, 0, 0, 0, newYork), ZonedDateTime.of(2027, 9, 1, 0, 0, 0, 0, newYork)))
                .stream().sorted((a, b) -> ZonedDateTime.from(a.getStart()).compareTo(ZonedDateTime.from(b.getStart())))
                .limit(26).toList();
        assertThat(occurrences).hasSize(26);
        for (int week = 0; week < 26; week++) {
            ZonedDateTime start = ZonedDateTime.from(occurrences.get(week).getStart()).withZoneSameInstant(newYork);
            assertThat(start.toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 3, 8, 10, 0).plusWeeks(week));
        }
        readWithIcalJs(ics, occurrences.stream().map(o -> ZonedDateTime.from(o.getStart()).toInstant().toString()
                .replace("Z", ".000Z")).toList());
        JsonNode picked = client.get("/api/v1/events/" + id).send().json();
        assertThat(picked.path("links").path("googleCalendar").asText())
                .contains("&ctz=America%2FNew_York&recur=RRULE%3AFREQ%3DWEEKLY");
    }

    /**
     * ical.js, a reader that shares no code with ical4j, expands the same 26 occurrences
     * (where .ci/run installed it; else this part is skipped, as in FinalApiTest).
     */
    private static void readWithIcalJs(String ics, List<String> expected) throws Exception {
        String dir = System.getenv("ICALJS_DIR");
        if (dir == null) {
            return;
        }
        Path script = Path.of(dir, "read.mjs");
        try (InputStream in = WeeklyApiTest.class.getResourceAsStream("/icaljs/read.mjs")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path file = Files.writeString(Path.of(dir, "weekly.ics"), ics, StandardCharsets.UTF_8);
        Process node = new ProcessBuilder("node", script.toString(), file.toString()).directory(Path.of(dir).toFile())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(node.waitFor()).as(out).isZero();
        JsonNode read = ApiClient.JSON.readTree(out);
        assertThat(read.path("rrule").asText()).isEqualTo("FREQ=WEEKLY");
        List<String> occurrences = new ArrayList<>();
        read.path("occurrences").forEach(o -> occurrences.add(o.asText()));
        assertThat(occurrences).isEqualTo(expected);
    }

    @Test
    void every_malformed_weekly_field_is_named() {
        assertProblem(client.post("/api/v1/events").json(weeklyPoll("UTC", "2027-01-04", weekly("MOO", "09:00", "10:00")))
                .invalid().send(), 400, "weeklyWindows[0].day");
        assertProblem(client.post("/api/v1/events").json(weeklyPoll("UTC", "2027-01-04", weekly("MON", "25:00", "26:00")))
                .invalid().send(), 400, "weeklyWindows[0].start", "weeklyWindows[0].end");
        assertProblem(client.post("/api/v1/events").json(weeklyPoll("UTC", "2027-01-04", weekly("MON", "10:00", "09:00")))
                .send(), 400, "weeklyWindows[0].end");
        ObjectNode many = weeklyPoll("UTC", "2027-01-04");
        for (int i = 0; i < 51; i++) {
            ((ArrayNode) many.get("weeklyWindows")).add(weekly("MON", "09:00", "10:00"));
        }
        assertProblem(client.post("/api/v1/events").json(many).invalid().send(), 400, "weeklyWindows");
        assertProblem(client.post("/api/v1/events").json(weeklyPoll("UTC", "2027-02-30", weekly("MON", "09:00", "10:00")))
                .invalid().send(), 400, "firstWeek");
        ObjectNode both = weeklyPoll("UTC", "2027-01-04", weekly("MON", "09:00", "10:00"));
        both.putArray("proposedWindows").add(ApiClient.object().put("start", "2027-01-04T09:00").put("end", "2027-01-04T10:00"));
        assertProblem(client.post("/api/v1/events").json(both).send(), 400, "proposedWindows");
        ObjectNode dates = io.slotpoll.testing.Fixtures.event("UTC", 60,
                io.slotpoll.testing.Fixtures.window("2027-01-04T09:00", "2027-01-04T10:00"));
        dates.putArray("weeklyWindows").add(weekly("MON", "09:00", "10:00"));
        dates.put("firstWeek", "2027-01-04");
        assertProblem(client.post("/api/v1/events").json(dates).send(), 400, "weeklyWindows", "firstWeek");

        String weeklyId = createEvent(client, weeklyPoll("UTC", "2027-01-04", weekly("MON", "09:00", "12:00")))
                .path("id").asText();
        ObjectNode dated = io.slotpoll.testing.Fixtures.participant("Ana", "UTC",
                io.slotpoll.testing.Fixtures.window("2027-01-04T09:00", "2027-01-04T10:00"));
        assertProblem(client.post("/api/v1/events/" + weeklyId + "/participants").json(dated).send(), 400, "availability");
        String datesId = createEvent(client, io.slotpoll.testing.Fixtures.event("UTC", 60,
                io.slotpoll.testing.Fixtures.window("2027-01-04T09:00", "2027-01-04T10:00"))).path("id").asText();
        assertProblem(client.post("/api/v1/events/" + datesId + "/participants")
                .json(answer("Ana", "UTC", weekly("MON", "09:00", "10:00"))).send(), 400, "weeklyAvailability");
        assertProblem(client.post("/api/v1/events/" + weeklyId + "/participants")
                .json(answer("Ana", "UTC", weekly("SUN", "23:00", "24:01"))).invalid().send(), 400,
                "weeklyAvailability[0].end");
        // a dates poll's representation has none of the weekly fields
        JsonNode plain = client.get("/api/v1/events/" + datesId).send().json();
        assertThat(plain.has("kind")).isFalse();
        assertThat(plain.has("weeklyWindows")).isFalse();
    }
}
