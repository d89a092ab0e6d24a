package io.slotpoll.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Chromium for page tests: Debian's {@code chromium} (which .ci/run installs), driven
 * by Playwright for Java without its own browser download. Where no Chromium is installed
 * the page tests are skipped, unless {@code SLOTPOLL_REQUIRE_BROWSER=1} (set by .ci/run),
 * which makes a missing browser a failure. Every page opened through {@link #open} records
 * console errors, failed requests and answers of 400 or more, for {@link Tab#assertClean}.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        boolean required = "1".equals(System.getenv("SLOTPOLL_REQUIRE_BROWSER"));
        if (!Files.isExecutable(EXECUTABLE)) {
            assertThat(required).as("SLOTPOLL_REQUIRE_BROWSER=1 but no Chromium at %s", EXECUTABLE).isFalse();
            Assumptions.abort("no Chromium at " + EXECUTABLE + "; page tests skipped");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true).setArgs(List.of("--no-sandbox")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    public BrowserContext context(Browser.NewContextOptions options) {
        return context(options, "en-GB");
    }

    /** A context whose browser prefers {@code locale} (navigator.languages, Accept-Language). */
    public BrowserContext context(Browser.NewContextOptions options, String locale) {
        return browser.newContext(options.setLocale(locale));
    }

    /** A page in a context, watched for console errors, failed requests and 4xx/5xx answers. */
    public static Tab open(BrowserContext context) {
        Page page = context.newPage();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                problems.add("console: " + m.text());
            }
        });
        page.onPageError(e -> problems.add("page error: " + e));
        page.onRequestFailed(r -> {
            // a self-refreshing page's conditional read, abandoned because the test moved the page on
            boolean abandonedRefresh = r.failure() != null && r.failure().contains("ERR_ABORTED")
                    && r.headers().containsKey("if-none-match");
            if (!abandonedRefresh) {
                problems.add("failed: " + r.method() + " " + r.url() + " " + r.failure());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400) {
                problems.add("HTTP " + r.status() + ": " + r.request().method() + " " + r.url());
            }
        });
        return new Tab(page, problems);
    }

    /** A page and what went wrong on it so far. */
    public record Tab(Page page, List<String> problems) {

        public void assertClean() {
            assertThat(List.copyOf(problems)).as("console errors, failed requests and error answers").isEmpty();
        }

        /** axe-core's WCAG 2.x A and AA rules (and best practices): no violation. */
        public void assertAccessible(String state) {
            AxeResults results = new AxeBuilder(page)
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                    .analyze();
            assertThat(results.getViolations()).as("axe violations on %s: %s", state, describe(results.getViolations()))
                    .isEmpty();
        }

        /** Clicks the element showing {@code text}, waits for the download it starts and reads it as iCalendar: its events. */
        public List<VEvent> downloadedEvents(String text) throws IOException, ParserException {
            Download download = page.waitForDownload(() -> page.getByText(text).click());
            try (InputStream in = Files.newInputStream(download.path())) {
                Calendar calendar = new CalendarBuilder().build(in);
                return calendar.getComponents("VEVENT");
            }
        }

        /** At 360 CSS pixels the page never scrolls sideways (wide grids scroll inside their own box). */
        public void assertNoHorizontalScroll(String state) {
            Object widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
            @SuppressWarnings("unchecked")
            List<Number> w = (List<Number>) widths;
            assertThat(w.get(0).intValue()).as("page width on %s (viewport %s)", state, w.get(1)).isLessThanOrEqualTo(w.get(1).intValue());
        }

        private static String describe(List<Rule> violations) {
            return violations.stream().map(v -> v.getId() + " (" + v.getNodes().size() + "): "
                    + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; "));
        }
    }
}
