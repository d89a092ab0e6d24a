package io.slotpoll.participant;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Free time from calendar files written the way real services write them (test resources
 * under calendars/): the poll proposes Friday 26 March 2027 and Monday 29 March 2027,
 * 09:00-13:00 in Berlin, on both sides of the EU's DST change (08:00-12:00Z, then 07:00-11:00Z).
 */
class CalendarImportApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();
    private String id;

    @BeforeEach
    void createPoll() {
        id = createEvent(client, event("Europe/Berlin", 30, window("2027-03-26T09:00", "2027-03-26T13:00"),
                window("2027-03-29T09:00", "2027-03-29T13:00"))).path("id").asText();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(CalendarImportApiTest.class.getResourceAsStream("/calendars/" + name))) {
            return in.readAllBytes();
        }
    }

    private ApiClient.Response upload(String fixture, String query) throws IOException {
        return client.post("/api/v1/events/" + id + "/availability-from-calendar" + query)
                .body(fixture(fixture), "text/calendar").send();
    }

    private static String w(String start, String end, String preference) {
        return "{\"start\":\"2027-03-" + start + ":00Z\",\"end\":\"2027-03-" + end + ":00Z\",\"preference\":\"" + preference + "\"}";
    }

    private static String answer(String... windows) {
        return "{\"availability\":[" + String.join(",", windows) + "]}";
    }

    @Test
    void google_recurring_meeting_with_an_exception_and_a_moved_instance_tentative_transparent_and_cancelled() throws IOException {
        // Stand-up Mon and Fri 10:00-10:30: Friday's moved to 11:00 (10:00Z), Monday's excluded;
        // a tentative call Monday 09:00-10:00 (07:00Z); a transparent and a cancelled event count for nothing.
        String expected = answer(w("26T08:00", "26T10:00", "yes"), w("26T10:30", "26T12:00", "yes"),
                w("29T07:00", "29T08:00", "ifneedbe"), w("29T08:00", "29T11:00", "yes"));
        ApiClient.Response r = upload("google.ics", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(expected);
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"Pacific/Chatham", "America/St_Johns", "Asia/Kathmandu"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                assertThat(upload("google.ics", "").body()).as("JVM default zone %s", zone).isEqualTo(expected);
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void exchange_windows_zone_names_without_vtimezone_and_a_floating_time_in_the_request_zone() throws IOException {
        // 00:30 Pacific Daylight is 07:30Z; "W. Europe Standard Time" is Berlin (12:00 = 11:00Z);
        // the floating 09:30 is read in the request's zone, Berlin by default (08:30Z).
        assertThat(upload("exchange.ics", "").body()).isEqualTo(answer(w("26T08:00", "26T08:30", "yes"),
                w("26T09:00", "26T11:00", "yes"), w("29T07:00", "29T07:30", "yes"), w("29T08:30", "29T11:00", "yes")));
        // Read in Kolkata, the floating 09:30 is 04:00Z: outside the poll.
        assertThat(upload("exchange.ics", "?timezone=Asia/Kolkata").body()).isEqualTo(answer(w("26T08:00", "26T11:00", "yes"),
                w("29T07:00", "29T07:30", "yes"), w("29T08:30", "29T11:00", "yes")));
    }

    @Test
    void outlook_with_its_own_windows_named_vtimezone_and_bare_line_feeds() throws IOException {
        // Weekly sync Mondays 09:30-10:30 "W. Europe Standard Time" (the file's own VTIMEZONE): on 29 March,
        // after the change, 07:30-08:30Z. A tentative 1:1 Friday 11:30-12:00 (10:30Z). The file ends lines in LF only.
        assertThat(upload("outlook.ics", "").body()).isEqualTo(answer(w("26T08:00", "26T10:30", "yes"),
                w("26T10:30", "26T11:00", "ifneedbe"), w("26T11:00", "26T12:00", "yes"), w("29T07:00", "29T07:30", "yes"),
                w("29T08:30", "29T11:00", "yes")));
    }

    @Test
    void a_file_over_one_mebibyte_is_refused_before_it_is_read() {
        byte[] big = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(big, (byte) 'x');
        assertProblem(client.post("/api/v1/events/" + id + "/availability-from-calendar").body(big, "text/calendar")
                .invalid().send(), 413);
    }

    @Test
    void fastmail_free_busy_periods_by_type() throws IOException {
        assertThat(upload("fastmail-freebusy.ics", "").body()).isEqualTo(answer(w("26T08:00", "26T09:00", "yes"),
                w("26T10:00", "26T12:00", "yes"), w("29T07:00", "29T08:00", "yes"), w("29T08:00", "29T09:30", "ifneedbe"),
                w("29T09:30", "29T11:00", "yes")));
    }

    @Test
    void an_all_day_event_blocks_the_whole_local_day_of_the_request_zone() throws IOException {
        assertThat(upload("icloud.ics", "").body()).as("Berlin: all of Friday").isEqualTo(answer(w("29T07:00", "29T11:00", "yes")));
        // On Kiritimati (+14) Friday 26 March is 25 March 10:00Z to 26 March 10:00Z.
        assertThat(upload("icloud.ics", "?timezone=Pacific/Kiritimati").body())
                .isEqualTo(answer(w("26T10:00", "26T12:00", "yes"), w("29T07:00", "29T11:00", "yes")));
    }

    @Test
    void a_daily_rule_across_the_dst_change_keeps_local_time() throws IOException {
        // Lunch walk 12:00-12:30 Berlin every day: 11:00Z on Friday, 10:00Z on Monday.
        assertThat(upload("nextcloud.ics", "").body()).isEqualTo(answer(w("26T08:00", "26T11:00", "yes"),
                w("26T11:30", "26T12:00", "yes"), w("29T07:00", "29T10:00", "yes"), w("29T10:30", "29T11:00", "yes")));
    }

    @Test
    void the_result_can_be_put_unchanged_as_an_answer() throws IOException {
        JsonNode free = upload("google.ics", "").json();
        JsonNode joined = client.post("/api/v1/events/" + id + "/participants")
                .json(ApiClient.object().put("name", "Ana").put("timezone", "Europe/Berlin")).send().json();
        ApiClient.Response put = client.put("/api/v1/events/" + id + "/participants/" + joined.path("id").asText() + "/availability")
                .bearer(joined.path("editToken").asText())
                .json(ApiClient.object().put("timezone", "Europe/Berlin").set("availability", free.path("availability"))).send();
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("availability")).isEqualTo(free.path("availability"));
    }

    @Test
    void what_is_not_a_usable_calendar_is_a_422_and_bad_requests_name_their_problem() throws IOException {
        assertProblem(client.post("/api/v1/events/" + id + "/availability-from-calendar")
                .body("hello".getBytes(StandardCharsets.UTF_8), "text/calendar").send(), 422);
        assertThat(client.post("/api/v1/events/" + id + "/availability-from-calendar")
                .body("hello".getBytes(StandardCharsets.UTF_8), "text/calendar").send().text("type"))
                .isEqualTo("https://slotpoll.io/problems/calendar-invalid");
        String runaway = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:x",
                "DTSTAMP:20270101T000000Z", "DTSTART:20270101T000000Z", "DTEND:20270101T000030Z", "RRULE:FREQ=SECONDLY;INTERVAL=2",
                "END:VEVENT", "END:VCALENDAR", "");
        ApiClient.Response refused = client.post("/api/v1/events/" + id + "/availability-from-calendar")
                .body(runaway.getBytes(StandardCharsets.UTF_8), "text/calendar").send();
        assertProblem(refused, 422);
        assertThat(refused.text("detail")).isEqualTo("the calendar cannot be used: event x has a recurrence rule that would"
                + " take more than 2000000 steps to expand up to the poll's end (FREQ=SECONDLY;INTERVAL=2)");
        String everySecondOfTheDay = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:dos",
                "DTSTAMP:20270101T000000Z", "DTSTART:20200101T000000Z", "DURATION:PT1S",
                "RRULE:FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE="
                        + String.join(",", java.util.stream.IntStream.range(0, 60).mapToObj(Integer::toString).toList()),
                "END:VEVENT", "END:VCALENDAR", "");
        ApiClient.Response dos = client.post("/api/v1/events/" + id + "/availability-from-calendar")
                .body(everySecondOfTheDay.getBytes(StandardCharsets.UTF_8), "text/calendar").send();
        assertProblem(dos, 422);
        assertThat(dos.text("detail")).contains("event dos has a recurrence rule that would take more than 2000000 steps");
        String nested = "BEGIN:VCALENDAR\r\n" + "BEGIN:VEVENT\r\n".repeat(40_000) + "END:VCALENDAR\r\n";
        assertProblem(client.post("/api/v1/events/" + id + "/availability-from-calendar")
                .body(nested.getBytes(StandardCharsets.UTF_8), "text/calendar").send(), 422);
        String weeks = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VFREEBUSY", "UID:f", "DTSTAMP:20270101T000000Z",
                "FREEBUSY:20270326T080000Z/P99999999999999999999W", "END:VFREEBUSY", "END:VCALENDAR", "");
        assertProblem(client.post("/api/v1/events/" + id + "/availability-from-calendar")
                .body(weeks.getBytes(StandardCharsets.UTF_8), "text/calendar").send(), 422);
        assertProblem(client.post("/api/v1/events/" + id + "/availability-from-calendar?timezone=Mars/Olympus")
                .body(fixture("google.ics"), "text/calendar").invalid().send(), 400, "timezone");
        assertProblem(client.post("/api/v1/events/" + id + "/availability-from-calendar")
                .body(fixture("google.ics"), "text/plain").invalid().send(), 415);
        assertProblem(client.post("/api/v1/events/AAAAAAAAAAAAAAAAAAAAAA/availability-from-calendar")
                .body(fixture("google.ics"), "text/calendar").send(), 404);
        assertProblem(client.post("/api/v1/events/" + id + "/availability-from-calendar")
                .json(ApiClient.object().put("link", "x")).invalid().send(), 400, "link", "url");
    }
}
