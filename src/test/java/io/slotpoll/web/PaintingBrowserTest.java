package io.slotpoll.web;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.Chromium;
import io.slotpoll.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Painting an answer every way a person can: touch on a phone (taps and a drag, which must
 * not scroll the page), the keyboard alone, the range form (no dragging at all), and two
 * tabs editing one answer (the second save shows the conflict and keeps its cells). The
 * poll: Tuesday 2 March 2027, 09:00-12:00 UTC, 30-minute cells, viewed from UTC.
 */
class PaintingBrowserTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private String id;

    @BeforeEach
    void createPoll() {
        id = createEvent(APP.client(), event("UTC", 30, window("2027-03-02T09:00:00Z", "2027-03-02T12:00:00Z"))
                .put("slotStepMinutes", 30)).path("id").asText();
    }

    private BrowserContext desktop() {
        return CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("UTC").setBaseURL(APP.baseUrl()));
    }

    private static Locator cell(Page page, String from, String to, String state) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Tuesday 2 March, " + from + " to " + to + ", " + state).setExact(true));
    }

    private JsonNode onlyParticipant() {
        JsonNode list = APP.client().get("/api/v1/events/" + id + "/participants").send().json();
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private static void save(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
        page.locator("#answer-status").getByText("Saved.").waitFor();
    }

    @Test
    void on_a_phone_taps_and_a_drag_paint_cells_and_the_page_does_not_scroll_sideways() {
        Chromium.Tab tab = Chromium.open(CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("UTC")
                .setBaseURL(APP.baseUrl()).setViewportSize(390, 844).setHasTouch(true).setIsMobile(true)));
        Page page = tab.page();
        page.navigate("/e/" + id);
        page.getByLabel("Your name").fill("Thumb");
        assertThat(page.locator(".painting").evaluate("el => getComputedStyle(el).touchAction")).isEqualTo("none");
        cell(page, "09:00", "09:30", "not marked").scrollIntoViewIfNeeded();
        BoundingBox first = cell(page, "09:00", "09:30", "not marked").boundingBox();
        page.touchscreen().tap(first.x + first.width / 2, first.y + first.height / 2);
        cell(page, "09:00", "09:30", "available").waitFor();
        // A finger drag from 10:00 down to 11:00: pointer events of type touch, as the browser sends them.
        cell(page, "11:00", "11:30", "not marked").scrollIntoViewIfNeeded();
        BoundingBox from = cell(page, "10:00", "10:30", "not marked").boundingBox();
        BoundingBox to = cell(page, "11:00", "11:30", "not marked").boundingBox();
        page.evaluate("([x1, y1, x2, y2]) => {"
                + " const at = (x, y) => document.elementFromPoint(x, y);"
                + " const ev = (type, x, y) => new PointerEvent(type, {bubbles: true, cancelable: true, pointerType: 'touch',"
                + "   isPrimary: true, clientX: x, clientY: y, button: 0});"
                + " at(x1, y1).dispatchEvent(ev('pointerdown', x1, y1));"
                + " for (let i = 1; i <= 8; i++) { const y = y1 + (y2 - y1) * i / 8; at(x1, y).dispatchEvent(ev('pointermove', x1, y)); }"
                + " window.dispatchEvent(ev('pointerup', x2, y2)); }",
                List.of(from.x + from.width / 2, from.y + from.height / 2, to.x + to.width / 2, to.y + to.height / 2));
        cell(page, "10:30", "11:00", "available").waitFor();
        tab.assertNoHorizontalScroll("phone, painting");
        save(page, "Save my answer");
        assertThat(onlyParticipant().path("availability").toString()).isEqualTo("["
                + "{\"start\":\"2027-03-02T09:00:00Z\",\"end\":\"2027-03-02T09:30:00Z\",\"preference\":\"yes\"},"
                + "{\"start\":\"2027-03-02T10:00:00Z\",\"end\":\"2027-03-02T11:30:00Z\",\"preference\":\"yes\"}]");
        tab.assertAccessible("phone, saved");
        tab.assertNoHorizontalScroll("phone, saved");
        tab.assertClean();
    }

    @Test
    void saving_redraws_the_answer_and_the_group_but_not_the_zone_picker() {
        Chromium.Tab tab = Chromium.open(desktop());
        Page page = tab.page();
        page.navigate("/e/" + id);
        page.getByLabel("Your name").fill("Parts");
        Locator heat = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Tuesday 2 March, 09:00 to 09:30: 0 available, 0 if need be, 0 unavailable").setExact(true));
        assertThat(heat.count()).isEqualTo(1);
        // marks on the nodes as drawn now: a part redrawn gets new nodes without them
        page.evaluate("() => { document.getElementById('zone-input').dataset.probe = 'kept';"
                + " document.querySelector('section.group').dataset.probe = 'old';"
                + " document.querySelector('section.answer').dataset.probe = 'old'; }");
        cell(page, "09:00", "09:30", "not marked").click();
        save(page, "Save my answer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Tuesday 2 March, 09:00 to 09:30: 1 available, 0 if need be, 0 unavailable").setExact(true)).waitFor();
        assertThat(page.locator("#zone-input[data-probe=kept]").count()).as("the zone picker is the same node").isEqualTo(1);
        assertThat(page.locator("section.group[data-probe]").count()).as("the group part was redrawn").isZero();
        assertThat(page.locator("section.answer[data-probe]").count()).as("the answer part was redrawn").isZero();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your answer")).count()).isEqualTo(1);
        tab.assertClean();
    }

    /**
     * v1.2: an open page sees another person's answer within 20 s without a reload (it asks
     * every 15 s with If-None-Match), and keeps the viewer's unsaved cells and focus.
     */
    @Test
    void an_open_page_shows_a_new_answer_by_itself_and_keeps_unsaved_cells_and_focus() {
        Chromium.Tab tab = Chromium.open(desktop());
        Page page = tab.page();
        page.navigate("/e/" + id);
        page.getByLabel("Your name").fill("Viewer");
        cell(page, "09:30", "10:00", "not marked").click();
        cell(page, "09:30", "10:00", "available").waitFor();
        cell(page, "10:00", "10:30", "not marked").focus();
        ObjectNode other = ApiClient.object().put("name", "Other").put("timezone", "UTC");
        other.putArray("availability").addObject().put("start", "2027-03-02T09:00:00Z").put("end", "2027-03-02T10:00:00Z")
                .put("preference", "yes");
        assertThat(APP.client().post("/api/v1/events/" + id + "/participants").json(other).send().status()).isEqualTo(201);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Tuesday 2 March, 09:00 to 09:30: 1 available, 0 if need be, 0 unavailable").setExact(true))
                .waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        assertThat(page.getByText("Yes: Other", new Page.GetByTextOptions().setExact(true)).count()).isEqualTo(2);
        assertThat(cell(page, "09:30", "10:00", "available").count()).as("the unsaved cell").isEqualTo(1);
        assertThat(page.getByLabel("Your name").inputValue()).isEqualTo("Viewer");
        assertThat(page.evaluate("() => document.activeElement.getAttribute('aria-label')"))
                .isEqualTo("Tuesday 2 March, 10:00 to 10:30, not marked");
        assertThat(APP.client().get("/api/v1/events/" + id + "/participants").send().json()).hasSize(1);
        tab.assertClean();
    }

    /** v1.2: a hidden tab asks nothing; when it becomes visible again it asks at once and shows what changed. */
    @Test
    void a_hidden_page_asks_nothing_and_catches_up_when_it_is_shown_again() {
        Chromium.Tab tab = Chromium.open(desktop());
        Page page = tab.page();
        List<String> heatmapReads = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        page.onRequest(r -> {
            if (r.url().contains("/heatmap")) {
                heatmapReads.add(r.url());
            }
        });
        page.navigate("/e/" + id);
        page.getByLabel("Your name").waitFor();
        page.evaluate("() => { Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });"
                + " document.dispatchEvent(new Event('visibilitychange')); }");
        int before = heatmapReads.size();
        ObjectNode other = ApiClient.object().put("name", "Hidden").put("timezone", "UTC");
        other.putArray("availability").addObject().put("start", "2027-03-02T09:00:00Z").put("end", "2027-03-02T09:30:00Z")
                .put("preference", "yes");
        assertThat(APP.client().post("/api/v1/events/" + id + "/participants").json(other).send().status()).isEqualTo(201);
        page.waitForTimeout(17_000); // more than one 15 s period
        assertThat(heatmapReads.size()).as("heatmap reads while hidden").isEqualTo(before);
        page.evaluate("() => { Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });"
                + " document.dispatchEvent(new Event('visibilitychange')); }");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Tuesday 2 March, 09:00 to 09:30: 1 available, 0 if need be, 0 unavailable").setExact(true))
                .waitFor(new Locator.WaitForOptions().setTimeout(5_000));
        assertThat(heatmapReads.size()).as("reads once shown: the check, then the reload").isEqualTo(before + 2);
        tab.assertClean();
    }

    @Test
    void the_keyboard_alone_fills_in_and_saves_an_answer() {
        Chromium.Tab tab = Chromium.open(desktop());
        Page page = tab.page();
        page.navigate("/e/" + id);
        page.getByLabel("Your name").waitFor();
        for (int i = 0; i < 40 && !"Your name".equals(page.evaluate("() => document.activeElement.labels?.[0]?.textContent")); i++) {
            page.keyboard().press("Tab");
        }
        page.keyboard().type("Keys");
        // Into the grid: Tab until a cell has focus.
        for (int i = 0; i < 40 && page.evaluate("() => document.activeElement.dataset.index") == null; i++) {
            page.keyboard().press("Tab");
        }
        page.keyboard().press("Space");                 // 09:00 yes
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Space");                 // 09:30 yes
        page.keyboard().press("Shift+Tab");             // back to the paint modes (one tab stop, "yes" checked)
        assertThat(page.evaluate("() => document.activeElement.value")).isEqualTo("yes");
        page.keyboard().press("ArrowRight");            // "if need be"
        assertThat(page.evaluate("() => document.activeElement.value")).isEqualTo("ifneedbe");
        page.keyboard().press("Tab");                   // the grid again, at the cell last used (09:30)
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");                 // 10:00 if need be
        assertThat(cell(page, "10:00", "10:30", "available if need be").count()).isEqualTo(1);
        for (int i = 0; i < 60 && !"Save my answer".equals(page.evaluate("() => document.activeElement.textContent")); i++) {
            page.keyboard().press("Tab");
        }
        page.keyboard().press("Enter");
        page.locator("#answer-status").getByText("Saved.").waitFor();
        JsonNode keys = onlyParticipant();
        assertThat(keys.path("name").asText()).isEqualTo("Keys");
        assertThat(keys.path("availability").toString()).isEqualTo("["
                + "{\"start\":\"2027-03-02T09:00:00Z\",\"end\":\"2027-03-02T10:00:00Z\",\"preference\":\"yes\"},"
                + "{\"start\":\"2027-03-02T10:00:00Z\",\"end\":\"2027-03-02T10:30:00Z\",\"preference\":\"ifneedbe\"}]");
        tab.assertClean();
    }

    @Test
    void the_range_form_marks_cells_without_any_dragging() {
        Chromium.Tab tab = Chromium.open(desktop());
        Page page = tab.page();
        page.navigate("/e/" + id);
        page.getByLabel("Your name").fill("Form");
        Locator range = page.locator("fieldset.range");
        range.getByLabel("Day").selectOption("2027-03-02");
        range.getByLabel("From").selectOption("10:30");
        range.getByLabel("To").selectOption("12:00");
        range.getByLabel("Mark").selectOption("ifneedbe");
        range.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark these cells")).click();
        assertThat(range.getByRole(AriaRole.STATUS).innerText()).isEqualTo("3 cells marked.");
        save(page, "Save my answer");
        assertThat(onlyParticipant().path("availability").toString()).isEqualTo("["
                + "{\"start\":\"2027-03-02T10:30:00Z\",\"end\":\"2027-03-02T12:00:00Z\",\"preference\":\"ifneedbe\"}]");
        tab.assertAccessible("after the range form");
        tab.assertClean();
    }

    @Test
    void the_edit_link_opens_the_same_answer_in_another_browser_and_leaves_the_address_bar() {
        Chromium.Tab first = Chromium.open(desktop());
        first.page().navigate("/e/" + id);
        first.page().getByLabel("Your name").fill("Roamer");
        cell(first.page(), "11:30", "12:00", "not marked").click();
        save(first.page(), "Save my answer");
        String link = first.page().getByLabel("To change your answer from another device, open this link there (keep it private)")
                .inputValue();
        JsonNode roamer = onlyParticipant();
        assertThat(link).startsWith(APP.baseUrl() + "/e/" + id + "#edit=" + roamer.path("id").asText() + ".");

        Chromium.Tab other = Chromium.open(desktop());
        other.page().navigate(link);
        cell(other.page(), "11:30", "12:00", "available").waitFor();
        assertThat(other.page().url()).isEqualTo(APP.baseUrl() + "/e/" + id);
        assertThat(other.page().getByLabel("Your name").inputValue()).isEqualTo("Roamer");
        cell(other.page(), "09:00", "09:30", "not marked").click();
        save(other.page(), "Save changes");
        assertThat(onlyParticipant().path("availability").size()).isEqualTo(2);
        first.assertClean();
        other.assertClean();
    }

    @Test
    void fill_from_my_calendar_marks_the_grid_for_review_and_saving_stores_exactly_that() throws Exception {
        JsonNode created = createEvent(APP.client(), event("Europe/Berlin", 30, window("2027-03-26T09:00", "2027-03-26T13:00"),
                window("2027-03-29T09:00", "2027-03-29T13:00")).put("slotStepMinutes", 30));
        String poll = created.path("id").asText();
        Chromium.Tab tab = Chromium.open(CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("Europe/Berlin")
                .setBaseURL(APP.baseUrl())));
        Page page = tab.page();
        page.navigate("/e/" + poll);
        page.getByLabel("Your name").fill("Importer");
        page.getByText("Fill from my calendar").click();
        page.getByLabel("An .ics file exported from your calendar")
                .setInputFiles(java.nio.file.Path.of(getClass().getResource("/calendars/google.ics").toURI()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read the file")).click();
        page.getByText("13 cells yes, 2 if need be from your calendar").waitFor();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Friday 26 March, 11:00 to 11:30, not marked").setExact(true)).count()).as("the moved stand-up").isEqualTo(1);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Monday 29 March, 09:00 to 09:30, available if need be").setExact(true)).count()).isEqualTo(1);
        tab.assertAccessible("filled from a calendar");
        save(page, "Save my answer");
        JsonNode imported = APP.client().post("/api/v1/events/" + poll + "/availability-from-calendar")
                .body(getClass().getResourceAsStream("/calendars/google.ics").readAllBytes(), "text/calendar").send().json();
        JsonNode saved = APP.client().get("/api/v1/events/" + poll + "/participants").send().json().get(0).path("availability");
        assertThat(saved).isEqualTo(imported.path("availability"));
        tab.assertClean();
    }

    @Test
    void two_tabs_editing_one_answer_the_second_save_shows_the_conflict_and_keeps_its_cells() {
        BrowserContext context = desktop();
        Chromium.Tab first = Chromium.open(context);
        first.page().navigate("/e/" + id);
        first.page().getByLabel("Your name").fill("Twin");
        cell(first.page(), "09:00", "09:30", "not marked").click();
        save(first.page(), "Save my answer");

        // Both tabs now hold version 1 of the answer (local storage is shared within the browser).
        Chromium.Tab second = Chromium.open(context);
        second.page().navigate("/e/" + id);
        cell(second.page(), "09:00", "09:30", "available").waitFor();
        cell(first.page(), "11:00", "11:30", "not marked").click();
        save(first.page(), "Save changes");

        cell(second.page(), "09:30", "10:00", "not marked").click();
        second.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        second.page().locator("#answer-status").getByText("changed elsewhere").waitFor();
        assertThat(cell(second.page(), "09:30", "10:00", "available").count()).as("the unsaved cell is kept").isEqualTo(1);
        assertThat(onlyParticipant().path("availability").toString()).as("the first tab's save stands").isEqualTo("["
                + "{\"start\":\"2027-03-02T09:00:00Z\",\"end\":\"2027-03-02T09:30:00Z\",\"preference\":\"yes\"},"
                + "{\"start\":\"2027-03-02T11:00:00Z\",\"end\":\"2027-03-02T11:30:00Z\",\"preference\":\"yes\"}]");
        assertThat(second.problems()).as("only the refused save").containsExactly(
                "HTTP 412: PUT " + APP.baseUrl() + "/api/v1/events/" + id + "/participants/"
                        + onlyParticipant().path("id").asText() + "/availability",
                "console: Failed to load resource: the server responded with a status of 412 (Precondition Failed)");
        first.assertClean();
    }
}
