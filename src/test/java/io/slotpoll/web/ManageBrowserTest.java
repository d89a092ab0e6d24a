package io.slotpoll.web;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.slotpoll.testing.Chromium;
import io.slotpoll.testing.TestApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The organiser's page: the manage link's token leaves the address bar; close and reopen;
 * the CSV export; a time picked from the heatmap and undone; delete after a confirmation.
 */
class ManageBrowserTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void the_organiser_closes_reopens_exports_picks_from_the_heatmap_undoes_and_deletes() throws IOException {
        JsonNode created = createEvent(APP.client(), event("UTC", 60, window("2027-03-02T09:00:00Z", "2027-03-02T12:00:00Z"))
                .put("slotStepMinutes", 30));
        String id = created.path("id").asText();
        join(APP.client(), id, participant("Ana", "Europe/Paris", window("2027-03-02T10:00:00Z", "2027-03-02T12:00:00Z")));
        join(APP.client(), id, participant("=Bob", "UTC", window("2027-03-02T09:00:00Z", "2027-03-02T11:00:00Z", "ifneedbe")));

        Chromium.Tab tab = Chromium.open(CHROMIUM.context(new Browser.NewContextOptions().setTimezoneId("UTC")
                .setBaseURL(APP.baseUrl()).setAcceptDownloads(true)));
        Page page = tab.page();
        page.navigate("/e/" + id + "/manage#admin=" + created.path("adminToken").asText());
        page.locator(".manage").waitFor();
        assertThat(page.url()).as("the token left the address bar").isEqualTo(APP.baseUrl() + "/e/" + id + "/manage");
        assertThat(page.evaluate("() => localStorage.getItem('slotpoll:admin:" + id + "')"))
                .isEqualTo(created.path("adminToken").asText());
        tab.assertAccessible("manage");

        page.getByRole(AriaRole.BUTTON, named("Close the poll")).click();
        page.getByRole(AriaRole.BUTTON, named("Reopen the poll")).waitFor();
        assertThat(APP.client().get("/api/v1/events/" + id).send().json().path("status").asText()).isEqualTo("closed");
        page.getByRole(AriaRole.BUTTON, named("Reopen the poll")).click();
        page.getByRole(AriaRole.BUTTON, named("Close the poll")).waitFor();

        Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, named("Export answers (CSV)")).click());
        String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("participant,timezone,required,preference,start,end,startLocal,endLocal\r\n")
                .contains("Ana,Europe/Paris,false,yes,2027-03-02T10:00:00Z,2027-03-02T12:00:00Z,"
                        + "2027-03-02T11:00:00+01:00,2027-03-02T13:00:00+01:00\r\n")
                .contains("'=Bob,UTC,false,ifneedbe,");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Tuesday 2 March, 10:30 to 11:00: 1 available, 1 if need be, 0 unavailable")).click();
        page.getByRole(AriaRole.BUTTON, named("Pick Tuesday 2 March, 10:30 to 11:30")).click();
        page.locator("section.final .when").waitFor();
        assertThat(page.locator("section.final .when").innerText()).isEqualTo("Tuesday 2 March, 10:30 to 11:30 (UTC)");
        assertThat(APP.client().get("/api/v1/events/" + id).send().json().path("final").toString())
                .isEqualTo("{\"start\":\"2027-03-02T10:30:00Z\",\"end\":\"2027-03-02T11:30:00Z\"}");
        tab.assertAccessible("manage, final");

        page.getByRole(AriaRole.BUTTON, named("Undo the chosen time")).click();
        page.getByRole(AriaRole.BUTTON, named("Reopen the poll")).waitFor();
        assertThat(APP.client().get("/api/v1/events/" + id).send().json().path("final").isNull()).isTrue();

        page.onDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, named("Delete the poll")).click();
        page.getByRole(AriaRole.HEADING, named("Poll deleted")).waitFor();
        assertThat(APP.client().get("/api/v1/events/" + id).send().status()).isEqualTo(404);
        assertThat(page.evaluate("() => localStorage.getItem('slotpoll:admin:" + id + "')")).isNull();
        tab.assertClean();
    }
}
