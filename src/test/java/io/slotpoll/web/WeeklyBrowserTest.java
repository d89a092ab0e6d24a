package io.slotpoll.web;

import static io.slotpoll.testing.Fixtures.createEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.Chromium;
import io.slotpoll.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A weekly poll made in New York, answered on its weekday grid from London and from Sydney,
 * picked by the organiser: the page sends the answer as weekdays and times in the viewer's
 * zone, split at the viewer's midnight (New York's Monday 07:00 is Monday 23:00 in Sydney,
 * so an hour from there runs into Tuesday), and each viewer sees the final weekday and time
 * in their own zone with the weeks it moves.
 */
class WeeklyBrowserTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @Test
    void a_new_york_weekly_poll_answered_from_london_and_sydney_and_picked_shows_each_their_weekday_and_time() {
        // Monday 07:00-12:00 in New York (EST, UTC-5) in January is 12:00-17:00 in London (GMT)
        // and Monday 23:00 to Tuesday 04:00 in Sydney (AEDT, UTC+11): Sydney's answer crosses
        // its midnight and is sent as Monday and Tuesday pieces
        ObjectNode body = ApiClient.object().put("title", "Weekly call").put("kind", "weekly").put("durationMinutes", 60)
                .put("slotStepMinutes", 60).put("timezone", "America/New_York").put("firstWeek", "2027-01-04");
        body.putArray("weeklyWindows").add(ApiClient.object().put("day", "MON").put("start", "07:00").put("end", "12:00"));
        JsonNode created = createEvent(APP.client(), body);
        String id = created.path("id").asText();

        Page london = answer(id, "Europe/London", "Lee", List.of("Monday, 13:00 to 14:00", "Monday, 14:00 to 15:00",
                "Monday, 15:00 to 16:00"));
        Page sydney = answer(id, "Australia/Sydney", "Sam", List.of("Monday, 23:00 to Tuesday 00:00",
                "Tuesday, 00:00 to 01:00", "Tuesday, 01:00 to 02:00"));
        // both grids' columns (the answer's and the group's) are weekdays, not the first week's dates
        assertThat(sydney.locator("table.cells thead th[scope=col]").allInnerTexts())
                .containsExactly("Time", "Mon", "Tue", "Time", "Mon", "Tue");
        // Monday 07:00 in New York is Monday 23:00 in Sydney: the same weekday, so no note;
        // Monday 08:00 there is Tuesday 00:00 here, and the first window's start decides
        assertThat(sydney.locator(".weekday-note").count()).isZero();

        JsonNode people = APP.client().get("/api/v1/events/" + id + "/participants").send().json();
        assertThat(people.get(0).path("weeklyAvailability").toString())
                .isEqualTo("[{\"day\":\"MON\",\"start\":\"13:00\",\"end\":\"16:00\",\"preference\":\"yes\"}]");
        assertThat(people.get(0).path("availability").toString()).isEqualTo("[{\"start\":\"2027-01-04T13:00:00Z\","
                + "\"end\":\"2027-01-04T16:00:00Z\",\"preference\":\"yes\"}]");
        assertThat(people.get(1).path("weeklyAvailability").toString())
                .isEqualTo("[{\"day\":\"MON\",\"start\":\"23:00\",\"end\":\"24:00\",\"preference\":\"yes\"},"
                        + "{\"day\":\"TUE\",\"start\":\"00:00\",\"end\":\"02:00\",\"preference\":\"yes\"}]");
        assertThat(people.get(1).path("availability").toString()).isEqualTo("[{\"start\":\"2027-01-04T12:00:00Z\","
                + "\"end\":\"2027-01-04T15:00:00Z\",\"preference\":\"yes\"}]");

        // the organiser in New York sees both at 08:00 and 09:00 and picks 09:00
        Chromium.Tab organiser = Chromium.open(CHROMIUM.context(new Browser.NewContextOptions()
                .setTimezoneId("America/New_York").setBaseURL(APP.baseUrl())));
        Page manage = organiser.page();
        manage.navigate("/e/" + id + "/manage#admin=" + created.path("adminToken").asText());
        Locator nine = manage.locator(".slot").filter(new Locator.FilterOptions().setHasText("Every Monday, 09:00 to 10:00"));
        nine.waitFor();
        assertThat(manage.locator(".slot .when").allInnerTexts()).startsWith("Every Monday, 08:00 to 09:00best",
                "Every Monday, 09:00 to 10:00");
        nine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pick this time")).click();
        manage.locator("section.final .when").waitFor();
        assertThat(manage.locator("section.final .when").innerText())
                .isEqualTo("Every Monday at 09:00 (your time, America/New_York), from Monday 4 January");
        organiser.assertAccessible("manage, weekly, final");
        organiser.assertClean();

        // London: 14:00, an hour earlier between New York's change (14 March) and London's (28 March)
        london.reload();
        london.locator("section.final .when").waitFor();
        assertThat(london.locator("section.final .when").innerText())
                .isEqualTo("Every Monday at 14:00 (your time, Europe/London), from Monday 4 January");
        assertThat(london.locator("section.final").innerText())
                .contains("In the poll’s zone: every Monday at 09:00 (America/New_York)")
                .contains("Your local time changes when the clocks change: from Monday 15 March: Monday at 13:00;"
                        + " from Monday 29 March: Monday at 14:00.");
        // Sydney: Tuesday 01:00; Tuesday 00:00 once New York moves, and back on Monday at 23:00
        // once Sydney leaves daylight saving on 4 April
        sydney.reload();
        sydney.locator("section.final .when").waitFor();
        assertThat(sydney.locator("section.final .when").innerText())
                .isEqualTo("Every Tuesday at 01:00 (your time, Australia/Sydney), from Tuesday 5 January");
        assertThat(sydney.locator("section.final").innerText())
                .contains("In the poll’s zone: every Monday at 09:00 (America/New_York)")
                .contains("Your local time changes when the clocks change: from Tuesday 16 March: Tuesday at 00:00;"
                        + " from Monday 5 April: Monday at 23:00.");
    }

    @Test
    void the_organiser_creates_a_weekly_poll_from_the_form() {
        Chromium.Tab tab = Chromium.open(CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("America/New_York")
                .setBaseURL(APP.baseUrl())));
        Page page = tab.page();
        page.navigate("/");
        page.getByLabel("Title").fill("Band rehearsal");
        page.getByLabel("Meeting length").selectOption("120");
        page.getByLabel("every week (a weekday and time)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tuesday").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thursday").setExact(true)).click();
        page.getByLabel("Every chosen day from").fill("18:00");
        page.getByLabel("until").fill("22:00");
        page.getByLabel("First week (any day of it)").fill("2027-01-06");
        tab.assertAccessible("create, weekly");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create poll")).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/e/[A-Za-z0-9_-]{22}/manage$"));
        String id = page.url().replaceAll(".*/e/([A-Za-z0-9_-]{22})/manage$", "$1");
        JsonNode event = APP.client().get("/api/v1/events/" + id).send().json();
        assertThat(event.path("kind").asText()).isEqualTo("weekly");
        assertThat(event.path("firstWeek").asText()).isEqualTo("2027-01-06");
        assertThat(event.path("timezone").asText()).isEqualTo("America/New_York");
        assertThat(event.path("weeklyWindows").toString()).isEqualTo("[{\"day\":\"TUE\",\"start\":\"18:00\","
                + "\"end\":\"22:00\"},{\"day\":\"THU\",\"start\":\"18:00\",\"end\":\"22:00\"}]");
        assertThat(event.path("proposedWindows").toString()).isEqualTo("[{\"start\":\"2027-01-05T23:00:00Z\","
                + "\"end\":\"2027-01-06T03:00:00Z\"},{\"start\":\"2027-01-07T23:00:00Z\",\"end\":\"2027-01-08T03:00:00Z\"}]");
        tab.assertClean();
    }

    @Test
    void the_final_weekly_time_is_shown_in_the_viewers_zone_with_the_weeks_it_moves() {
        ObjectNode body = ApiClient.object().put("title", "Standup").put("kind", "weekly").put("durationMinutes", 60)
                .put("slotStepMinutes", 60).put("timezone", "America/New_York").put("firstWeek", "2027-03-08");
        body.putArray("weeklyWindows").add(ApiClient.object().put("day", "MON").put("start", "09:00").put("end", "12:00"));
        JsonNode created = createEvent(APP.client(), body);
        String id = created.path("id").asText();
        assertThat(APP.client().put("/api/v1/events/" + id + "/final").bearer(created.path("adminToken").asText())
                .json(ApiClient.object().put("start", "2027-03-08T15:00:00Z")).send().status()).isEqualTo(200);

        Chromium.Tab tab = Chromium.open(CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("Europe/London")
                .setBaseURL(APP.baseUrl())));
        Page page = tab.page();
        page.navigate("/e/" + id);
        page.locator("section.final .when").waitFor();
        assertThat(page.locator("section.final .when").innerText())
                .isEqualTo("Every Monday at 15:00 (your time, Europe/London), from Monday 8 March");
        // New York moves to EDT on 14 March, London to BST on 28 March
        assertThat(page.locator("section.final").innerText())
                .contains("In the poll’s zone: every Monday at 10:00 (America/New_York)")
                .contains("Your local time changes when the clocks change: from Monday 15 March: Monday at 14:00;"
                        + " from Monday 29 March: Monday at 15:00.");
        tab.assertAccessible("final, weekly");
        tab.assertClean();
    }

    @Test
    void an_evening_in_los_angeles_is_the_next_weekday_in_tokyo_and_the_page_says_so() {
        ObjectNode body = ApiClient.object().put("title", "Evening class").put("kind", "weekly").put("durationMinutes", 60)
                .put("slotStepMinutes", 60).put("timezone", "America/Los_Angeles").put("firstWeek", "2027-01-04");
        body.putArray("weeklyWindows").add(ApiClient.object().put("day", "MON").put("start", "20:00").put("end", "22:00"));
        String id = createEvent(APP.client(), body).path("id").asText();
        Chromium.Tab tab = Chromium.open(CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("Asia/Tokyo")
                .setBaseURL(APP.baseUrl())));
        Page page = tab.page();
        page.navigate("/e/" + id);
        page.locator(".weekday-note").waitFor();
        assertThat(page.locator(".weekday-note").innerText())
                .isEqualTo("Weekdays differ: Monday 20:00 in America/Los_Angeles is Tuesday 13:00 here.");
        tab.assertAccessible("answer, weekdays differ");
        tab.assertClean();
    }

    private Page answer(String id, String zone, String name, List<String> cells) {
        Chromium.Tab tab = Chromium.open(CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId(zone)
                .setBaseURL(APP.baseUrl())));
        Page page = tab.page();
        page.navigate("/e/" + id);
        page.getByLabel("Your name").fill(name);
        for (String cell : cells) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(cell + ", not marked").setExact(true))
                    .click();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my answer")).click();
        page.locator("#answer-status").getByText("Saved.").waitFor();
        tab.assertClean();
        return page;
    }
}
