package io.slotpoll.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.Chromium;
import io.slotpoll.testing.TestApp;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages, end to end in a real Chromium, through the pages alone: an organiser creates a
 * poll with the form (London, days on both sides of the British DST change); participants in
 * New York, Kathmandu and London answer in their own zones; the page's best time is the API's
 * rank 1; marking someone required changes the ranking; the organiser picks the time and every
 * participant sees it in their own zone; the .ics downloads and parses. axe-core finds no
 * violation on any page or state, no page logs an error or makes a failed request, and none
 * scrolls sideways at 360 pixels.
 */
class WebAppBrowserTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private BrowserContext context(String zone) {
        return CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId(zone).setBaseURL(APP.baseUrl())
                .setViewportSize(1280, 900).setAcceptDownloads(true));
    }

    /** How the pages write a range in a zone: "Monday 29 March, 10:00 to 11:00". */
    private static String range(String startUtc, String endUtc, String zone) {
        var start = Instant.parse(startUtc).atZone(ZoneId.of(zone));
        var end = Instant.parse(endUtc).atZone(ZoneId.of(zone));
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end) : DAY.format(end) + ", " + TIME.format(end);
        return DAY.format(start) + ", " + TIME.format(start) + " to " + endText;
    }

    @Test
    void a_poll_from_creation_to_the_calendar_file_through_the_pages_alone() throws IOException, ParserException {
        // The organiser, in London.
        BrowserContext organiserContext = context("Europe/London");
        Chromium.Tab organiser = Chromium.open(organiserContext);
        Page page = organiser.page();
        page.navigate("/");
        organiser.assertAccessible("create");
        page.setViewportSize(360, 800);
        organiser.assertNoHorizontalScroll("create at 360 px");
        page.setViewportSize(1280, 900);
        page.getByLabel("Title").fill("Quarterly planning");
        page.getByLabel("Meeting length").selectOption("60");
        page.getByLabel("Start times every").selectOption("60");
        assertThat(page.getByLabel("Time zone of the poll").inputValue()).isEqualTo("Europe/London");
        Locator next = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next month"));
        while (!page.locator(".month").innerText().equals("March 2027")) {
            next.click();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Friday 26 March")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Monday 29 March")).click();
        page.getByLabel("From").first().fill("09:00");
        page.getByLabel("To").first().fill("17:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create poll")).click();
        page.waitForURL(Pattern.compile(".*/e/[A-Za-z0-9_-]{22}/manage$"));
        String id = page.url().replaceAll(".*/e/([A-Za-z0-9_-]{22})/manage$", "$1");
        page.getByText("This link is the key to the poll", new Page.GetByTextOptions()).first().waitFor();
        String share = page.getByLabel("Send this link to participants").inputValue();
        assertThat(share).isEqualTo(APP.baseUrl() + "/e/" + id);
        organiser.assertAccessible("manage, no answers");

        JsonNode event = APP.client().get("/api/v1/events/" + id).send().json();
        assertThat(event.path("proposedWindows").toString()).isEqualTo("[{\"start\":\"2027-03-26T09:00:00Z\","
                + "\"end\":\"2027-03-26T17:00:00Z\"},{\"start\":\"2027-03-29T08:00:00Z\",\"end\":\"2027-03-29T16:00:00Z\"}]");

        // Ana in New York and Bashu in Kathmandu can meet on Monday 29 March, 09:00-11:00Z; Cleo in
        // London only on Friday 26 March, 14:00-15:00Z (on the other side of the British change).
        answer("America/New_York", id, "Ana", List.of("2027-03-29T09:00:00Z", "2027-03-29T10:00:00Z"));
        answer("Asia/Kathmandu", id, "Bashu", List.of("2027-03-29T09:00:00Z", "2027-03-29T10:00:00Z"));
        Chromium.Tab cleo = answer("Europe/London", id, "Cleo", List.of("2027-03-26T14:00:00Z"));

        page.reload();
        JsonNode rank1 = APP.client().get("/api/v1/events/" + id + "/recommendations").send().json()
                .path("recommendations").get(0);
        assertThat(rank1.path("start").asText()).isEqualTo("2027-03-29T09:00:00Z");
        assertThat(page.locator(".slot.best .when").innerText())
                .startsWith(range(rank1.path("start").asText(), rank1.path("end").asText(), "Europe/London"));
        organiser.assertAccessible("manage with answers");

        page.getByLabel("Cleo is required").check();
        page.locator(".manage-status").getByText("Done.").waitFor();
        assertThat(page.locator(".slot.best .when").innerText()).startsWith("Friday 26 March, 14:00 to 15:00");
        page.locator(".slot.best").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pick this time")).click();
        page.locator(".final .when").waitFor();
        assertThat(page.locator(".final .when").innerText()).isEqualTo("Friday 26 March, 14:00 to 15:00 (Europe/London)");
        organiser.assertAccessible("manage, final");
        page.setViewportSize(360, 800);
        organiser.assertNoHorizontalScroll("manage, final, at 360 px");
        page.setViewportSize(640, 800);
        organiser.assertNoHorizontalScroll("manage, final, at 640 px (1280 px at 200% zoom)");
        page.setViewportSize(1280, 900);

        for (String zone : List.of("America/New_York", "Asia/Kathmandu")) {
            Chromium.Tab tab = Chromium.open(context(zone));
            tab.page().navigate("/e/" + id);
            tab.page().locator(".final .when").waitFor();
            assertThat(tab.page().locator(".final .when").innerText())
                    .isEqualTo(range("2027-03-26T14:00:00Z", "2027-03-26T15:00:00Z", zone) + " (" + zone + ")");
            tab.assertAccessible("final, participant in " + zone);
            tab.assertClean();
        }
        List<VEvent> meetings = organiser.downloadedEvents("Download .ics");
        assertThat(meetings).hasSize(1);
        assertThat(meetings.getFirst().getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270326T140000Z");
        assertThat(meetings.getFirst().getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Quarterly planning");
        organiser.assertClean();
        cleo.assertClean();
    }

    /** Opens the poll in a browser in {@code zone}, enters the name and clicks the cells starting at these instants. */
    private Chromium.Tab answer(String zone, String id, String name, List<String> cellStarts) {
        Chromium.Tab tab = Chromium.open(context(zone));
        Page page = tab.page();
        page.navigate("/e/" + id);
        page.getByLabel("Your name").fill(name);
        assertThat(page.getByLabel("Show times in").inputValue()).isEqualTo(zone);
        for (String start : cellStarts) {
            String end = Instant.parse(start).plusSeconds(3600).toString();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(range(start, end, zone) + ", not marked").setExact(true)).click();
        }
        tab.assertAccessible("answer form, " + zone);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my answer")).click();
        page.locator("#answer-status").getByText("Saved.").waitFor();
        tab.assertAccessible("group view, " + zone);
        tab.assertNoHorizontalScroll("desktop " + zone);
        page.setViewportSize(360, 800);
        tab.assertNoHorizontalScroll("360 px, " + zone);
        tab.assertClean();
        return tab;
    }
}
