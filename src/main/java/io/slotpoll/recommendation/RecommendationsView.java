package io.slotpoll.recommendation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotpoll.algorithm.EmptyReason;
import io.slotpoll.algorithm.Heatmap;
import io.slotpoll.algorithm.MatchResult;
import io.slotpoll.algorithm.RankedSlot;
import io.slotpoll.event.Event;
import io.slotpoll.participant.Participant;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.EpochMinutes;
import io.slotpoll.time.FirstWeek;
import io.slotpoll.time.Times;
import io.slotpoll.time.WeeklyWindow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON of rankings and heatmaps, written in one pass with Jackson's streaming generator
 * in the field order of docs/openapi.yaml (Recommendations, Slot, Heatmap). Local twins
 * appear only when the query names a zone.
 */
public final class RecommendationsView implements AnswerWriter {

    /** A participant as an answer names them. */
    private record Person(String id, String name) {
    }

    private final ObjectMapper mapper;

    public RecommendationsView(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code {"id","name"}}, escaped once per snapshot. */
    @Override
    public String person(Participant p) {
        try {
            return mapper.writeValueAsString(new Person(p.id(), p.name()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a participant reference", e);
        }
    }

    /** {@code emptyReason} is null exactly when there are slots. */
    @Override
    public byte[] recommendations(Snapshot snapshot, MatchResult result, Query query) {
        Event event = snapshot.event();
        List<Participant> people = snapshot.participants();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 64 * people.size() * result.slots().size());
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("eventId", event.id());
            g.writeNumberField("eventVersion", event.version());
            g.writeNumberField("durationMinutes", event.durationMinutes());
            g.writeNumberField("slotStepMinutes", event.slotStepMinutes());
            g.writeNumberField("participantCount", people.size());
            g.writeNumberField("candidatesEvaluated", result.candidatesEvaluated());
            g.writeArrayFieldStart("recommendations");
            List<Mention> byName = event.weekly() != null && !result.slots().isEmpty() ? mentionsByName(people) : List.of();
            for (RankedSlot s : result.slots()) {
                g.writeStartObject();
                g.writeNumberField("rank", s.rank());
                writeTimes(g, s.start(), s.end(), query.zone());
                g.writeNumberField("score", s.score());
                g.writeNumberField("availableCount", s.available().size());
                g.writeNumberField("ifNeedBeCount", s.ifNeedBe().size());
                g.writeNumberField("unavailableCount", s.unavailable().size());
                writePeople(g, "available", s.available(), snapshot.renderedPeople());
                writePeople(g, "ifNeedBe", s.ifNeedBe(), snapshot.renderedPeople());
                writePeople(g, "unavailable", s.unavailable(), snapshot.renderedPeople());
                writePeople(g, "requiredUnavailable", s.requiredUnavailable(), snapshot.renderedPeople());
                g.writeArrayFieldStart("partial");
                for (RankedSlot.Partial partial : s.partial()) {
                    Participant p = people.get(partial.participant());
                    g.writeStartObject();
                    g.writeStringField("id", p.id());
                    g.writeStringField("name", p.name());
                    g.writeNumberField("minutesFree", partial.minutesFree());
                    g.writeEndObject();
                }
                g.writeEndArray();
                writePeople(g, "outsideHours", s.outsideHours(), snapshot.renderedPeople());
                if (event.weekly() != null) {
                    writeWeekly(g, event, byName, EpochMinutes.instant(s.start()), query.zone().orElse(event.timezone()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (result.emptyReason().isPresent()) {
                g.writeStringField("emptyReason", wire(result.emptyReason().get()));
            } else {
                g.writeNullField("emptyReason");
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recommendations", e);
        }
        return out.toByteArray();
    }

    /**
     * A weekly poll's participants as {@code offsetChanges} lists them: sorted by name, then id,
     * each with its {@code "participantId"} and {@code "name"} members rendered once per answer.
     */
    private List<Mention> mentionsByName(List<Participant> people) {
        List<Mention> mentions = new ArrayList<>(people.size());
        for (Participant p : people) {
            try {
                String rendered = mapper.writeValueAsString(new Person(p.id(), p.name()));
                // {"id":"…","name":"…"} without its braces, under the key offsetChanges uses
                mentions.add(new Mention(p, "\"participantId\"" + rendered.substring(5, rendered.length() - 1)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise a participant reference", e);
            }
        }
        mentions.sort(Comparator.comparing((Mention m) -> m.participant().name()).thenComparing(m -> m.participant().id()));
        return mentions;
    }

    /** A participant and its members in an offset change, rendered. */
    private record Mention(Participant participant, String members) {
    }

    /**
     * A weekly poll's slot: its {@code day} and local {@code time} in {@code zone}, and its
     * {@code offsetChanges} over the weeks followed, by date, then name (then id). The weeks a
     * local time moves depend on the zone only, so they are worked out once per zone, and the
     * list is written date by date over the participants already in name order (no sort).
     */
    private static void writeWeekly(JsonGenerator g, Event event, List<Mention> byName, Instant start, ZoneId zone)
            throws IOException {
        ZonedDateTime local = start.atZone(zone);
        g.writeStringField("day", WeeklyWindow.dayName(local.getDayOfWeek()));
        g.writeStringField("time", DailyHours.clock(local.getHour() * 60 + local.getMinute()));
        FirstWeek week = event.firstWeek();
        Map<ZoneId, List<FirstWeek.LocalChange>> byZone = new HashMap<>();
        TreeMap<LocalDate, Map<ZoneId, String>> byDate = new TreeMap<>();
        for (Mention m : byName) {
            ZoneId there = m.participant().timezone();
            if (byZone.containsKey(there)) {
                continue;
            }
            List<FirstWeek.LocalChange> changes = week.localChanges(start, there);
            byZone.put(there, changes);
            for (FirstWeek.LocalChange c : changes) {
                byDate.computeIfAbsent(c.date(), d -> new HashMap<>())
                        .put(there, DailyHours.clock(c.time().getHour() * 60 + c.time().getMinute()));
            }
        }
        g.writeArrayFieldStart("offsetChanges");
        for (Map.Entry<LocalDate, Map<ZoneId, String>> date : byDate.entrySet()) {
            String day = date.getKey().toString();
            for (Mention m : byName) {
                String time = date.getValue().get(m.participant().timezone());
                if (time != null) {
                    g.writeStartObject();
                    g.writeRaw(m.members());
                    g.writeRaw(',');
                    g.writeStringField("date", day);
                    g.writeStringField("time", time);
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();
    }

    /** Cell counts first, so that {@code maxAttending} (over the cells returned) comes before them. */
    @Override
    public byte[] heatmap(Snapshot snapshot, Heatmap.Result cells, HeatmapQuery query) {
        Event event = snapshot.event();
        int maxAttending = 0;
        for (int c = 0; c < cells.size(); c++) {
            maxAttending = Math.max(maxAttending, cells.available()[c] + cells.ifNeedBe()[c]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 96 * cells.size());
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("eventId", event.id());
            g.writeNumberField("eventVersion", event.version());
            g.writeNumberField("cellMinutes", event.slotStepMinutes());
            g.writeNumberField("participantCount", snapshot.participants().size());
            g.writeNumberField("maxAttending", maxAttending);
            g.writeArrayFieldStart("participants");
            for (Participant p : snapshot.participants()) {
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeStringField("name", p.name());
                g.writeBooleanField("required", p.required());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("cells");
            for (int c = 0; c < cells.size(); c++) {
                g.writeStartObject();
                writeTimes(g, cells.starts()[c], cells.ends()[c], query.zone());
                g.writeNumberField("availableCount", cells.available()[c]);
                g.writeNumberField("ifNeedBeCount", cells.ifNeedBe()[c]);
                if (query.members()) {
                    int[] available = cells.availableMembers().get(c);
                    g.writeFieldName("available");
                    g.writeArray(available, 0, available.length);
                    int[] maybe = cells.ifNeedBeMembers().get(c);
                    g.writeFieldName("ifNeedBe");
                    g.writeArray(maybe, 0, maybe.length);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the heatmap", e);
        }
        return out.toByteArray();
    }

    /** {@code start} and {@code end} in UTC, then their local twins when a zone is asked for. */
    private static void writeTimes(JsonGenerator g, long startMinute, long endMinute, Optional<ZoneId> zone)
            throws IOException {
        Instant start = EpochMinutes.instant(startMinute);
        Instant end = EpochMinutes.instant(endMinute);
        g.writeStringField("start", Times.utc(start));
        g.writeStringField("end", Times.utc(end));
        if (zone.isPresent()) {
            g.writeStringField("startLocal", Times.local(start, zone.get()));
            g.writeStringField("endLocal", Times.local(end, zone.get()));
        }
    }

    private static void writePeople(JsonGenerator g, String field, List<Integer> positions, List<String> rendered)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (int position : positions) {
            g.writeRawValue(rendered.get(position));
        }
        g.writeEndArray();
    }

    private static String wire(EmptyReason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
