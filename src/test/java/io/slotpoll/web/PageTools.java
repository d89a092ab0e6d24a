package io.slotpoll.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.Chromium;
import io.slotpoll.testing.TestApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tools, not tests: they run only when asked for. {@code -Dbench.pages=true} (bench/pages.sh)
 * measures how long after navigation the participant page has drawn its group view
 * (performance mark {@code slotpoll:rendered}) for 200 and 2,000 participants over 30 days;
 * {@code -Dscreenshots.dir=docs/screenshots} (bench/screenshots.sh) photographs each page on a
 * desktop and a phone.
 */
class PageTools {

    @RegisterExtension
    static final TestApp APP = new TestApp(Map.of("PARTICIPANTS_PER_EVENT_MAX", "2000"));

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private final ApiClient client = APP.client();

    /** An event of {@code days} days, 09:00-17:00 in Berlin, and {@code people} participants with five windows each. */
    private JsonNode event(int days, int people, long seed) {
        ObjectNode body = ApiClient.object();
        body.put("title", "Team offsite planning");
        body.put("description", "Pick the hours that work for you; the organiser will fix one.");
        body.put("durationMinutes", 60);
        body.put("timezone", "Europe/Berlin");
        ArrayNode windows = body.putArray("proposedWindows");
        LocalDate first = LocalDate.of(2027, 5, 3);
        for (int d = 0; d < days; d++) {
            windows.addObject().put("start", first.plusDays(d) + "T09:00").put("end", first.plusDays(d) + "T17:00");
        }
        JsonNode created = client.post("/api/v1/events").json(body).send().json();
        Random random = new Random(seed);
        String[] zones = {"Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Europe/London", "Asia/Tokyo"};
        for (int p = 0; p < people; p++) {
            ObjectNode person = ApiClient.object();
            person.put("name", people <= 10 ? List.of("Ana", "Bashu", "Cleo", "Dmitri", "Eun-ji", "Femi", "Gus", "Hana",
                    "Ivo", "Jo").get(p) : String.format(Locale.ROOT, "Person %04d", p));
            person.put("timezone", zones[p % zones.length]);
            ArrayNode availability = person.putArray("availability");
            for (int w = 0; w < 5; w++) {
                LocalDate day = first.plusDays(random.nextInt(days));
                int start = 9 + random.nextInt(6);
                availability.addObject().put("start", day + "T" + String.format(Locale.ROOT, "%02d:00:00+02:00", start))
                        .put("end", day + "T" + String.format(Locale.ROOT, "%02d:00:00+02:00", start + 1 + random.nextInt(3)))
                        .put("preference", random.nextInt(4) == 0 ? "ifneedbe" : "yes");
            }
            assertThat(client.post("/api/v1/events/" + created.path("id").asText() + "/participants").json(person).send()
                    .status()).isEqualTo(201);
        }
        return created;
    }

    @Test
    void group_view_render_times() {
        Assumptions.assumeTrue(Boolean.getBoolean("bench.pages"), "run by bench/pages.sh");
        List<String> lines = new ArrayList<>();
        for (int people : new int[] {200, 2000}) {
            String id = event(30, people, people).path("id").asText();
            BrowserContext context = CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("Europe/Berlin")
                    .setBaseURL(APP.baseUrl()).setViewportSize(1280, 900));
            Page page = context.newPage();
            List<Double> times = new ArrayList<>();
            for (int run = 0; run < 6; run++) {
                page.navigate("/e/" + id);
                page.waitForFunction("() => performance.getEntriesByName('slotpoll:rendered').length > 0");
                times.add(((Number) page.evaluate("() => performance.getEntriesByName('slotpoll:rendered')[0].startTime"))
                        .doubleValue());
            }
            List<Double> warm = times.subList(1, times.size()).stream().sorted().toList();
            lines.add(String.format(Locale.ROOT, "| %,d participants x 30 days | %.0f ms | %.0f ms | %.0f ms |", people,
                    times.getFirst(), warm.get(warm.size() / 2), warm.getLast()));
            context.close();
        }
        System.out.println("| group view | first load | median of 5 more | slowest of 5 more |");
        System.out.println("|---|---|---|---|");
        lines.forEach(System.out::println);
    }

    @Test
    void screenshots() throws IOException {
        String dir = System.getProperty("screenshots.dir");
        Assumptions.assumeTrue(dir != null, "run by bench/screenshots.sh");
        Path out = Path.of(dir);
        Files.createDirectories(out);
        JsonNode created = event(5, 6, 7);
        String id = created.path("id").asText();
        String admin = created.path("adminToken").asText();
        for (String stage : List.of("open", "final")) {
            if (stage.equals("final")) {
                String best = client.get("/api/v1/events/" + id + "/recommendations").send().json()
                        .path("recommendations").get(0).path("start").asText();
                assertThat(client.put("/api/v1/events/" + id + "/final").bearer(admin)
                        .json(ApiClient.object().put("start", best)).send().status()).isEqualTo(200);
            }
            for (boolean phone : new boolean[] {false, true}) {
                String suffix = phone ? "phone" : "desktop";
                Browser.NewContextOptions options = new Browser.NewContextOptions().setTimezoneId("Europe/Berlin")
                        .setBaseURL(APP.baseUrl());
                if (phone) {
                    options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true);
                } else {
                    options.setViewportSize(1280, 900);
                }
                BrowserContext context = CHROMIUM.context(options);
                Page page = context.newPage();
                if (stage.equals("open")) {
                    page.navigate("/");
                    page.getByLabel("Title").fill("Team offsite planning");
                    shoot(page, out.resolve("create-" + suffix + ".png"));
                    page.navigate("/e/" + id);
                    page.getByLabel("Your name").fill("Kim");
                    page.locator("button[data-index]").nth(2).click();
                    page.locator("button[data-index]").nth(3).click();
                    shoot(page, out.resolve("participate-" + suffix + ".png"));
                    page.navigate("/e/" + id + "/manage#admin=" + admin);
                    page.locator(".manage").waitFor();
                    shoot(page, out.resolve("manage-" + suffix + ".png"));
                } else {
                    page.navigate("/e/" + id);
                    page.locator("section.final").waitFor();
                    shoot(page, out.resolve("final-" + suffix + ".png"));
                }
                context.close();
            }
            if (stage.equals("open")) {
                // the participate page for a world audience: German in the dark theme, Arabic right to left
                for (String[] look : new String[][] {{"de", "de-DE", "dark"}, {"ar", "ar-EG", "light"}}) {
                    BrowserContext context = CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("Europe/Berlin")
                            .setBaseURL(APP.baseUrl()).setViewportSize(1280, 900)
                            .setColorScheme(look[2].equals("dark") ? ColorScheme.DARK : ColorScheme.LIGHT), look[1]);
                    Page page = context.newPage();
                    page.navigate("/e/" + id);
                    page.getByLabel(Catalogs.message(look[0], "answer.name")).fill("Kim");
                    page.locator("button[data-index]").nth(2).click();
                    page.locator("button[data-index]").nth(3).click();
                    shoot(page, out.resolve("participate-desktop-" + look[0] + "-" + look[2] + ".png"));
                    context.close();
                }
            }
        }
    }

    private static void shoot(Page page, Path file) {
        page.waitForLoadState();
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }
}
