package io.slotpoll.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random events across many zones, with DST changes inside the proposed windows, checked
 * end to end against a reference written from the contract's words alone: times become
 * sets of UTC minutes, a local time takes the earliest instant it names, and every
 * candidate is scored by scanning minutes. Nothing here calls the service's own code.
 */
abstract class RecommendationContract {

    /** The app under test, over the schema the concrete test prepares. */
    abstract TestApp app();

    private static final List<String> ZONES = List.of("America/New_York", "Europe/London", "Europe/Berlin",
            "Australia/Lord_Howe", "Asia/Kathmandu", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham",
            "Australia/Adelaide", "America/Santiago", "Asia/Tokyo", "UTC", "Antarctica/Troll", "America/Sao_Paulo");
    private static final int[] STEPS = {5, 10, 15, 20, 30, 60};
    private static final int EVENTS = 40;

    private ApiClient client;

    @BeforeEach
    void connect() {
        client = app().client();
    }

    @Test
    void random_events_across_zones_and_dst_changes_match_the_reference() {
        Random random = new Random(20261122);
        int checkedSlots = 0;
        for (int round = 0; round < EVENTS; round++) {
            checkedSlots += checkOneEvent(random, round);
        }
        assertThat(checkedSlots).isGreaterThan(EVENTS);
        assertThat(outsideSeen).as("people outside their local hours, checked").isGreaterThan(EVENTS / 2);
        assertThat(partialSeen).as("people free for part of a slot, checked").isGreaterThan(EVENTS / 2);
    }

    private int outsideSeen;
    private int partialSeen;

