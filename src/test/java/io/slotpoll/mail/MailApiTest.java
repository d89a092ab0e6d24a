package io.slotpoll.mail;

import static io.slotpoll.db.schema.Tables.MAIL_OUTBOX;
import static io.slotpoll.db.schema.Tables.PARTICIPANT;
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
import io.slotpoll.testing.CapturedLogs;
import io.slotpoll.testing.Eventually;
import io.slotpoll.testing.MailSink;
import io.slotpoll.testing.MutableClock;
import io.slotpoll.testing.TestApp;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail on, through a real SMTP server: what each change sends, read back as MIME (headers,
 * both parts, the attached invitation parsed with ical4j), and the links in the mails
 * followed against the running server. The clock is the test's, so a digest comes due
 * when the test moves it.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class MailApiTest {

    static final String FROM = "polls@slotpoll.example";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-01-04T08:00:00Z"));

    @RegisterExtension
    @Order(1)
    static final MailSink SMTP = new MailSink();

    @RegisterExtension
    @Order(2)
    static final TestApp APP = new TestApp(env(), CLOCK, database -> { });

    private final ApiClient client = APP.client();

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(SMTP.env(FROM));
        env.put("NOTIFY_DIGEST_MINUTES", "60");
        return env;
    }

    @BeforeEach
    void purge() {
        SMTP.purge();
    }

    private static ObjectNode poll() {
        return event("Europe/Berlin", 60, window("2027-04-06T09:00", "2027-04-06T17:00"));
    }

    private JsonNode create(String title, String organizer) {
        ObjectNode body = poll().put("title", title);
        if (organizer != null) {
            body.put("organizerEmail", organizer);
        }
        return createEvent(client, body);
    }

    /** The plain-text part, its CRLF line ends (MIME's canonical form) read as LF. */
    private static String text(MimeMessage m) {
        return MailSink.part(m, "text/plain").orElseThrow().replace("\r\n", "\n");
    }

    private static String html(MimeMessage m) {
        return MailSink.part(m, "text/html").orElseThrow();
    }

    private static String header(MimeMessage m, String name) throws Exception {
        return m.getHeader(name, null);
    }

    private static String link(String text, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "\\S+").matcher(text);
        assertThat(m.find()).as("a link starting " + prefix + " in:\n" + text).isTrue();
        return m.group();
    }

    private static Calendar invitation(MimeMessage m) throws Exception {
        return new CalendarBuilder().build(new StringReader(MailSink.part(m, "text/calendar").orElseThrow()));
    }

    @Test
    void a_created_poll_mails_its_organiser_the_links_with_encoded_headers_and_escaped_html() throws Exception {
        JsonNode created = create("Café <b>&</b> \"Bühne\"", "Orga@Example.COM");
        String id = created.path("id").asText();
        assertThat(created.path("organizerEmail").asText()).isEqualTo("orga@example.com");
        assertThat(created.path("notify").asText()).isEqualTo("digest");

        MimeMessage mail = SMTP.await("orga@example.com", 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your poll: Café <b>&</b> \"Bühne\"");
        assertThat(header(mail, "Subject")).startsWith("=?UTF-8?");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo(FROM);
        assertThat(header(mail, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(header(mail, "List-Unsubscribe")).matches("<https://slotpoll\\.example/api/v1/mail-stop/" + id
                + "\\.[A-Za-z0-9_-]{43}>");
        assertThat(header(mail, "Message-ID")).matches("<[A-Za-z0-9_-]{22}@slotpoll\\.example>");
        assertThat(mail.getSentDate()).isNotNull();
        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        String text = text(mail);
        assertThat(link(text, "https://slotpoll.example/e/")).isEqualTo("https://slotpoll.example/e/" + id);
        assertThat(text).contains("https://slotpoll.example/e/" + id + "/manage#admin=" + created.path("adminToken").asText());
        assertThat(text).contains("Your poll \u201cCafé <b>&</b> \"Bühne\"\u201d is ready.");
        String html = html(mail);
        assertThat(html).contains("Café &lt;b&gt;&amp;&lt;/b&gt; &quot;Bühne&quot;").doesNotContain("<b>&</b>");
        assertThat(html).contains("href=\"https://slotpoll.example/e/" + id + "\"");

        // the admin view shows the address; the public view and a participant's token do not
        JsonNode admin = client.get("/api/v1/events/" + id).bearer(created.path("adminToken").asText()).send().json();
        assertThat(admin.path("organizerEmail").asText()).isEqualTo("orga@example.com");
        JsonNode open = client.get("/api/v1/events/" + id).send().json();
        assertThat(open.has("organizerEmail")).isFalse();
        assertThat(open.has("notify")).isFalse();
    }

    @Test
    void a_participant_gets_their_edit_link_and_only_their_token_reads_their_address() throws Exception {
        JsonNode created = create("Standup", null);
        String id = created.path("id").asText();
        JsonNode ana = join(client, id, participant("Ana", "Asia/Kathmandu",
                window("2027-04-06T14:00", "2027-04-06T18:00")).put("email", "ana@example.org"));
        assertThat(ana.path("email").asText()).isEqualTo("ana@example.org");
        MimeMessage mail = SMTP.await("ana@example.org", 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your answer: Standup");
        String edit = link(text(mail), "https://slotpoll.example/e/" + id + "#edit=");
        String[] idAndToken = edit.substring(edit.indexOf("#edit=") + 6).split("\\.", 2);
        assertThat(idAndToken[0]).isEqualTo(ana.path("id").asText());

        String path = "/api/v1/events/" + id + "/participants/" + idAndToken[0];
        JsonNode own = client.get(path).bearer(idAndToken[1]).send().json();
        assertThat(own.path("email").asText()).isEqualTo("ana@example.org");
        assertThat(client.get(path).send().json().has("email")).isFalse();
        assertThat(client.get(path).bearer(created.path("adminToken").asText()).send().json().has("email")).isFalse();
        String list = client.get("/api/v1/events/" + id + "/participants").send().body();
        assertThat(list).doesNotContain("ana@example.org");
        String csv = client.get("/api/v1/events/" + id + "/export.csv").bearer(created.path("adminToken").asText())
                .send().body();
        assertThat(csv).contains("Ana").doesNotContain("example.org");
        assertThat(client.get("/api/v1/events/" + id + "/recommendations").send().body()).contains("Ana")
                .doesNotContain("example.org");
        assertThat(client.get("/api/v1/events/" + id + "/heatmap").send().body()).doesNotContain("example.org");

        // null removes the address; a changed one is stored in lower case
        JsonNode changed = client.patch(path).bearer(idAndToken[1]).json(ApiClient.object().put("email", "Ana.B@Example.org"))
                .send().json();
        assertThat(changed.path("email").asText()).isEqualTo("ana.b@example.org");
        JsonNode removed = client.patch(path).bearer(idAndToken[1]).json(ApiClient.object().putNull("email")).send().json();
        assertThat(removed.path("email").isNull()).isTrue();
        assertProblem(client.patch(path).bearer(idAndToken[1]).json(ApiClient.object().put("email", "ana@"))
                .send(), 400, "email");
    }

    @Test
    void answers_gather_into_one_digest_when_it_comes_due() throws Exception {
        JsonNode created = create("Retro", "lead@example.com");
        String id = created.path("id").asText();
        SMTP.await("lead@example.com", 1);
        for (String name : List.of("Ana", "Ben", "Chen")) {
            join(client, id, participant(name, "Australia/Eucla", window("2027-04-06T17:00", "2027-04-06T20:00")));
        }
        assertThat(APP.database().dsl().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.EVENT_ID.eq(id)
                .and(MAIL_OUTBOX.KIND.eq("digest")))).isEqualTo(1);
        CLOCK.advance(Duration.ofMinutes(61));
        List<MimeMessage> mails = SMTP.await("lead@example.com", 2);
        assertThat(mails.get(1).getSubject()).isEqualTo("3 new answers: Retro");
        assertThat(text(mails.get(1))).contains("Ana, Ben, Chen");
        Thread.sleep(1500);
        assertThat(SMTP.to("lead@example.com")).hasSize(2);
    }

    @Test
    void notify_each_mails_every_answer_and_everyone_answered_comes_once() throws Exception {
        JsonNode created = createEvent(client, poll().put("title", "Board").put("organizerEmail", "chair@example.com")
                .put("notify", "each"));
        String id = created.path("id").asText();
        String admin = created.path("adminToken").asText();
        JsonNode ana = join(client, id, participant("Ana", "Asia/Kolkata", window("2027-04-06T13:30", "2027-04-06T16:30")));
        JsonNode ben = join(client, id, participant("Ben", "Asia/Kolkata"));
        List<MimeMessage> mails = SMTP.await("chair@example.com", 3);
        assertThat(mails.get(1).getSubject()).isEqualTo("New answer: Ana, Board");
        assertThat(mails.get(2).getSubject()).isEqualTo("New answer: Ben, Board");

        String anaPath = "/api/v1/events/" + id + "/participants/" + ana.path("id").asText();
        String benPath = "/api/v1/events/" + id + "/participants/" + ben.path("id").asText();
        client.patch(anaPath).bearer(admin).json(ApiClient.object().put("required", true)).send();
        mails = SMTP.await("chair@example.com", 4);
        assertThat(mails.get(3).getSubject()).isEqualTo("Everyone answered: Board");
        // Ben (no windows yet) becomes required and answers: no second "everyone answered"
        client.patch(benPath).bearer(admin).json(ApiClient.object().put("required", true)).send();
        client.put(benPath + "/availability").bearer(ben.path("editToken").asText()).json(ApiClient.object()
                .put("timezone", "Asia/Kolkata").set("availability", ApiClient.JSON.createArrayNode()
                        .add(window("2027-04-06T13:30", "2027-04-06T15:30")))).send();
        mails = SMTP.await("chair@example.com", 5);
        assertThat(mails.get(4).getSubject()).isEqualTo("Changed answer: Ben, Board");
        Thread.sleep(1500);
        assertThat(SMTP.to("chair@example.com")).hasSize(5);
    }

    @Test
    void pick_move_unpick_and_delete_send_invitations_with_one_uid_and_growing_sequence() throws Exception {
        JsonNode created = create("Offsite", null);
        String id = created.path("id").asText();
        String admin = created.path("adminToken").asText();
        join(client, id, participant("Ana", "Asia/Kathmandu").put("email", "ana@offsite.example"));
        join(client, id, participant("Ben", "America/St_Johns").put("email", "ben@offsite.example"));
        join(client, id, participant("Chen", "Europe/Berlin"));
        SMTP.await("ben@offsite.example", 1);

        client.put("/api/v1/events/" + id + "/final").bearer(admin).json(ApiClient.object().put("start", "2027-04-06T10:00:00Z"))
                .send();
        MimeMessage picked = SMTP.await("ana@offsite.example", 2).get(1);
        // 10:00 UTC is 15:45 in Kathmandu (+05:45) and 07:30 in St. John's (-02:30)
        assertThat(picked.getSubject()).isEqualTo("Picked: Offsite, Tuesday 6 April 2027, 15:45\u201316:45 (Asia/Kathmandu)");
        assertThat(SMTP.await("ben@offsite.example", 2).get(1).getSubject())
                .isEqualTo("Picked: Offsite, Tuesday 6 April 2027, 07:30\u201308:30 (America/St_Johns)");
        assertThat(MailSink.part(picked, "text/calendar")).isPresent();
        Calendar request = invitation(picked);
        assertThat(request.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent first = (VEvent) request.getComponents("VEVENT").getFirst();
        assertThat(first.getProperty("UID").orElseThrow().getValue()).isEqualTo(id + "@slotpoll");
        assertThat(first.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(first.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270406T100000Z");
        assertThat(first.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:" + FROM);
        String calendarIcs = client.get("/api/v1/events/" + id + "/calendar.ics").send().body();
        assertThat(calendarIcs).contains("UID:" + id + "@slotpoll").contains("SEQUENCE:0");

        client.put("/api/v1/events/" + id + "/final").bearer(admin).json(ApiClient.object().put("start", "2027-04-06T12:00:00Z"))
                .send();
        MimeMessage moved = SMTP.await("ana@offsite.example", 3).get(2);
        assertThat(moved.getSubject()).startsWith("Moved: Offsite, Tuesday 6 April 2027, 17:45");
        assertThat(((VEvent) invitation(moved).getComponents("VEVENT").getFirst()).getProperty("SEQUENCE")
                .orElseThrow().getValue()).isEqualTo("1");

        client.delete("/api/v1/events/" + id + "/final").bearer(admin).send();
        MimeMessage unpicked = SMTP.await("ana@offsite.example", 4).get(3);
        Calendar cancel = invitation(unpicked);
        assertThat(cancel.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent cancelled = (VEvent) cancel.getComponents("VEVENT").getFirst();
        assertThat(cancelled.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
        assertThat(cancelled.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(cancelled.getProperty("UID").orElseThrow().getValue()).isEqualTo(id + "@slotpoll");

        client.put("/api/v1/events/" + id + "/final").bearer(admin).json(ApiClient.object().put("start", "2027-04-06T12:00:00Z"))
                .send();
        SMTP.await("ana@offsite.example", 5);
        client.delete("/api/v1/events/" + id).bearer(admin).send();
        MimeMessage deleted = SMTP.await("ana@offsite.example", 6).get(5);
        assertThat(deleted.getSubject()).startsWith("Cancelled: Offsite");
        Calendar gone = invitation(deleted);
        assertThat(gone.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        // picked 0, moved 1, un-picked (cancel 2), picked again 2 (the contract's +1 per PUT), deleted: cancel 3
        assertThat(((VEvent) gone.getComponents("VEVENT").getFirst()).getProperty("SEQUENCE").orElseThrow().getValue())
                .isEqualTo("3");
        SMTP.await("ben@offsite.example", 6);
        // once sent, the deleted event's rows keep no address
        Eventually.await(Duration.ofSeconds(10), "the deleted event's rows blanked", () -> APP.database().dsl()
                .fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.EVENT_ID.eq(id).and(MAIL_OUTBOX.RECIPIENT.ne(""))) == 0);
    }

    @Test
    void the_one_click_link_stops_that_events_mail_to_that_address() throws Exception {
        JsonNode created = create("Book club", null);
        String id = created.path("id").asText();
        String admin = created.path("adminToken").asText();
        join(client, id, participant("Ana", "Pacific/Chatham").put("email", "ana@books.example"));
        join(client, id, participant("Ben", "Pacific/Chatham").put("email", "ben@books.example"));
        MimeMessage joined = SMTP.await("ana@books.example", 1).getFirst();
        String unsubscribe = header(joined, "List-Unsubscribe").replaceAll("^<https://slotpoll\\.example|>$", "");
        ApiClient.Response stopped = client.post(unsubscribe)
                .body("List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII),
                        "application/x-www-form-urlencoded").send();
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(204);
        assertThat(client.post(unsubscribe).body("List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII),
                "application/x-www-form-urlencoded").send().status()).isEqualTo(204);
        assertThat(text(joined)).contains("https://slotpoll.example/stop#" + unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1));
        assertProblem(client.post("/api/v1/mail-stop/nosuchevent1234567890." + "A".repeat(43))
                .body("List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII),
                        "application/x-www-form-urlencoded").send(), 404);

        client.put("/api/v1/events/" + id + "/final").bearer(admin).json(ApiClient.object().put("start", "2027-04-06T10:00:00Z"))
                .send();
        SMTP.await("ben@books.example", 2);
        Eventually.await(Duration.ofSeconds(10), "Ana's invitation cancelled", () -> APP.database().dsl()
                .fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.EVENT_ID.eq(id).and(MAIL_OUTBOX.KIND.eq("picked"))
                        .and(MAIL_OUTBOX.STATUS.eq("cancelled"))) == 1);
        assertThat(SMTP.to("ana@books.example")).hasSize(1);
    }

    @Test
    void a_recovery_code_gives_new_tokens_once() throws Exception {
        JsonNode created = create("Choir", "conductor@choir.example");
        String id = created.path("id").asText();
        JsonNode ana = join(client, id, participant("Ana", "Asia/Tehran").put("email", "conductor@choir.example"));
        SMTP.await("conductor@choir.example", 2);

        assertThat(client.post("/api/v1/link-recovery").json(ApiClient.object().put("email", "Conductor@Choir.example"))
                .send().status()).isEqualTo(202);
        MimeMessage mail = SMTP.await("conductor@choir.example", 3).get(2);
        assertThat(mail.getSubject()).isEqualTo("Your slotpoll links");
        assertThat(header(mail, "List-Unsubscribe")).isNull();
        assertThat(text(mail)).contains("Choir (you organise it):\nhttps://slotpoll.example/recover#code=");
        String code = link(text(mail), "https://slotpoll.example/recover#code=").replaceAll(".*#code=", "");

        JsonNode redeemed = client.post("/api/v1/link-recovery/redeem").json(ApiClient.object().put("code", code)).send()
                .json();
        JsonNode events = redeemed.path("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("role").asText()).isEqualTo("admin");
        assertThat(events.get(0).path("id").asText()).isEqualTo(id);
        assertThat(events.get(0).path("title").asText()).isEqualTo("Choir");
        assertThat(events.get(0).has("participantId")).isFalse();
        assertThat(events.get(1).path("role").asText()).isEqualTo("participant");
        assertThat(events.get(1).path("participantId").asText()).isEqualTo(ana.path("id").asText());

        // the new tokens work beside the old ones
        String newAdmin = events.get(0).path("token").asText();
        assertThat(client.patch("/api/v1/events/" + id).bearer(newAdmin).json(ApiClient.object().put("title", "Choir 2"))
                .send().status()).isEqualTo(200);
        assertThat(client.patch("/api/v1/events/" + id).bearer(created.path("adminToken").asText())
                .json(ApiClient.object().put("title", "Choir 3")).send().status()).isEqualTo(200);
        String anaPath = "/api/v1/events/" + id + "/participants/" + ana.path("id").asText();
        JsonNode own = client.patch(anaPath).bearer(events.get(1).path("token").asText())
                .json(ApiClient.object().put("name", "Ana R")).send().json();
        assertThat(own.path("name").asText()).isEqualTo("Ana R");
        assertThat(own.path("email").asText()).isEqualTo("conductor@choir.example");

        JsonNode again = assertProblem(client.post("/api/v1/link-recovery/redeem").json(ApiClient.object().put("code", code))
                .send(), 410);
        assertThat(again.path("type").asText()).isEqualTo("https://slotpoll.io/problems/code-expired");

        // an unknown address: the same 202, and the row ends with nothing sent
        int before = SMTP.received().size();
        assertThat(client.post("/api/v1/link-recovery").json(ApiClient.object().put("email", "nobody@choir.example"))
                .send().status()).isEqualTo(202);
        Eventually.await(Duration.ofSeconds(10), "the unknown address's row ended", () -> APP.database().dsl()
                .fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq("nobody@choir.example")
                        .and(MAIL_OUTBOX.STATUS.eq("cancelled"))) == 1);
        assertThat(SMTP.received()).hasSize(before);
    }

    @Test
    void a_code_expires_after_sixty_minutes() throws Exception {
        create("Lab", "pi@lab.example");
        SMTP.await("pi@lab.example", 1);
        client.post("/api/v1/link-recovery").json(ApiClient.object().put("email", "pi@lab.example")).send();
        MimeMessage mail = SMTP.await("pi@lab.example", 2).get(1);
        String code = link(text(mail), "https://slotpoll.example/recover#code=").replaceAll(".*#code=", "");
        CLOCK.advance(Duration.ofMinutes(61));
        assertProblem(client.post("/api/v1/link-recovery/redeem").json(ApiClient.object().put("code", code)).send(), 410);
    }

    @Test
    void no_address_reaches_a_log_line_at_debug() throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            JsonNode created = create("Quiet", "orga@logs.example");
            String id = created.path("id").asText();
            join(client, id, participant("Ana", "Asia/Kathmandu").put("email", "ana@logs.example"));
            client.put("/api/v1/events/" + id + "/final").bearer(created.path("adminToken").asText())
                    .json(ApiClient.object().put("start", "2027-04-06T10:00:00Z")).send();
            client.post("/api/v1/link-recovery").json(ApiClient.object().put("email", "ana@logs.example")).send();
            SMTP.await("ana@logs.example", 3);
            SMTP.refuse("bounce@logs.example", "550 5.1.1 no such mailbox", -1);
            join(client, createEvent(client, poll().put("title", "Bounce")).path("id").asText(),
                    participant("Bo", "UTC").put("email", "bounce@logs.example"));
            Eventually.await(Duration.ofSeconds(10), "the bounce logged", () -> logs.lines().stream()
                    .anyMatch(line -> line.contains("given up: SMTP 550")));
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains("logs.example"));
        }
    }

    @Test
    void deleting_a_participant_or_an_event_removes_their_addresses_and_cancels_their_mail() throws Exception {
        JsonNode created = create("Tidy", "orga@tidy.example");
        String id = created.path("id").asText();
        JsonNode ana = join(client, id, participant("Ana", "UTC").put("email", "ana@tidy.example"));
        SMTP.await("ana@tidy.example", 1);
        // the organiser's digest waits for its hour
        assertThat(APP.database().dsl().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.EVENT_ID.eq(id)
                .and(MAIL_OUTBOX.STATUS.eq("queued")).and(MAIL_OUTBOX.KIND.eq("digest")))).isEqualTo(1);

        client.delete("/api/v1/events/" + id + "/participants/" + ana.path("id").asText())
                .bearer(ana.path("editToken").asText()).send();
        assertThat(APP.database().dsl().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq("ana@tidy.example"))).isZero();
        assertThat(APP.database().dsl().fetchCount(PARTICIPANT,
                PARTICIPANT.EMAIL.eq("ana@tidy.example"))).isZero();

        client.delete("/api/v1/events/" + id).bearer(created.path("adminToken").asText()).send();
        assertThat(APP.database().dsl().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.EVENT_ID.eq(id)
                .and(MAIL_OUTBOX.STATUS.eq("queued")))).isZero();
        assertThat(APP.database().dsl().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.EVENT_ID.eq(id)
                .and(MAIL_OUTBOX.RECIPIENT.ne("").or(MAIL_OUTBOX.PAYLOAD.ne(""))))).isZero();
        assertThat(APP.database().dsl().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.EVENT_ID.eq(id)
                .and(MAIL_OUTBOX.STATUS.eq("cancelled")).and(MAIL_OUTBOX.KIND.eq("digest")))).isEqualTo(1);
    }
}
