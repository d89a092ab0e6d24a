package io.slotpoll.calendarimport;

import static io.slotpoll.http.Presence.REQUIRED;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.slotpoll.calendar.CalendarReader;
import io.slotpoll.calendar.FeedFetcher;
import io.slotpoll.calendar.FreeTime;
import io.slotpoll.algorithm.Preference;
import io.slotpoll.participant.AvailabilityWindow;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.Errors;
import io.slotpoll.http.JsonBody;
import io.slotpoll.http.JsonIo;
import io.slotpoll.http.ObjectFields;
import io.slotpoll.http.PathIds;
import io.slotpoll.http.TimeFields;
import io.slotpoll.problem.ProblemType;
import io.slotpoll.text.Text;
import io.slotpoll.time.Times;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /api/v1/events/{id}/availability-from-calendar}: an uploaded {@code text/calendar}
 * file or a fetched feed ({@code {"url"}}) becomes the event's proposed windows minus the
 * calendar's busy time, ready to PUT as an answer. Nothing is stored: neither the file, nor
 * the result, nor the URL (which is never logged either: a secret feed URL is a password).
 */
public final class CalendarImportHandler {

    private static final java.util.Set<String> FIELDS = ObjectFields.names("url");

    private final CalendarImportService service;
    private final JsonIo json;

    public CalendarImportHandler(CalendarImportService service, JsonIo json) {
        this.service = service;
        this.json = json;
    }

    public void fromCalendar(Context ctx) {
        String eventId = PathIds.event(ctx);
        Errors errors = new Errors();
        Optional<ZoneId> zone = TimeFields.queryZone(ctx.queryParam("timezone"), errors);
        CalendarImportService.Imported imported = service.fromCalendar(eventId, errors, zone, () -> source(ctx));
        ObjectNode answer = json.mapper().createObjectNode();
        ArrayNode availability = answer.putArray("availability");
        for (FreeTime.Free f : imported.free()) {
            availability.addObject().put("start", Times.utc(f.window().start())).put("end", Times.utc(f.window().end()))
                    .put("preference", AvailabilityWindow.wire(f.tentative() ? Preference.IF_NEED_BE : Preference.YES));
        }
        if (!imported.skipped().isEmpty()) {
            ArrayNode skipped = answer.putArray("skipped");
            for (CalendarReader.Skipped k : imported.skipped()) {
                skipped.addObject().put("line", k.line()).put("property", k.property()).put("reason", k.reason());
            }
        }
        json.write(ctx, 200, answer);
    }

    /** The uploaded file, or the {@code {"url"}} of a feed; any other content type is a 415. */
    private CalendarImportService.Source source(Context ctx) {
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (media.equals("text/calendar")) {
            return new CalendarImportService.Upload(JsonBody.bytes(ctx));
        }
        if (media.equals("application/json")) {
            Errors errors = new Errors();
            ObjectFields body = json.read(ctx, errors).allowOnly(FIELDS);
            String url = body.text("url", REQUIRED, FeedFetcher.URL_MAX_CHARS);
            errors.throwIfAny();
            return new CalendarImportService.Feed(url);
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be text/calendar (an .ics file) "
                + "or application/json with a url field, not " + Text.shorten(media.isEmpty() ? "none" : media));
    }
}