    private int checkOneEvent(Random random, int round) {
        ZoneId eventZone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        LocalDate day = interestingDay(eventZone, random);
        int duration = 5 * (1 + random.nextInt(24));
        int step = STEPS[random.nextInt(STEPS.length)];

        ObjectNode event = ApiClient.object();
        event.put("title", "Round " + round);
        event.put("durationMinutes", duration);
        event.put("slotStepMinutes", step);
        event.put("timezone", eventZone.getId());
        Hours eventHours = random.nextBoolean() ? randomHours(random) : null;
        if (eventHours != null) {
            event.set("localHours", hoursJson(eventHours));
        }
        ArrayNode proposed = event.putArray("proposedWindows");
        Set<Long> proposedMinutes = new HashSet<>();
        int windows = 1 + random.nextInt(4);
        for (int i = 0; i < windows; i++) {
            long[] w = randomWindow(random, eventZone, day, duration, duration + 360, proposed);
            addMinutes(proposedMinutes, w);
        }
        ApiClient.Response created = client.post("/api/v1/events").json(event).send();
        assertThat(created.status()).as("round %d: %s", round, created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String admin = created.json().path("adminToken").asText();

        List<Person> people = new ArrayList<>();
        int count = random.nextInt(7);
        for (int p = 0; p < count; p++) {
            ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            ObjectNode body = ApiClient.object();
            String name = "P" + p + "-" + zone.getId();
            body.put("name", name);
            body.put("timezone", zone.getId());
            Hours ownHours = random.nextInt(3) == 0 ? randomHours(random) : null;
            if (ownHours != null) {
                body.set("localHours", hoursJson(ownHours));
            }
            ArrayNode availability = body.putArray("availability");
            Set<Long> yes = new HashSet<>();
            Set<Long> maybeOnly = new HashSet<>();
            Set<Long> all = new HashSet<>();
            for (int w = random.nextInt(6); w > 0; w--) {
                ArrayNode one = ApiClient.JSON.createArrayNode();
                long[] window = randomWindow(random, zone, day, 5, 300, one);
                ObjectNode item = (ObjectNode) one.get(0);
                boolean ifNeedBe = random.nextInt(3) == 0;
                if (ifNeedBe) {
                    item.put("preference", "ifneedbe");
                } else if (random.nextBoolean()) {
                    item.put("preference", "yes");
                }
                availability.add(item);
                addMinutes(all, window);
                addMinutes(ifNeedBe ? maybeOnly : yes, window);
            }
            ApiClient.Response joined = client.post("/api/v1/events/" + id + "/participants").json(body).send();
            assertThat(joined.status()).as("round %d: %s", round, joined.body()).isEqualTo(201);
            String pid = joined.json().path("id").asText();
            assertThat(joined.json().path("availability")).as("round %d stored availability", round)
                    .isEqualTo(expectedAvailability(yes, maybeOnly));
            boolean required = random.nextInt(4) == 0;
            if (required) {
                assertThat(client.patch("/api/v1/events/" + id + "/participants/" + pid).bearer(admin)
                        .json("{\"required\":true}").send().status()).isEqualTo(200);
            }
            people.add(new Person(pid, name, required, yes, all, zone, ownHours != null ? ownHours : eventHours));
        }

        int limit = 1 + random.nextInt(20);
        int minAvailable = random.nextInt(4) == 0 ? random.nextInt(4) : 0;
        ZoneId viewZone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        JsonNode answer = client.get("/api/v1/events/" + id + "/recommendations?limit=" + limit + "&minAvailable="
                + minAvailable + "&timezone=" + viewZone.getId()).send().json();

        List<Slot> expected = reference(proposedMinutes, duration, step, people);
        assertThat(answer.path("candidatesEvaluated").asInt()).as("round %d candidates", round).isEqualTo(expected.size());
        assertThat(answer.path("participantCount").asInt()).isEqualTo(people.size());
        List<Slot> kept = expected.stream().filter(s -> s.yes.size() + s.maybe.size() >= minAvailable)
                .sorted(ORDER).limit(limit).toList();
        JsonNode recs = answer.path("recommendations");
        assertThat(recs.size()).as("round %d size", round).isEqualTo(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Slot s = kept.get(i);
            JsonNode r = recs.get(i);
            String where = "round " + round + " rank " + (i + 1);
            assertThat(r.path("rank").asInt()).as(where).isEqualTo(i + 1);
            Instant start = Instant.ofEpochSecond(s.start * 60);
            Instant end = start.plusSeconds(duration * 60L);
            assertThat(r.path("start").asText()).as(where).isEqualTo(start.toString());
            assertThat(r.path("end").asText()).as(where).isEqualTo(end.toString());
            assertLocalTwin(r.path("startLocal").asText(), start, viewZone, where);
            assertLocalTwin(r.path("endLocal").asText(), end, viewZone, where);
            assertThat(r.path("available").findValuesAsText("id")).as(where).isEqualTo(ids(s.yes));
            assertThat(r.path("ifNeedBe").findValuesAsText("id")).as(where).isEqualTo(ids(s.maybe));
            assertThat(r.path("unavailable").findValuesAsText("id")).as(where).isEqualTo(ids(s.no));
            assertThat(r.path("requiredUnavailable").findValuesAsText("id")).as(where).isEqualTo(ids(s.requiredNo));
            assertThat(r.path("available").findValuesAsText("name")).as(where)
                    .isEqualTo(s.yes.stream().map(Person::name).toList());
            assertThat(r.path("availableCount").asInt()).isEqualTo(s.yes.size());
            assertThat(r.path("ifNeedBeCount").asInt()).isEqualTo(s.maybe.size());
            assertThat(r.path("unavailableCount").asInt()).isEqualTo(s.no.size());
            assertThat(r.path("score").decimalValue()).as(where).isEqualByComparingTo(score(s, people.size()));
            assertThat(r.path("outsideHours").findValuesAsText("id")).as(where + " outsideHours").isEqualTo(ids(s.outside));
            List<String> partial = new ArrayList<>();
            r.path("partial").forEach(e -> partial.add(e.path("id").asText() + "=" + e.path("minutesFree").asInt()));
            assertThat(partial).as(where + " partial").isEqualTo(s.partial);
            outsideSeen += s.outside.size();
            partialSeen += s.partial.size();
        }
        String reason = kept.isEmpty() ? (expected.isEmpty() ? "no-candidates"
                : people.isEmpty() ? "no-participants" : "below-min-available") : null;
        if (reason == null) {
            assertThat(answer.path("emptyReason").isNull()).isTrue();
        } else {
            assertThat(answer.path("emptyReason").asText()).as("round %d", round).isEqualTo(reason);
        }
        return kept.size();
    }

    /** A day with a DST change in the zone if it has one in 2027, else a random day. */
    private static LocalDate interestingDay(ZoneId zone, Random random) {
        ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.parse("2027-01-01T00:00:00Z")
                .plusSeconds(86_400L * random.nextInt(200)));
        if (next != null && next.getInstant().isBefore(Instant.parse("2028-01-01T00:00:00Z"))) {
            return next.getDateTimeBefore().toLocalDate();
        }
        return LocalDate.of(2027, 1, 1).plusDays(random.nextInt(300));
    }

