package io.slotpoll.web;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import io.slotpoll.testing.Chromium;
import io.slotpoll.testing.TestApp;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The story of {@link WebAppBrowserTest} in browsers that prefer German (de-DE) and Arabic
 * (ar-EG): the organiser creates the poll with the form, three participants answer in their
 * zones, one is made required, the time is picked and every participant sees it, the .ics
 * downloads; every label is found by its catalog message. On every page and state: the right
 * lang and dir, no English word a page of that language should not show, axe finds nothing
 * in light and dark at 1280 and 360 px, and nothing scrolls sideways at 360 px or at 200% zoom.
 * At 1280 px the answer grid and the heatmap stand side by side, top edges level.
 */
class WorldBrowserTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    /** What a page holds that is data, not text of the pages: the title, names, zones. */
    private static final Set<String> DATA = Set.of("quarterly", "planning", "fortnight", "europe", "london", "america",
            "york", "asia", "kathmandu", "cleo", "bashu", "slotpoll");

    private String language;
    private String browserLocale;

    @ParameterizedTest
    @CsvSource({"de, de-DE, ltr", "ar, ar-EG, rtl"})
    void the_whole_story_in_the_reader_s_language(String language, String browserLocale, String dir)
            throws IOException, ParserException {
        this.language = language;
        this.browserLocale = browserLocale;
        Chromium.Tab organiser = Chromium.open(context("Europe/London"));
        Page page = organiser.page();
        page.navigate("/");
        page.getByLabel(msg("create.title")).waitFor();
        assertThat(page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]"))
                .isEqualTo(List.of(language, dir));
        assertThat(page.locator("#language").inputValue()).isEqualTo(language);
        checkEverywhere(organiser, "create");
        page.getByLabel(msg("create.title")).fill("Quarterly planning");
        page.getByLabel(msg("create.length")).selectOption("60");
        page.getByLabel(msg("create.step")).selectOption("60");
        Locator next = page.getByRole(AriaRole.BUTTON, named(msg("create.nextMonth")));
        String march = Catalogs.monthName(language, LocalDate.of(2027, 3, 1));
        while (!page.locator(".month").innerText().equals(march)) {
            next.click();
        }
        page.getByRole(AriaRole.BUTTON, named(Catalogs.dayName(language, LocalDate.of(2027, 3, 26)))).click();
        page.getByRole(AriaRole.BUTTON, named(Catalogs.dayName(language, LocalDate.of(2027, 3, 29)))).click();
        page.getByLabel(msg("paint.from"), new Page.GetByLabelOptions().setExact(true)).first().fill("09:00");
        page.getByLabel(msg("paint.to"), new Page.GetByLabelOptions().setExact(true)).first().fill("17:00");
        page.getByRole(AriaRole.BUTTON, named(msg("create.submit"))).click();
        page.waitForURL(Pattern.compile(".*/e/[A-Za-z0-9_-]{22}/manage$"));
        String id = page.url().replaceAll(".*/e/([A-Za-z0-9_-]{22})/manage$", "$1");
        assertThat(page.getByLabel(msg("manage.shareLink")).inputValue()).isEqualTo(APP.baseUrl() + "/e/" + id);
        checkEverywhere(organiser, "manage, no answers");

        answer("America/New_York", id, "Ana", List.of("2027-03-29T09:00:00Z", "2027-03-29T10:00:00Z"));
        answer("Asia/Kathmandu", id, "Bashu", List.of("2027-03-29T09:00:00Z", "2027-03-29T10:00:00Z"));
        Chromium.Tab cleo = answer("Europe/London", id, "Cleo", List.of("2027-03-26T14:00:00Z"));

        page.reload();
        page.locator(".slot.best .when").waitFor();
        assertThat(page.locator(".slot.best .when").innerText()).startsWith(
                Catalogs.range(language, Instant.parse("2027-03-29T09:00:00Z"), Instant.parse("2027-03-29T10:00:00Z"), "Europe/London"));
        checkEverywhere(organiser, "manage with answers");
        // on the manage page the best times, each with "Pick", come before the heatmap
        assertThat(((Number) page.locator(".slot.best button").evaluate("e => e.getBoundingClientRect().top")).doubleValue())
                .isLessThan(top(page, ".group .pane-grid table"));

        page.getByLabel(msg("manage.isRequired", Map.of("name", "Cleo"))).check();
        page.locator(".manage-status").getByText(msg("manage.done")).waitFor();
        String friday = Catalogs.range(language, Instant.parse("2027-03-26T14:00:00Z"), Instant.parse("2027-03-26T15:00:00Z"), "Europe/London");
        assertThat(page.locator(".slot.best .when").innerText()).startsWith(friday);
        page.locator(".slot.best").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(msg("group.pick"))).click();
        page.locator(".final .when").waitFor();
        assertThat(page.locator(".final .when").innerText()).isEqualTo(friday + " (Europe/London)");
        checkEverywhere(organiser, "manage, final");

        for (String zone : List.of("America/New_York", "Asia/Kathmandu")) {
            Chromium.Tab tab = Chromium.open(context(zone));
            tab.page().navigate("/e/" + id);
            tab.page().locator(".final .when").waitFor();
            assertThat(tab.page().locator(".final .when").innerText()).isEqualTo(Catalogs.range(language,
                    Instant.parse("2027-03-26T14:00:00Z"), Instant.parse("2027-03-26T15:00:00Z"), zone) + " (" + zone + ")");
            checkEverywhere(tab, "final, participant in " + zone);
            tab.assertClean();
        }
        List<VEvent> meetings = organiser.downloadedEvents(msg("poll.download"));
        assertThat(meetings).hasSize(1);
        assertThat(meetings.getFirst().getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270326T140000Z");
        organiser.assertClean();
        cleo.assertClean();
    }

    @ParameterizedTest
    @CsvSource({"en, en-GB", "ar, ar-EG"})
    void fourteen_days_side_by_side_fit_the_window_at_1280_by_900(String language, String browserLocale) {
        this.language = language;
        this.browserLocale = browserLocale;
        ObjectNode body = event("Europe/Berlin", 60, window("2027-05-03T07:00:00Z", "2027-05-03T15:00:00Z"));
        ArrayNode windows = (ArrayNode) body.path("proposedWindows");
        for (int day = 1; day < 14; day++) {
            LocalDate date = LocalDate.of(2027, 5, 3).plusDays(day);
            windows.add(window(date + "T07:00:00Z", date + "T15:00:00Z"));
        }
        body.put("title", "Fortnight").put("slotStepMinutes", 30);
        JsonNode created = createEvent(APP.client(), body);
        String id = created.path("id").asText();
        join(APP.client(), id, participant("Ana", "Europe/Berlin", window("2027-05-04T08:00:00Z", "2027-05-04T12:00:00Z")));
        Chromium.Tab tab = Chromium.open(context("Europe/Berlin"));
        Page page = tab.page();
        page.navigate("/e/" + id);
        page.locator(".group .pane-grid table").waitFor();
        assertSideBySide(page, "14 days");
        // the time column's header and the 14 days
        assertThat(page.locator(".answer .pane-grid th[scope=col]").count()).isEqualTo(15);
        assertThat(page.locator(".group .pane-grid th[scope=col]").count()).isEqualTo(15);
        assertThat(page.locator(".answer .pane-grid th[scope=row]").allInnerTexts())
                .isEqualTo(page.locator(".group .pane-grid th[scope=row]").allInnerTexts()).hasSize(16);
        page.setViewportSize(360, 800);
        tab.assertNoHorizontalScroll("14 days at 360 px");
        double answerTop = top(page, ".answer .pane-grid table");
        double groupTop = top(page, ".group .pane-grid table");
        assertThat(groupTop).as("on a phone the answer comes first").isGreaterThan(answerTop + 300);
        tab.assertClean();
    }

    @Test
    void the_theme_switch_overrides_the_system_and_is_remembered() {
        this.language = "fr";
        this.browserLocale = "fr-CA";
        Chromium.Tab tab = Chromium.open(context("Europe/Paris"));
        Page page = tab.page();
        page.navigate("/");
        page.getByLabel(msg("create.title")).waitFor();
        assertThat(background(page)).isEqualTo("rgb(255, 255, 255)");
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        assertThat(background(page)).isEqualTo("rgb(15, 20, 25)");
        page.getByLabel(msg("app.theme")).selectOption("light");
        assertThat(background(page)).isEqualTo("rgb(255, 255, 255)");
        page.reload();
        page.getByLabel(msg("create.title")).waitFor();
        assertThat(page.evaluate("() => document.documentElement.dataset.theme")).isEqualTo("light");
        assertThat(background(page)).isEqualTo("rgb(255, 255, 255)");
        page.getByLabel(msg("app.theme")).selectOption("system");
        assertThat(background(page)).isEqualTo("rgb(15, 20, 25)");
        page.getByLabel(msg("app.language")).selectOption("ja");
        page.waitForFunction("() => document.documentElement.lang === 'ja'");
        page.getByLabel(Catalogs.message("ja", "create.title")).waitFor();
        page.reload();
        page.getByLabel(Catalogs.message("ja", "create.title")).waitFor();
        assertThat(page.locator("#language").inputValue()).isEqualTo("ja");
        tab.assertClean();
    }

    private static String background(Page page) {
        return (String) page.evaluate("() => getComputedStyle(document.documentElement).backgroundColor");
    }

    private Chromium.Tab answer(String zone, String id, String name, List<String> cellStarts) {
        Chromium.Tab tab = Chromium.open(context(zone));
        Page page = tab.page();
        page.navigate("/e/" + id);
        page.getByLabel(msg("answer.name")).fill(name);
        for (String start : cellStarts) {
            Instant from = Instant.parse(start);
            String cell = msg("grid.cell", Map.of("day", Catalogs.dayName(language, from.atZone(ZoneId.of(zone)).toLocalDate()),
                    "start", Catalogs.clock(language, from.atZone(ZoneId.of(zone)).toLocalTime()),
                    "end", Catalogs.clock(language, from.plusSeconds(3600).atZone(ZoneId.of(zone)).toLocalTime())));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(msg("paint.cellEmpty", Map.of("cell", cell))).setExact(true)).click();
        }
        checkEverywhere(tab, "answer form, " + zone);
        page.getByRole(AriaRole.BUTTON, named(msg("answer.save"))).click();
        page.locator("#answer-status").getByText(msg("answer.saved")).waitFor();
        checkEverywhere(tab, "group view, " + zone);
        assertSideBySide(page, "after answering in " + zone);
        tab.assertClean();
        return tab;
    }

    /** The answer grid and the heatmap side by side: top edges within 40 px, both wholly in the window. */
    private static void assertSideBySide(Page page, String state) {
        page.setViewportSize(1280, 900);
        page.locator(".answer .pane-grid").evaluate("e => e.scrollIntoView({ block: 'start' })");
        @SuppressWarnings("unchecked")
        List<List<Number>> boxes = (List<List<Number>>) page.evaluate("() => ['.answer', '.group'].map((s) => {"
                + " const r = document.querySelector(`main > ${s}.pane .pane-grid .scroll`).getBoundingClientRect();"
                + " return [r.top, r.bottom, r.left, r.right]; })");
        double answerTop = top(page, ".answer .pane-grid table");
        double groupTop = top(page, ".group .pane-grid table");
        assertThat(Math.abs(answerTop - groupTop)).as("%s: top edges %s and %s", state, answerTop, groupTop).isLessThanOrEqualTo(40);
        for (List<Number> box : boxes) {
            assertThat(box.get(0).doubleValue()).as("%s: top of %s", state, box).isGreaterThanOrEqualTo(0);
            assertThat(box.get(1).doubleValue()).as("%s: bottom of %s", state, box).isLessThanOrEqualTo(900);
            assertThat(box.get(2).doubleValue()).as("%s: start of %s", state, box).isGreaterThanOrEqualTo(0);
            assertThat(box.get(3).doubleValue()).as("%s: end of %s", state, box).isLessThanOrEqualTo(1280);
        }
        assertThat(boxes.get(0).get(2).doubleValue() < boxes.get(1).get(2).doubleValue())
                .as("%s: the answer is on the reading side's start", state)
                .isEqualTo("ltr".equals(page.evaluate("() => document.documentElement.dir")));
    }

    private static double top(Page page, String selector) {
        return ((Number) page.locator(selector).evaluate("e => e.getBoundingClientRect().top")).doubleValue();
    }

    /** lang and dir, no English, axe in light and dark at 1280 and 360 px, no sideways scroll at 360 and 640 (1280 at 200%). */
    private void checkEverywhere(Chromium.Tab tab, String state) {
        Page page = tab.page();
        assertThat(page.evaluate("() => document.documentElement.lang")).as(state).isEqualTo(language);
        assertNoEnglish(page, state);
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            page.setViewportSize(1280, 900);
            tab.assertAccessible(state + ", " + scheme + ", 1280 px");
            page.setViewportSize(360, 800);
            tab.assertAccessible(state + ", " + scheme + ", 360 px");
            tab.assertNoHorizontalScroll(state + ", 360 px");
            page.setViewportSize(640, 800);
            tab.assertNoHorizontalScroll(state + ", 640 px (1280 px at 200% zoom)");
        }
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        page.setViewportSize(1280, 900);
    }

    @Test
    void the_english_check_finds_english_on_a_page_in_english() {
        this.language = "en";
        this.browserLocale = "en-GB";
        Chromium.Tab tab = Chromium.open(context("Europe/London"));
        Page page = tab.page();
        page.navigate("/");
        page.getByLabel(msg("create.title")).waitFor();
        // the create page in English, looked at as a German page must look: the check sees the English
        assertThat(englishOn(page, "de")).contains("create", "description", "meeting", "length", "times", "every");
        assertThat(englishOn(page, "ar")).contains("create", "description", "meeting", "length", "times", "every");
        tab.assertClean();
    }

    private void assertNoEnglish(Page page, String state) {
        assertThat(englishOn(page, language)).as("English words on %s in %s", state, language).isEmpty();
    }

    /** Every word on the page (text, accessible names, placeholders, menu options) that only English messages use, not {@code pageLanguage}'s. */
    private static Set<String> englishOn(Page page, String pageLanguage) {
        String shown = (String) page.evaluate("() => {"
                + " const out = [];"
                + " const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + " while (walk.nextNode()) { const el = walk.currentNode.parentElement;"
                + "   if (el && !el.closest('script, style, noscript, datalist') && el.checkVisibility()) out.push(walk.currentNode.textContent); }"
                + " for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]'))"
                + "   out.push(el.getAttribute('aria-label') || '', el.getAttribute('title') || '', el.getAttribute('placeholder') || '');"
                + " for (const o of document.querySelectorAll('select option')) out.push(o.textContent);"
                + " out.push(document.title);"
                + " return out.join('\\n'); }");
        Set<String> english = new TreeSet<>(Catalogs.wordsOf(shown));
        english.retainAll(Catalogs.englishOnlyWords(pageLanguage));
        english.removeAll(DATA);
        return english;
    }

    private BrowserContext context(String zone) {
        return CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId(zone).setBaseURL(APP.baseUrl())
                .setViewportSize(1280, 900).setAcceptDownloads(true), browserLocale);
    }

    private String msg(String key) {
        return Catalogs.message(language, key);
    }

    private String msg(String key, Map<String, Object> args) {
        return Catalogs.message(language, key, args);
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }
}
