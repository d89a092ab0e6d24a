package io.slotpoll.web;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.slotpoll.testing.Chromium;
import io.slotpoll.testing.MailSink;
import io.slotpoll.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages with mail on (a real SMTP server behind the app): the optional address fields
 * with their one sentence, an answer whose mail carries a working edit link, "lost your
 * link?" to a mail whose /recover link gives this browser the poll back, the /stop page
 * of a mail's footer, and "stop mail" for one's own address. With mail off, none of it shows.
 */
class MailBrowserTest {

    @RegisterExtension
    @Order(1)
    static final MailSink SMTP = new MailSink();

    @RegisterExtension
    @Order(2)
    static final TestApp APP = new TestApp(SMTP.env("polls@slotpoll.example"), Clock.systemUTC(), database -> { });

    @RegisterExtension
    @Order(3)
    static final TestApp MAIL_OFF = new TestApp();

    @RegisterExtension
    @Order(4)
    static final Chromium CHROMIUM = new Chromium();

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private static String link(MimeMessage mail, String prefix) {
        String text = MailSink.part(mail, "text/plain").orElseThrow();
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "\\S+").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group();
    }

    @Test
    void an_answer_with_an_address_then_a_lost_link_recovered_and_mail_stopped() {
        JsonNode created = createEvent(APP.client(), event("UTC", 60, window("2027-03-02T09:00:00Z", "2027-03-02T12:00:00Z"))
                .put("title", "Garden day").put("slotStepMinutes", 60));
        String id = created.path("id").asText();
        Chromium.Tab tab = Chromium.open(CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("UTC")
                .setBaseURL(APP.baseUrl())));
        Page page = tab.page();

        page.navigate("/");
        assertThat(page.getByLabel("Your email (optional)").isVisible()).isTrue();
        page.getByText("We mail you the links to this poll and tell you when people answer. Nothing else.").waitFor();

        page.navigate("/e/" + id);
        page.getByLabel("Your name").fill("Ana");
        page.getByLabel("Your email (optional)").fill("ana@garden.example");
        page.getByText("We mail you your edit link and the meeting time once it is picked. Nothing else.").waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Tuesday 2 March, 10:00 to 11:00, not marked").setExact(true)).click();
        tab.assertAccessible("answer form with an address");
        page.getByRole(AriaRole.BUTTON, named("Save my answer")).click();
        page.locator("#answer-status").getByText("Saved.").waitFor();
        MimeMessage joined = SMTP.await("ana@garden.example", 1).getFirst();
        assertThat(link(joined, "https://slotpoll.example/e/" + id + "#edit=")).matches(".*#edit=[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");

        // a second browser, which holds nothing: "lost your link?" on the poll's page
        Chromium.Tab other = Chromium.open(CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("UTC")
                .setBaseURL(APP.baseUrl())));
        Page lost = other.page();
        lost.navigate("/e/" + id);
        lost.getByText("Lost your link?").click();
        lost.getByLabel("The address you gave for the poll").fill("ana@garden.example");
        lost.getByRole(AriaRole.BUTTON, named("Mail me my links")).click();
        lost.getByText("If this address belongs to a poll, a mail with your links is on its way.", new Page.GetByTextOptions())
                .waitFor();
        MimeMessage recovery = SMTP.await("ana@garden.example", 2).get(1);
        String code = link(recovery, "https://slotpoll.example/recover#code=").replaceAll(".*#code=", "");
        lost.navigate("/recover#code=" + code);
        lost.getByRole(AriaRole.LINK, named("Garden day")).waitFor();
        assertThat(lost.url()).isEqualTo(APP.baseUrl() + "/recover");
        other.assertAccessible("recovered");
        lost.getByRole(AriaRole.LINK, named("Garden day")).click();
        lost.getByRole(AriaRole.BUTTON, named("Save changes")).waitFor();
        assertThat(lost.getByLabel("Your name").inputValue()).isEqualTo("Ana");

        // the same code again: expired, with the form to ask for a new one
        lost.navigate("/recover#code=" + code);
        lost.getByRole(AriaRole.HEADING, named("This link has expired")).waitFor();
        // that 410 was asked for; nothing else may have gone wrong
        assertThat(List.copyOf(other.problems())).containsExactly(
                "HTTP 410: POST " + APP.baseUrl() + "/api/v1/link-recovery/redeem",
                "console: Failed to load resource: the server responded with a status of 410 (Gone)");
        other.problems().clear();

        // the answer's own address, and "stop mail for this poll" from the page
        lost.navigate("/e/" + id);
        lost.getByText("Mail about this poll").click();
        assertThat(lost.getByLabel("Your address (optional)").inputValue()).isEqualTo("ana@garden.example");
        lost.getByRole(AriaRole.BUTTON, named("Stop mail for this poll")).click();
        lost.getByText("No mail about this poll.").waitFor();
        JsonNode mine = APP.client().get("/api/v1/events/" + id + "/participants").send().json().get(0);
        assertThat(mine.has("email")).isFalse();

        // the footer's /stop page
        String stop = link(joined, "https://slotpoll.example/stop#").replace("https://slotpoll.example", "");
        page.navigate(stop);
        page.getByRole(AriaRole.BUTTON, named("Stop mail about this poll")).click();
        page.getByRole(AriaRole.HEADING, named("Mail stopped")).waitFor();
        tab.assertClean();
        other.assertClean();
    }

    @Test
    void with_mail_off_the_pages_ask_for_no_address() {
        String id = createEvent(MAIL_OFF.client(), event("UTC", 60, window("2027-03-02T09:00:00Z", "2027-03-02T12:00:00Z")))
                .path("id").asText();
        Chromium.Tab tab = Chromium.open(CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("UTC")
                .setBaseURL(MAIL_OFF.baseUrl())));
        Page page = tab.page();
        page.navigate("/");
        page.getByLabel("Title").waitFor();
        assertThat(page.getByLabel("Your email (optional)").count()).isZero();
        assertThat(page.getByText("Lost your link?").count()).isZero();
        page.navigate("/e/" + id);
        page.getByLabel("Your name").waitFor();
        assertThat(page.getByLabel("Your email (optional)").count()).isZero();
        assertThat(page.getByText("Lost your link?").count()).isZero();
        tab.assertClean();
    }
}