    /**
     * Appends a random window to {@code into}, as local times in {@code zone} (skipping
     * times in a DST gap) or as UTC instants, and returns it as epoch minutes [start, end).
     */
    private static long[] randomWindow(Random random, ZoneId zone, LocalDate day, int minLength, int maxLength, ArrayNode into) {
        while (true) {
            LocalDateTime localStart = day.atStartOfDay().plusMinutes(5L * random.nextInt(12 * 24 * 2) - 12 * 60);
            long startMinute = earliestInstant(localStart, zone);
            if (startMinute < 0) {
                continue;
            }
            long length = minLength + 5L * random.nextInt((maxLength - minLength) / 5 + 1);
            long endMinute = startMinute + length;
            ObjectNode w = into.addObject();
            if (random.nextInt(4) == 0) {
                w.put("start", Instant.ofEpochSecond(startMinute * 60).toString());
                w.put("end", Instant.ofEpochSecond(endMinute * 60).toString());
            } else {
                // the end as a local time too, where that local time names exactly this instant
                LocalDateTime localEnd = LocalDateTime.ofInstant(Instant.ofEpochSecond(endMinute * 60), zone);
                w.put("start", localStart.toString());
                w.put("end", earliestInstant(localEnd, zone) == endMinute ? localEnd.toString()
                        : Instant.ofEpochSecond(endMinute * 60).toString());
            }
            return new long[] {startMinute, endMinute};
        }
    }

    /** The earliest instant (epoch minute) a local time names in the zone, or -1 if it names none. */
    private static long earliestInstant(LocalDateTime local, ZoneId zone) {
        long best = Long.MAX_VALUE;
        for (ZoneOffset offset : zone.getRules().getValidOffsets(local)) {
            best = Math.min(best, local.toEpochSecond(offset) / 60);
        }
        return best == Long.MAX_VALUE ? -1 : best;
    }

    private static void addMinutes(Set<Long> minutes, long[] window) {
        for (long m = window[0]; m < window[1]; m++) {
            minutes.add(m);
        }
    }

    /** Each preference's windows merged on their own, sorted by start, then "yes" first, then end. */
    private static JsonNode expectedAvailability(Set<Long> yes, Set<Long> ifNeedBe) {
        record W(long start, long end, String preference) {
        }
        List<W> list = new ArrayList<>();
        runs(yes).forEach(run -> list.add(new W(run[0], run[1], "yes")));
        runs(ifNeedBe).forEach(run -> list.add(new W(run[0], run[1], "ifneedbe")));
        list.sort(Comparator.comparingLong(W::start).thenComparingInt(w -> w.preference().equals("yes") ? 0 : 1)
                .thenComparingLong(W::end));
        ArrayNode json = ApiClient.JSON.createArrayNode();
        for (W w : list) {
            json.addObject().put("start", Instant.ofEpochSecond(w.start() * 60).toString())
                    .put("end", Instant.ofEpochSecond(w.end() * 60).toString()).put("preference", w.preference());
        }
        return json;
    }

    private static List<long[]> runs(Set<Long> minutes) {
        List<long[]> runs = new ArrayList<>();
        Long start = null;
        long previous = 0;
        for (long m : new TreeSet<>(minutes)) {
            if (start == null) {
                start = m;
            } else if (m != previous + 1) {
                runs.add(new long[] {start, previous + 1});
                start = m;
            }
            previous = m;
        }
        if (start != null) {
            runs.add(new long[] {start, previous + 1});
        }
        return runs;
    }

    /** {@code hours}: the local hours that apply ({@code [start, end]} minutes, their own or the event's), or null. */
    private record Person(String id, String name, boolean required, Set<Long> yes, Set<Long> all, ZoneId zone,
            Hours hours) {
    }

    /** Local hours as minutes after local midnight; end up to 1440 (24:00). */
    private record Hours(int start, int end) {
    }

    /** {@code partial}: "id=minutesFree" of unavailable people free for part of the slot, in the contract's order. */
    private record Slot(long start, List<Person> yes, List<Person> maybe, List<Person> no, List<Person> requiredNo,
            List<Person> outside, List<String> partial) {
    }

    /** Hours on a five-minute grid, a third of them ending at 24:00. */
    private static Hours randomHours(Random random) {
        int start = 5 * random.nextInt(241);
        int end = random.nextInt(3) == 0 ? 1440 : Math.min(1440, start + 5 * (12 + random.nextInt(60)));
        return new Hours(start, end);
    }

