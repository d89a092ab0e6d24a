package io.slotpoll.weekly;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.join;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.NaiveWeeks;
import io.slotpoll.testing.TestApp;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.FirstWeek;
import io.slotpoll.time.WeeklyWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random weekly polls over HTTP against a naive reference. The reference converts every
 * window minute by minute (a minute of the first week counts when its local weekday and
 * time in the owner's zone lie in the window) and poses the result as a dates poll on the
 * same server; the weekly poll must rank exactly as that dates poll does (every slot's
 * times, score, counts and people by name), and each slot's {@code day}, {@code time} and
 * {@code offsetChanges} must be what ZonedDateTime gives week by week for 26 weeks.
 */
class WeeklyContractTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    static final List<String> ZONES = List.of("America/New_York", "Europe/London", "Australia/Sydney", "America/Santiago",
            "Asia/Kolkata", "Asia/Kathmandu", "Australia/Adelaide", "Pacific/Chatham", "Asia/Tokyo", "America/St_Johns",
            "America/Los_Angeles", "Pacific/Apia");
    static final List<LocalDate> WEEKS = List.of(LocalDate.of(2027, 3, 14), LocalDate.of(2027, 11, 7),
            LocalDate.of(2027, 3, 28), LocalDate.of(2027, 10, 31), LocalDate.of(2027, 4, 4), LocalDate.of(2027, 9, 5),
            LocalDate.of(2027, 9, 26), LocalDate.of(2021, 4, 4), LocalDate.of(2027, 6, 16), LocalDate.of(2027, 1, 13));
    static final int POLLS = 40;

    private final ApiClient client = APP.client();

    @Test
    void random_weekly_polls_rank_as_their_naive_dates_twins() {
        Random random = new Random(1207L);
        int slotsCompared = 0;
        int changesSeen = 0;
        for (int c = 0; c < POLLS; c++) {
            ZoneId eventZone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            LocalDate date = WEEKS.get(random.nextInt(WEEKS.size())).plusDays(random.nextInt(5) - 2);
            FirstWeek week = FirstWeek.of(date, eventZone);
            int step = List.of(15, 30, 60).get(random.nextInt(3));
            int duration = List.of(30, 60, 90).get(random.nextInt(3));
            // event windows on different days, so that no two touch
            List<Integer> days = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7));
            java.util.Collections.shuffle(days, random);
            List<WeeklyWindow> eventWindows = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                int start = random.nextInt(40) * 30;
                int end = random.nextInt(4) == 0 ? 1440 : Math.min(1440, start + 120 + random.nextInt(12) * 30);
                eventWindows.add(new WeeklyWindow(DayOfWeek.of(days.get(i)), start, end));
            }
            ObjectNode weekly = ApiClient.object().put("title", "W" + c).put("kind", "weekly").put("durationMinutes", duration)
                    .put("slotStepMinutes", step).put("timezone", eventZone.getId()).put("firstWeek", date.toString());
            ObjectNode twin = ApiClient.object().put("title", "D" + c).put("durationMinutes", duration)
                    .put("slotStepMinutes", step).put("timezone", eventZone.getId());
            ArrayNode weeklyWindows = weekly.putArray("weeklyWindows");
            ArrayNode proposed = twin.putArray("proposedWindows");
            for (WeeklyWindow w : eventWindows) {
                weeklyWindows.add(item(w));
                for (Instant[] span : spans(NaiveWeeks.minutes(week, List.of(w), eventZone))) {
                    proposed.add(ApiClient.object().put("start", span[0].toString()).put("end", span[1].toString()));
                }
            }
            ApiClient.Response made = client.post("/api/v1/events").json(weekly).send();
            if (made.status() == 400) {
                // a window shorter than the meeting, or wholly in a skipped hour: refused alike below
                assertThat(client.post("/api/v1/events").json(twin).send().status()).as(made.body()).isIn(400, 201);
                continue;
            }
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String weeklyId = made.json().path("id").asText();
            String twinId = createEvent(client, twin).path("id").asText();

            Map<String, ZoneId> zones = new HashMap<>();
            for (int p = 0; p < 1 + random.nextInt(5); p++) {
                ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
                String name = "P" + p;
                zones.put(name, zone);
                List<WeeklyWindow> yes = new ArrayList<>();
                List<WeeklyWindow> maybe = new ArrayList<>();
                ObjectNode answer = ApiClient.object().put("name", name).put("timezone", zone.getId());
                ArrayNode items = answer.putArray("weeklyAvailability");
                for (int i = 0; i < random.nextInt(5); i++) {
                    int start = random.nextInt(48) * 30;
                    int end = random.nextInt(5) == 0 ? 1440 : Math.min(1440, start + 30 + random.nextInt(16) * 30);
                    WeeklyWindow w = new WeeklyWindow(DayOfWeek.of(1 + random.nextInt(7)), start, end);
                    boolean ifNeedBe = random.nextInt(4) == 0;
                    (ifNeedBe ? maybe : yes).add(w);
                    items.add(item(w).put("preference", ifNeedBe ? "ifneedbe" : "yes"));
                }
                join(client, weeklyId, answer);
                ObjectNode dated = ApiClient.object().put("name", name).put("timezone", zone.getId());
                ArrayNode availability = dated.putArray("availability");
                for (Instant[] span : spans(NaiveWeeks.minutes(week, yes, zone))) {
                    availability.add(ApiClient.object().put("start", span[0].toString()).put("end", span[1].toString())
                            .put("preference", "yes"));
                }
                for (Instant[] span : spans(NaiveWeeks.minutes(week, maybe, zone))) {
                    availability.add(ApiClient.object().put("start", span[0].toString()).put("end", span[1].toString())
                            .put("preference", "ifneedbe"));
                }
                join(client, twinId, dated);
            }

            ZoneId viewer = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            String query = "/recommendations?limit=100&timezone=" + viewer.getId();
            JsonNode got = client.get("/api/v1/events/" + weeklyId + query).send().json().path("recommendations");
            JsonNode want = client.get("/api/v1/events/" + twinId + query).send().json().path("recommendations");
            String what = "poll " + c + ": " + eventWindows + " in " + eventZone + ", week of " + date + ", viewer " + viewer;
            assertThat(got.size()).as(what).isEqualTo(want.size());
            Map<String, String> names = new HashMap<>();
            client.get("/api/v1/events/" + weeklyId + "/participants").send().json()
                    .forEach(p -> names.put(p.path("id").asText(), p.path("name").asText()));
            for (int s = 0; s < got.size(); s++) {
                JsonNode g = got.get(s);
                JsonNode w = want.get(s);
                for (String field : List.of("rank", "start", "end", "startLocal", "endLocal", "score", "availableCount",
                        "ifNeedBeCount", "unavailableCount")) {
                    assertThat(g.path(field).asText()).as(what + ", slot " + s + " " + field).isEqualTo(w.path(field).asText());
                }
                for (String group : List.of("available", "ifNeedBe", "unavailable", "partial")) {
                    assertThat(g.path(group).findValuesAsText("name")).as(what + ", slot " + s + " " + group)
                            .isEqualTo(w.path(group).findValuesAsText("name"));
                }
                Instant start = Instant.parse(g.path("start").asText());
                ZonedDateTime local = start.atZone(viewer);
                assertThat(g.path("day").asText()).isEqualTo(WeeklyWindow.dayName(local.getDayOfWeek()));
                assertThat(g.path("time").asText()).isEqualTo(DailyHours.clock(local.getHour() * 60 + local.getMinute()));
                List<String> expected = new ArrayList<>();
                record Change(LocalDate date, String name, String time) {
                }
                List<Change> changes = new ArrayList<>();
                zones.forEach((name, zone) -> NaiveWeeks.changes(start, eventZone, zone)
                        .forEach(ch -> changes.add(new Change(ch.date(), name, ch.time().toString()))));
                changes.sort(Comparator.comparing(Change::date).thenComparing(Change::name));
                changes.forEach(ch -> expected.add(ch.name() + " " + ch.date() + " " + ch.time()));
                List<String> actual = new ArrayList<>();
                g.path("offsetChanges").forEach(o -> {
                    assertThat(names.get(o.path("participantId").asText())).isEqualTo(o.path("name").asText());
                    actual.add(o.path("name").asText() + " " + o.path("date").asText() + " " + o.path("time").asText());
                });
                assertThat(actual).as(what + ", slot " + s + " offsetChanges").isEqualTo(expected);
                changesSeen += actual.size();
                slotsCompared++;
            }
        }
        assertThat(slotsCompared).isGreaterThan(300);
        assertThat(changesSeen).isGreaterThan(50);
    }

    private static ObjectNode item(WeeklyWindow w) {
        return ApiClient.object().put("day", w.dayName()).put("start", w.start()).put("end", w.end());
    }

    /** Consecutive minutes as [start, end) spans. */
    static List<Instant[]> spans(SortedSet<Instant> minutes) {
        List<Instant[]> spans = new ArrayList<>();
        Instant start = null;
        Instant last = null;
        for (Instant t : minutes) {
            if (start == null) {
                start = t;
            } else if (!t.equals(last.plus(1, ChronoUnit.MINUTES))) {
                spans.add(new Instant[] {start, last.plus(1, ChronoUnit.MINUTES)});
                start = t;
            }
            last = t;
        }
        if (start != null) {
            spans.add(new Instant[] {start, last.plus(1, ChronoUnit.MINUTES)});
        }
        return spans;
    }
}
