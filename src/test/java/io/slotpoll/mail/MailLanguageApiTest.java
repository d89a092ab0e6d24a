package io.slotpoll.mail;

import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.MailSink;
import io.slotpoll.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mails in the recipient's language, through a real SMTP server: each address is written to
 * in the language of the request that gave it (its Accept-Language, which the pages fill with
 * their own language first), a changed address in the language of the change; a language the
 * service does not speak gets English. Times are in the recipient's zone, written as their
 * language writes dates and clocks, with the zone named.
 */
class MailLanguageApiTest {

    @RegisterExtension
    @Order(1)
    static final MailSink SMTP = new MailSink();

    @RegisterExtension
    @Order(2)
    static final TestApp APP = new TestApp(SMTP.env("polls@slotpoll.example"));

    private final ApiClient client = APP.client();

    private static String text(MimeMessage m) {
        return MailSink.part(m, "text/plain").orElseThrow().replace("\r\n", "\n");
    }

    private JsonNode join(String id, String language, ObjectNode body) {
        ApiClient.Response r = client.post("/api/v1/events/" + id + "/participants").header("Accept-Language", language)
                .json(body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void each_address_hears_in_the_language_it_was_given_in() throws Exception {
        ObjectNode poll = event("Europe/Berlin", 60, window("2027-04-06T09:00", "2027-04-06T17:00"))
                .put("title", "Probe").put("organizerEmail", "orga@example.com").put("notify", "each");
        ApiClient.Response made = client.post("/api/v1/events").header("Accept-Language", "de-AT,de;q=0.9,en;q=0.5")
                .json(poll).send();
        assertThat(made.status()).isEqualTo(201);
        String id = made.json().path("id").asText();
        String admin = made.json().path("adminToken").asText();

        MimeMessage created = SMTP.await("orga@example.com", 1).getFirst();
        assertThat(created.getSubject()).isEqualTo("Ihre Umfrage: Probe");
        assertThat(text(created)).startsWith("Ihre Umfrage \u201eProbe\u201c ist bereit.\n\n"
                + "Teilen Sie diesen Link mit den Eingeladenen:\nhttps://slotpoll.example/e/" + id + "\n\n")
                .contains("Sie bekommen diese E-Mail, weil diese Adresse bei slotpoll f\u00fcr diese Umfrage angegeben wurde.\n\n"
                        + "E-Mails zu dieser Umfrage abbestellen:\nhttps://slotpoll.example/stop#");

        join(id, "ar-EG", participant("Layla", "Asia/Riyadh", window("2027-04-06T09:00:00Z", "2027-04-06T12:00:00Z"))
                .put("email", "layla@example.org"));
        MimeMessage layla = SMTP.await("layla@example.org", 1).getFirst();
        assertThat(layla.getSubject()).isEqualTo("\u0625\u062c\u0627\u0628\u062a\u0643: Probe");
        assertThat(text(layla)).startsWith("\u0645\u0631\u062d\u0628\u064b\u0627 Layla\u060c\n\n");
        // the organiser hears of it in German, whatever the participant's language
        assertThat(SMTP.await("orga@example.com", 2).get(1).getSubject()).isEqualTo("Neue Antwort: Layla, Probe");

        join(id, "ja-JP,ja;q=0.9", participant("Kenji", "Asia/Tokyo", window("2027-04-06T09:00:00Z", "2027-04-06T12:00:00Z"))
                .put("email", "kenji@example.org"));
        assertThat(SMTP.await("kenji@example.org", 1).getFirst().getSubject()).isEqualTo("\u3042\u306a\u305f\u306e\u56de\u7b54: Probe");
        join(id, "sv-SE,sv;q=0.9", participant("Sven", "Europe/Stockholm", window("2027-04-06T09:00:00Z", "2027-04-06T12:00:00Z"))
                .put("email", "sven@example.org"));
        assertThat(SMTP.await("sven@example.org", 1).getFirst().getSubject()).isEqualTo("Your answer: Probe");

        // the organiser moves to another address from a French page: later mail is French
        ApiClient.Response moved = client.patch("/api/v1/events/" + id).bearer(admin).header("Accept-Language", "fr")
                .json(ApiClient.object().put("organizerEmail", "orga2@example.com")).send();
        assertThat(moved.status()).isEqualTo(200);
        join(id, "de", participant("Nadia", "Africa/Casablanca", window("2027-04-06T09:00:00Z", "2027-04-06T10:00:00Z")));
        assertThat(SMTP.await("orga2@example.com", 1).getFirst().getSubject()).isEqualTo("Nouvelle r\u00e9ponse : Nadia, Probe");

        join(id, "de-DE", participant("Jonas", "Europe/Berlin", window("2027-04-06T09:00:00Z", "2027-04-06T10:00:00Z"))
                .put("email", "jonas@example.org"));
        assertThat(SMTP.await("jonas@example.org", 1).getFirst().getSubject()).isEqualTo("Ihre Antwort: Probe");

        ApiClient.Response picked = client.put("/api/v1/events/" + id + "/final").bearer(admin)
                .json(ApiClient.object().put("start", "2027-04-06T09:00:00Z")).send();
        assertThat(picked.status()).isEqualTo(200);
        Instant start = Instant.parse("2027-04-06T09:00:00Z");
        String riyadh = "\u0627\u0644\u062b\u0644\u0627\u062b\u0627\u0621\u060c 6 \u0623\u0628\u0631\u064a\u0644 2027\u060c "
                + "12:00 \u0645\u20131:00 \u0645 (Asia/Riyadh)";
        MimeMessage laylaPicked = SMTP.await("layla@example.org", 2).get(1);
        assertThat(laylaPicked.getSubject()).isEqualTo("\u062a\u0645 \u0627\u0644\u0627\u062e\u062a\u064a\u0627\u0631: Probe\u060c " + riyadh);
        assertThat(text(laylaPicked)).contains("\u0627\u062e\u062a\u064a\u0631 \u0648\u0642\u062a \u00abProbe\u00bb: " + riyadh + ".");
        assertThat(SMTP.await("kenji@example.org", 2).get(1).getSubject())
                .isEqualTo("\u6c7a\u5b9a: Probe\u3001" + "2027\u5e744\u67086\u65e5(\u706b\u66dc\u65e5) 18:00\uff5e19:00\uff08Asia/Tokyo\uff09");
        assertThat(SMTP.await("sven@example.org", 2).get(1).getSubject())
                .isEqualTo("Picked: Probe, Tuesday 6 April 2027, 11:00\u201312:00 (Europe/Stockholm)");

        // link recovery: the language of the request (pt-PT is Brazilian Portuguese here)
        assertThat(client.post("/api/v1/link-recovery").header("Accept-Language", "pt-PT")
                .json(ApiClient.object().put("email", "kenji@example.org")).send().status()).isEqualTo(202);
        MimeMessage recovery = SMTP.await("kenji@example.org", 3).get(2);
        assertThat(recovery.getSubject()).isEqualTo("Seus links do slotpoll");
        assertThat(text(recovery)).contains("Probe (sua resposta):\nhttps://slotpoll.example/recover#code=");

        // German, as java.time writes it, for the participant in Berlin
        assertThat(client.delete("/api/v1/events/" + id + "/final").bearer(admin).send().status()).isEqualTo(204);
        MimeMessage cancelled = SMTP.await("jonas@example.org", 3).get(2);
        String day = DateTimeFormatter.ofPattern("EEEE, d. MMMM uuuu", Locale.GERMAN).format(start.atZone(ZoneId.of("Europe/Berlin")));
        assertThat(cancelled.getSubject()).isEqualTo("Abgesagt: Probe, " + day + ", 11:00\u201312:00 (Europe/Berlin)");
    }

    @Test
    void the_language_of_a_request_is_its_first_range_the_service_speaks() {
        assertThat(MailText.language(null)).isEqualTo("en");
        assertThat(MailText.language("")).isEqualTo("en");
        assertThat(MailText.language("not a header;;")).isEqualTo("en");
        assertThat(MailText.language("sv-SE,sv;q=0.9")).isEqualTo("en");
        assertThat(MailText.language("de-CH")).isEqualTo("de");
        assertThat(MailText.language("pt-PT,pt;q=0.9")).isEqualTo("pt-BR");
        assertThat(MailText.language("zh-TW")).isEqualTo("zh-CN");
        assertThat(MailText.language("sv;q=0.9,ar;q=0.8,fr;q=0.1")).isEqualTo("ar");
        assertThat(MailText.language("fr;q=0.2,ja;q=0.7")).isEqualTo("ja");
        assertThat(MailText.language("*")).isEqualTo("en");
    }
}