    private static ObjectNode hoursJson(Hours hours) {
        ObjectNode h = ApiClient.object();
        h.put("start", String.format(Locale.ROOT, "%02d:%02d", hours.start() / 60, hours.start() % 60));
        h.put("end", String.format(Locale.ROOT, "%02d:%02d", hours.end() / 60, hours.end() % 60));
        return h;
    }

    /** The contract's words: same local date, start and end within the hours, or the end the next local midnight with 24:00. */
    private static boolean inside(Hours hours, ZoneId zone, long start, int duration) {
        ZonedDateTime from = Instant.ofEpochSecond(start * 60).atZone(zone);
        ZonedDateTime to = Instant.ofEpochSecond((start + duration) * 60).atZone(zone);
        boolean startOk = from.toLocalTime().toSecondOfDay() >= hours.start() * 60;
        if (to.toLocalDate().equals(from.toLocalDate())) {
            return startOk && to.toLocalTime().toSecondOfDay() <= hours.end() * 60;
        }
        return startOk && hours.end() == 1440 && to.toLocalDate().equals(from.toLocalDate().plusDays(1))
                && to.toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    private static final Comparator<Slot> ORDER = Comparator.<Slot>comparingInt(s -> s.requiredNo.size())
            .thenComparing(Comparator.<Slot>comparingInt(s -> s.yes.size() + s.maybe.size()).reversed())
            .thenComparing(Comparator.<Slot>comparingInt(s -> s.yes.size()).reversed())
            .thenComparingInt(s -> s.outside.size())
            .thenComparingLong(Slot::start);

    /** Every candidate: merged proposal runs, starts on the step grid from each run's start. */
    private static List<Slot> reference(Set<Long> proposed, int duration, int step, List<Person> people) {
        List<Slot> slots = new ArrayList<>();
        for (long[] run : runs(proposed)) {
            for (long t = run[0]; t + duration <= run[1]; t += step) {
                List<Person> yes = new ArrayList<>();
                List<Person> maybe = new ArrayList<>();
                List<Person> no = new ArrayList<>();
                List<Person> requiredNo = new ArrayList<>();
                for (Person p : people) {
                    if (covers(p.yes(), t, duration)) {
                        yes.add(p);
                    } else if (covers(p.all(), t, duration)) {
                        maybe.add(p);
                    } else {
                        no.add(p);
                        if (p.required()) {
                            requiredNo.add(p);
                        }
                    }
                }
                List<Person> outside = new ArrayList<>();
                for (Person p : people) {
                    if (!no.contains(p) && p.hours() != null && !inside(p.hours(), p.zone(), t, duration)) {
                        outside.add(p);
                    }
                }
                List<Person> partlyFree = new ArrayList<>();
                IdentityHashMap<Person, Integer> free = new IdentityHashMap<>();
                for (Person p : no) {
                    int minutes = 0;
                    for (long m = t; m < t + duration; m++) {
                        minutes += p.all().contains(m) ? 1 : 0;
                    }
                    if (minutes > 0) {
                        partlyFree.add(p);
                        free.put(p, minutes);
                    }
                }
                partlyFree.sort(Comparator.comparingInt((Person p) -> free.get(p)).reversed());
                slots.add(new Slot(t, yes, maybe, no, requiredNo, outside,
                        partlyFree.stream().map(p -> p.id() + "=" + free.get(p)).toList()));
            }
        }
        return slots;
    }

    private static boolean covers(Set<Long> minutes, long start, int duration) {
        for (long m = start; m < start + duration; m++) {
            if (!minutes.contains(m)) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal score(Slot s, int participants) {
        if (participants == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(s.yes.size()).add(BigDecimal.valueOf(s.maybe.size()).multiply(new BigDecimal("0.5")))
                .divide(BigDecimal.valueOf(participants), 4, RoundingMode.HALF_UP);
    }

    private static List<String> ids(List<Person> people) {
        return people.stream().map(Person::id).toList();
    }

    private static void assertLocalTwin(String text, Instant instant, ZoneId zone, String where) {
        OffsetDateTime local = OffsetDateTime.parse(text);
        assertThat(local.toInstant()).as(where).isEqualTo(instant);
        assertThat(local.getOffset()).as(where).isEqualTo(zone.getRules().getOffset(instant));
        assertThat(text).as(where).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    }
}
