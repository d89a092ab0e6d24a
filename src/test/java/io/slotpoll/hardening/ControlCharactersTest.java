package io.slotpoll.hardening;

import static io.slotpoll.testing.Fixtures.assertProblem;
import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Control characters (every C0 code point, DEL and every C1 code point) never reach a
 * generated file. At the door: a title, a name or a description holding one is a 400 naming
 * the field (a description may hold LF and TAB). Behind it: rows written before that rule
 * (put straight into the database here) still give a calendar file and a CSV export that
 * hold no control character but their own line ends, and that ical4j and a CSV reader read
 * back as exactly one event and one row per window. Before the fix a description with
 * {@code "\rEND:VEVENT\rBEGIN:VEVENT\r..."} was accepted and came out as two events.
 */
class ControlCharactersTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();

    /** Every C0 control, DEL and every C1 control. */
    static final List<Integer> CONTROLS = IntStream.concat(IntStream.range(0, 0x20), IntStream.rangeClosed(0x7F, 0x9F))
            .boxed().toList();

    private static ObjectNode anEvent() {
        return event("Europe/Berlin", 60, window("2027-05-03T09:00", "2027-05-03T12:00"));
    }

    private static String with(int c) {
        return "before" + Character.toString(c) + "after";
    }

    @Test
    void a_control_character_in_a_title_name_or_description_is_a_400_naming_the_field() {
        for (int c : CONTROLS) {
            String hex = String.format("U+%04X", c);
            assertProblem(client.post("/api/v1/events").json(anEvent().put("title", with(c))).send(), 400, "title");
            ApiClient.Response described = client.post("/api/v1/events").json(anEvent().put("description", with(c))).send();
            if (c == '\n' || c == '\t') {
                assertThat(described.status()).as(hex).isEqualTo(201);
                assertThat(described.json().path("description").asText()).isEqualTo(with(c));
            } else {
                JsonNode problem = assertProblem(described, 400, "description");
                assertThat(problem.path("errors").get(0).path("message").asText()).as(hex).contains(hex);
            }
        }
        JsonNode created = createEvent(client, anEvent());
        String id = created.path("id").asText();
        String admin = created.path("adminToken").asText();
        JsonNode ana = join(client, id, participant("Ana", "UTC"));
        for (int c : CONTROLS) {
            assertProblem(client.post("/api/v1/events/" + id + "/participants").json(participant(with(c), "UTC")).send(),
                    400, "name");
            assertProblem(client.patch("/api/v1/events/" + id + "/participants/" + ana.path("id").asText())
                    .bearer(admin).json(ApiClient.object().put("name", with(c))).send(), 400, "name");
            assertProblem(client.patch("/api/v1/events/" + id).bearer(admin)
                    .json(ApiClient.object().put("title", with(c))).send(), 400, "title");
            if (c != '\n' && c != '\t') {
                assertProblem(client.patch("/api/v1/events/" + id).bearer(admin)
                        .json(ApiClient.object().put("description", with(c))).send(), 400, "description");
            }
        }
        assertThat(client.get("/api/v1/events/" + id).send().json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void the_injection_that_was_found_is_refused() {
        ObjectNode body = anEvent().put("description",
                "x\rEND:VEVENT\rBEGIN:VEVENT\rUID:injected@evil\rDTSTART:20270503T070000Z\rATTENDEE:mailto:a@evil");
        assertProblem(client.post("/api/v1/events").json(body).send(), 400, "description");
    }

    @Test
    void stored_control_characters_never_reach_the_calendar_file_or_the_csv() throws Exception {
        StringBuilder every = new StringBuilder("x");
        CONTROLS.forEach(c -> every.appendCodePoint(c).append('y'));
        String stored = every + "\rEND:VEVENT\rBEGIN:VEVENT\rUID:injected@evil\rATTENDEE:mailto:a@evil\rz";
        JsonNode created = createEvent(client, anEvent());
        String id = created.path("id").asText();
        String admin = created.path("adminToken").asText();
        JsonNode ana = join(client, id, participant("Ana", "UTC", window("2027-05-03T07:00", "2027-05-03T09:00")));
        // Rows written before the input rules: straight into the database.
        APP.database().dsl().execute("UPDATE event SET title = ?, description = ? WHERE id = ?", "T" + stored, stored, id);
        StringBuilder name = new StringBuilder("=N");
        CONTROLS.forEach(name::appendCodePoint);
        APP.database().dsl().execute("UPDATE participant SET name = ? WHERE id = ?", name + "z",
                ana.path("id").asText());
        assertThat(client.put("/api/v1/events/" + id + "/final").bearer(admin)
                .json(ApiClient.object().put("start", "2027-05-03T09:00")).send().status()).isEqualTo(200);

        String ics = client.get("/api/v1/events/" + id + "/calendar.ics").send().body();
        assertOnlyLineEnds(ics);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.getFirst();
        assertThat(event.getProperties(Property.ATTENDEE)).isEmpty();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(id + "@slotpoll");
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .isEqualTo("T" + expectedLine(stored));
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .isEqualTo(expectedText(stored) + "\n\n" + TestApp.BASE_URL + "/e/" + id);

        String csv = client.get("/api/v1/events/" + id + "/export.csv").bearer(admin).send().body();
        assertOnlyLineEnds(csv);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo("'=N" + " ".repeat(4) + "z");
        assertThat(rows.get(1).subList(1, 8)).containsExactly("UTC", "false", "yes", "2027-05-03T07:00:00Z",
                "2027-05-03T09:00:00Z", "2027-05-03T07:00:00+00:00", "2027-05-03T09:00:00+00:00");
    }

    /** One-line text as generated files carry it: line breaks and tabs become spaces, other controls go. */
    private static String expectedLine(String stored) {
        StringBuilder out = new StringBuilder();
        stored.codePoints().forEach(c -> {
            if (c == '\r' || c == '\n' || c == '\t' || c == 0x85) {
                out.append(' ');
            } else if (!CONTROLS.contains(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Free text as generated files carry it: CRLF, CR and NEL become LF, tabs spaces, other controls go. */
    private static String expectedText(String stored) {
        StringBuilder out = new StringBuilder();
        stored.replace("\r\n", "\n").codePoints().forEach(c -> {
            if (c == '\r' || c == '\n' || c == 0x85) {
                out.append('\n');
            } else if (c == '\t') {
                out.append(' ');
            } else if (!CONTROLS.contains(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The file's only control characters are CRLF pairs ending its lines. */
    private static void assertOnlyLineEnds(String file) {
        String body = file.replace("\r\n", "");
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            assertThat(Character.getType(c) == Character.CONTROL).as("U+%04X at %d", (int) c, i).isFalse();
        }
    }
}
