package io.slotpoll.calendar;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calendar import forgives what real exports get wrong (API.md, "Calendar import that
 * forgives real-world files"): a value that cannot be read is left out and reported in
 * {@code skipped} with its line of the unfolded file, the rest is read as usual, and
 * {@code DTEND} wins over {@code DURATION}. Each case is one of the three found from outside:
 * a holiday publisher's empty {@code RRULE:} (the whole file was a 422), a DAVx5
 * {@code EXDATE} list ending in a comma (ignored whole, so cancelled instances came out busy),
 * and a Thunderbird moved instance with {@code DTEND} and {@code DURATION:PT0S} (read as no time).
 */
class ForgivingImportApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();
    private String id;

    @BeforeEach
    void createPoll() {
        // Monday 3 and Monday 10 May 2027, 09:00-12:00 in Berlin (07:00-10:00Z)
        id = createEvent(client, event("Europe/Berlin", 30, window("2027-05-03T09:00", "2027-05-03T12:00"),
                window("2027-05-10T09:00", "2027-05-10T12:00"), window("2027-05-17T09:00", "2027-05-17T12:00")))
                .path("id").asText();
    }

    private ApiClient.Response upload(String... lines) {
        String ics = String.join("\r\n", lines) + "\r\n";
        return client.post("/api/v1/events/" + id + "/availability-from-calendar")
                .body(ics.getBytes(StandardCharsets.UTF_8), "text/calendar").send();
    }

    private static final String FREE_3 = "{\"start\":\"2027-05-03T07:00:00Z\",\"end\":\"2027-05-03T10:00:00Z\",\"preference\":\"yes\"}";
    private static final String FREE_17 = "{\"start\":\"2027-05-17T07:00:00Z\",\"end\":\"2027-05-17T10:00:00Z\",\"preference\":\"yes\"}";

    @Test
    void empty_rrules_are_left_out_and_their_events_read_once() {
        ApiClient.Response r = upload("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Calendar Labs//Calendar 1.0//EN",
                "BEGIN:VEVENT", "UID:holiday-1", "DTSTAMP:20270101T000000Z", "SUMMARY:Holiday",
                "DTSTART;VALUE=DATE:20270510", "DTEND;VALUE=DATE:20270511", "RRULE:", "END:VEVENT",
                "BEGIN:VEVENT", "UID:meeting", "DTSTAMP:20270101T000000Z",
                "DTSTART;TZID=Europe/Berlin:20270503T100000", "DTEND;TZID=Europe/Berlin:20270503T110000",
                "RRULE:", "END:VEVENT", "END:VCALENDAR");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"availability\":["
                + "{\"start\":\"2027-05-03T07:00:00Z\",\"end\":\"2027-05-03T08:00:00Z\",\"preference\":\"yes\"},"
                + "{\"start\":\"2027-05-03T09:00:00Z\",\"end\":\"2027-05-03T10:00:00Z\",\"preference\":\"yes\"},"
                + FREE_17 + "],\"skipped\":["
                + "{\"line\":10,\"property\":\"RRULE\",\"reason\":\"the recurrence rule is empty\"},"
                + "{\"line\":17,\"property\":\"RRULE\",\"reason\":\"the recurrence rule is empty\"}]}");
    }

    @Test
    void an_exdate_list_with_a_trailing_comma_keeps_its_dates() {
        ApiClient.Response r = upload("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:+//IDN bitfire.at//DAVx5/4.3 ical4j/3.2.19",
                "BEGIN:VEVENT", "UID:weekly", "DTSTAMP:20270101T000000Z",
                "DTSTART;TZID=Europe/Berlin:20270503T090000", "DTEND;TZID=Europe/Berlin:20270503T120000",
                "RRULE:FREQ=WEEKLY;COUNT=3", "EXDATE;TZID=Europe/Berlin:20270503T090000,20270517T090000,",
                "END:VEVENT", "END:VCALENDAR");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"availability\":[" + FREE_3 + "," + FREE_17 + "],\"skipped\":["
                + "{\"line\":10,\"property\":\"EXDATE\",\"reason\":\"the value \\\"\\\" cannot be read; the other 2 values were used\"}]}");
    }

    @Test
    void dtend_wins_over_a_zero_duration_in_a_moved_instance() {
        ApiClient.Response r = upload("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
                "BEGIN:VEVENT", "UID:standup", "DTSTAMP:20270101T000000Z",
                "DTSTART;TZID=Europe/Berlin:20270503T090000", "DTEND;TZID=Europe/Berlin:20270503T093000",
                "RRULE:FREQ=WEEKLY;COUNT=3", "END:VEVENT",
                "BEGIN:VEVENT", "UID:standup", "DTSTAMP:20270101T000000Z",
                "RECURRENCE-ID;TZID=Europe/Berlin:20270510T090000",
                "DTSTART;TZID=Europe/Berlin:20270510T100000", "DURATION:PT0S", "DTEND;TZID=Europe/Berlin:20270510T110000",
                "END:VEVENT", "END:VCALENDAR");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"availability\":["
                + "{\"start\":\"2027-05-03T07:30:00Z\",\"end\":\"2027-05-03T10:00:00Z\",\"preference\":\"yes\"},"
                + "{\"start\":\"2027-05-10T07:00:00Z\",\"end\":\"2027-05-10T08:00:00Z\",\"preference\":\"yes\"},"
                + "{\"start\":\"2027-05-10T09:00:00Z\",\"end\":\"2027-05-10T10:00:00Z\",\"preference\":\"yes\"},"
                + "{\"start\":\"2027-05-17T07:30:00Z\",\"end\":\"2027-05-17T10:00:00Z\",\"preference\":\"yes\"}]}");
    }

    @Test
    void unreadable_dates_durations_and_periods_are_left_out_with_their_lines_counted_after_unfolding() {
        ApiClient.Response r = upload("BEGIN:VCALENDAR", "VERSION:2.0",
                "X-LONG:a folded", " line that counts once",
                "",
                "BEGIN:VEVENT", "UID:no-start", "DTSTAMP:20270101T000000Z", "DTSTART:20271340T250000",
                "DTEND:20270503T100000Z", "END:VEVENT",
                "BEGIN:VEVENT", "UID:bad-end", "DTSTAMP:20270101T000000Z", "DTSTART:20270510T070000Z",
                "DTEND:2027-05-10", "DURATION:PT1H", "END:VEVENT",
                "BEGIN:VEVENT", "UID:bad-duration", "DTSTAMP:20270101T000000Z", "DTSTART:20270517T070000Z",
                "DURATION:PT", "END:VEVENT",
                "BEGIN:VFREEBUSY", "UID:fb", "DTSTAMP:20270101T000000Z",
                "FREEBUSY:20270517T090000Z/PT30M,nonsense,20270517T093000Z/P99999999999999999999W,x/y", "END:VFREEBUSY",
                "END:VCALENDAR");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"availability\":[" + FREE_3
                + ",{\"start\":\"2027-05-10T08:00:00Z\",\"end\":\"2027-05-10T10:00:00Z\",\"preference\":\"yes\"},"
                + "{\"start\":\"2027-05-17T07:00:00Z\",\"end\":\"2027-05-17T09:00:00Z\",\"preference\":\"yes\"},"
                + "{\"start\":\"2027-05-17T09:30:00Z\",\"end\":\"2027-05-17T10:00:00Z\",\"preference\":\"yes\"}],\"skipped\":["
                + "{\"line\":5,\"property\":\"VEVENT\",\"reason\":\"the event has no readable DTSTART, so it was left out\"},"
                + "{\"line\":8,\"property\":\"DTSTART\",\"reason\":\"the date \\\"20271340T250000\\\" cannot be read\"},"
                + "{\"line\":15,\"property\":\"DTEND\",\"reason\":\"the date \\\"2027-05-10\\\" cannot be read\"},"
                + "{\"line\":22,\"property\":\"DURATION\",\"reason\":\"the duration \\\"PT\\\" cannot be read\"},"
                + "{\"line\":27,\"property\":\"FREEBUSY\",\"reason\":\"the values \\\"nonsense\\\", "
                + "\\\"20270517T093000Z/P99999999999999999999W\\\", \\\"x/y\\\" cannot be read; the other 1 value was used\"}]}");
    }

    @Test
    void a_file_in_which_nothing_can_be_read_is_still_a_422() {
        ApiClient.Response r = upload("BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:x", "DTSTART:yesterday",
                "END:VEVENT", "END:VCALENDAR");
        assertProblem(r, 422);
        assertThat(r.text("type")).isEqualTo("https://slotpoll.io/problems/calendar-invalid");
        assertThat(r.text("detail")).isEqualTo("the calendar cannot be used: nothing in it can be read (line 5, DTSTART: "
                + "the date \"yesterday\" cannot be read)");
    }
}
