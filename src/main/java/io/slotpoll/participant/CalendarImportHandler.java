package io.slotpoll.participant;

import static io.slotpoll.http.Presence.REQUIRED;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.slotpoll.calendar.CalendarReader;
import io.slotpoll.calendar.FeedFetcher;
import io.slotpoll.calendar.FreeTime;
import io.slotpoll.event.Event;
import io.slotpoll.event.EventRepository;
import io.slotpoll.event.EventService;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.Errors;
import io.slotpoll.http.JsonBody;
import io.slotpoll.http.JsonIo;
import io.slotpoll.http.ObjectFields;
import io.slotpoll.http.PathIds;
import io.slotpoll.http.TimeFields;
import io.slotpoll.problem.ProblemType;
import io.slotpoll.text.Text;
import io.slotpoll.time.TimeWindow;
import io.slotpoll.time.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * {@code POST /api/v1/events/{id}/availability-from-calendar}: an uploaded {@code text/calendar}
 * file or a fetched feed ({@code {"url"}}) becomes the event's proposed windows minus the
 * calendar's busy time, ready to PUT as an answer. Nothing is stored: neither the file, nor
 * the result, nor the URL (which is never logged either: a secret feed URL is a password).
 */
public final class CalendarImportHandler {

    private static final java.util.Set<String> FIELDS = ObjectFields.names("url");

    private final DSLContext dsl;
    private final EventRepository events;
    private final FeedFetcher fetcher;
    private final JsonIo json;

    public CalendarImportHandler(DSLContext dsl, EventRepository events, FeedFetcher fetcher, JsonIo json) {
        this.dsl = dsl;
        this.events = events;
        this.fetcher = fetcher;
        this.json = json;
    }

    public void fromCalendar(Context ctx) {
        String eventId = PathIds.event(ctx);
        Event event = events.find(dsl, eventId).orElseThrow(() -> EventService.notFound(eventId));
        Errors errors = new Errors();
        Optional<ZoneId> asked = TimeFields.queryZone(ctx.queryParam("timezone"), errors);
        errors.throwIfAny();
        ZoneId zone = asked.orElse(event.timezone());
        byte[] ics = calendar(ctx);
        Instant from = event.proposedWindows().stream().map(TimeWindow::start).min(Instant::compareTo).orElseThrow();
        Instant to = event.proposedWindows().stream().map(TimeWindow::end).max(Instant::compareTo).orElseThrow();
        CalendarReader.BusyTime busy = CalendarReader.read(ics, zone, from, to);
        List<FreeTime.Free> free = FreeTime.of(event.proposedWindows(), busy);
        if (free.size() > ParticipantHandler.WINDOWS_MAX) {
            throw new ProblemException(ProblemType.CALENDAR_INVALID, "the calendar's free time inside the poll comes to "
                    + free.size() + " separate windows, more than the " + ParticipantHandler.WINDOWS_MAX
                    + " an answer may hold");
        }
        ObjectNode answer = json.mapper().createObjectNode();
        ArrayNode availability = answer.putArray("availability");
        for (FreeTime.Free f : free) {
            availability.addObject().put("start", Times.utc(f.window().start())).put("end", Times.utc(f.window().end()))
                    .put("preference", f.tentative() ? "ifneedbe" : "yes");
        }
        if (!busy.skipped().isEmpty()) {
            ArrayNode skipped = answer.putArray("skipped");
            for (CalendarReader.Skipped k : busy.skipped()) {
                skipped.addObject().put("line", k.line()).put("property", k.property()).put("reason", k.reason());
            }
        }
        json.write(ctx, 200, answer);
    }

    /** The uploaded file, or the fetched feed of a {@code {"url"}} body; any other content type is a 415. */
    private byte[] calendar(Context ctx) {
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (media.equals("text/calendar")) {
            return JsonBody.bytes(ctx);
        }
        if (media.equals("application/json")) {
            Errors errors = new Errors();
            ObjectFields body = json.read(ctx, errors).allowOnly(FIELDS);
            String url = body.text("url", REQUIRED, 2048);
            errors.throwIfAny();
            return fetcher.fetch(url);
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be text/calendar (an .ics file) "
                + "or application/json with a url field, not " + Text.shorten(media.isEmpty() ? "none" : media));
    }
}
