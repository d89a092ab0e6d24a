package io.slotpoll.calendar;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile calendar files: the fixtures cut, spliced, with lines dropped, repeated or
 * swapped, properties given nonsense values, bytes flipped. Every answer is a 200 or a
 * well-formed 422, never a 5xx, and each 200 is a list of whole-minute windows inside the poll.
 */
class CalendarFuzzTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final String[] FIXTURES = {"google.ics", "exchange.ics", "outlook.ics", "fastmail-freebusy.ics",
        "icloud.ics", "nextcloud.ics"};
    private static final String[] NONSENSE = {"", "X", "-1", "99999999T999999Z", "20270229T250000", "FREQ=DAILY;COUNT=-5",
        "FREQ=YEARLY;BYMONTH=13", "FREQ=WEEKLY;BYDAY=XX", "FREQ=HOURLY;INTERVAL=0", "P-1D", "PT99999999H", "\\\\\\\\",
        "20270326", "20270326T100000Z/20270325T100000Z", "19000101T000000", "99991231T235959Z", ";;;", "\"", "TZID=Mars/Olympus"};

    @Test
    void no_mutation_of_a_real_calendar_gets_a_server_error() throws IOException {
        ApiClient client = APP.client();
        String id = createEvent(client, event("Europe/Berlin", 30, window("2027-03-26T09:00", "2027-03-26T13:00"),
                window("2027-03-29T09:00", "2027-03-29T13:00"))).path("id").asText();
        Random random = new Random(20261202);
        int ok = 0;
        int refused = 0;
        for (int i = 0; i < 600; i++) {
            List<String> lines = new ArrayList<>(Arrays.asList(fixture(FIXTURES[random.nextInt(FIXTURES.length)]).split("\r?\n", -1)));
            for (int m = 1 + random.nextInt(4); m > 0; m--) {
                mutate(random, lines);
            }
            byte[] body = String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(10) == 0 && body.length > 0) {
                body[random.nextInt(body.length)] ^= (byte) (1 << random.nextInt(8));
            }
            ApiClient.Response r = client.post("/api/v1/events/" + id + "/availability-from-calendar").body(body, "text/calendar")
                    .invalid().send();
            assertThat(r.status()).as("case %d:%n%s%n%s", i, new String(body, StandardCharsets.UTF_8), r.body()).isIn(200, 422);
            if (r.status() == 200) {
                ok++;
                r.json().path("availability").forEach(w -> {
                    assertThat(w.path("start").asText()).matches("2027-03-(26|29)T\\d\\d:\\d\\d:00Z");
                    assertThat(w.path("end").asText()).matches("2027-03-(26|29)T\\d\\d:\\d\\d:00Z");
                });
            } else {
                refused++;
                assertThat(r.text("type")).isIn("https://slotpoll.io/problems/calendar-invalid");
            }
        }
        assertThat(ok).as("mutations still readable").isGreaterThan(100);
        assertThat(refused).as("mutations refused").isGreaterThan(20);
    }

    private static void mutate(Random random, List<String> lines) {
        int at = random.nextInt(lines.size());
        switch (random.nextInt(6)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
            case 2 -> {
                int other = random.nextInt(lines.size());
                String swap = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, swap);
            }
            case 3 -> {
                String line = lines.get(at);
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lines.set(at, line.substring(0, colon + 1) + NONSENSE[random.nextInt(NONSENSE.length)]);
                }
            }
            case 4 -> lines.set(at, lines.get(at).substring(0, random.nextInt(lines.get(at).length() + 1)));
            default -> lines.subList(at, lines.size()).clear();
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(CalendarFuzzTest.class.getResourceAsStream("/calendars/" + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
