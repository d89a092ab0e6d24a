package io.slotpoll.event;

import io.slotpoll.mail.MailText;
import static io.slotpoll.http.Presence.REQUIRED;
import static io.slotpoll.http.Presence.OPTIONAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.slotpoll.auth.BearerToken;
import io.slotpoll.calendar.IcsWriter;
import io.slotpoll.problem.Errors;
import io.slotpoll.http.AddressFields;
import io.slotpoll.http.Conditional;
import io.slotpoll.http.EntityTags;
import io.slotpoll.http.JsonIo;
import io.slotpoll.http.ObjectFields;
import io.slotpoll.http.PathIds;
import io.slotpoll.http.TimeFields;
import io.slotpoll.idempotency.StoredResponse;
import io.slotpoll.idempotency.Idempotency;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.RequestTimes.WindowBounds;
import io.slotpoll.time.TimeBound;
import io.slotpoll.time.WeeklyWindow;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** HTTP endpoints for events: parse and validate, call the service, map the answer. */
public final class EventHandler {

    private static final Set<String> CREATE_FIELDS = ObjectFields.names("title", "description", "durationMinutes",
            "slotStepMinutes", "timezone", "proposedWindows", "deadline", "localHours", "organizerEmail", "notify", "kind",
            "weeklyWindows", "firstWeek");
    private static final Set<String> WINDOW_FIELDS = ObjectFields.names("start", "end");
    private static final Set<String> WEEKLY_WINDOW_FIELDS = ObjectFields.names("day", "start", "end");
    /** The most weekly windows a weekly poll may propose. */
    public static final int WEEKLY_WINDOWS_MAX = 50;
    private static final Set<String> FINAL_FIELDS = ObjectFields.names("start");
    private static final Set<String> PATCH_FIELDS = ObjectFields.names("title", "description", "durationMinutes",
            "slotStepMinutes", "timezone", "proposedWindows", "deadline", "status", "localHours", "organizerEmail",
            "notify", "weeklyWindows", "firstWeek");

    private final EventService service;
    private final JsonIo json;
    private final EventLinks links;
    private final Idempotency idempotency;

    public EventHandler(EventService service, JsonIo json, EventLinks links, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.service = service;
        this.json = json;
        this.links = links;
    }

    public void create(Context ctx) {
        Errors errors = new Errors();
        ObjectFields body = json.read(ctx, errors).allowOnly(CREATE_FIELDS);
        String title = body.label("title", REQUIRED, EventRules.TITLE_MAX);
        String description = body.text("description", OPTIONAL, EventRules.DESCRIPTION_MAX);
        Integer duration = body.integer("durationMinutes", REQUIRED, EventRules.DURATION_MIN, EventRules.DURATION_MAX);
        EventRules.checkDuration(duration, "durationMinutes", errors);
        Integer step = body.integer("slotStepMinutes", OPTIONAL, 1, EventRules.DURATION_MAX);
        EventRules.checkStep(step, "slotStepMinutes", errors);
        Optional<ZoneId> zone = TimeFields.zone(body, "timezone", REQUIRED);
        boolean weeklyPoll = "weekly".equals(body.oneOf("kind", OPTIONAL, List.of("dates", "weekly")));
        List<WindowBounds> windows = List.of();
        EventCommands.WeeklyInput weekly = null;
        if (weeklyPoll) {
            refuse(body, "proposedWindows", "is not allowed on a weekly poll (kind \"weekly\"): send weeklyWindows");
            List<ObjectFields> weeklyItems = body.objects("weeklyWindows", REQUIRED, 1, WEEKLY_WINDOWS_MAX);
            weekly = new EventCommands.WeeklyInput(weeklyItems == null ? List.of() : weeklyWindows(weeklyItems),
                    TimeFields.date(body, "firstWeek", REQUIRED));
        } else {
            refuse(body, "weeklyWindows", "is only for a weekly poll (kind \"weekly\"): send proposedWindows");
            refuse(body, "firstWeek", "is only for a weekly poll (kind \"weekly\")");
            List<ObjectFields> items = body.objects("proposedWindows", REQUIRED, 1, EventRules.WINDOWS_MAX);
            windows = items == null ? List.of() : windows(items);
        }
        TimeBound deadline = TimeFields.bound(body, "deadline", OPTIONAL);
        DailyHours hours = TimeFields.hours(body, "localHours");
        EventCommands.Create command = new EventCommands.Create(title, description, duration,
                step == null ? EventRules.DEFAULT_STEP : step, zone, windows, weekly, deadline, hours,
                AddressFields.read(body, "organizerEmail", errors), MailText.language(ctx.header("Accept-Language")),
                notify(body), errors);
        idempotency.respond(ctx, "POST /api/v1/events", body.bytes(), tx -> created(service.create(tx, command)));
    }

    /** A 400 under {@code name} if the body has it. */
    private static void refuse(ObjectFields body, String name, String why) {
        if (body.isPresent(name)) {
            body.errors().add(body.path(name), why);
        }
    }

    /** The weekly window items, aligned with {@code items}: null where an item could not be read. */
    static List<WeeklyWindow> weeklyWindows(List<ObjectFields> items) {
        List<WeeklyWindow> windows = new ArrayList<>(items.size());
        for (ObjectFields item : items) {
            item.allowOnly(WEEKLY_WINDOW_FIELDS);
            windows.add(TimeFields.weeklyWindow(item));
        }
        return Collections.unmodifiableList(windows);
    }

    /** The window items as bounds, aligned with {@code items}: null where an item could not be read. */
    static List<WindowBounds> windows(List<ObjectFields> items) {
        List<WindowBounds> windows = new ArrayList<>(items.size());
        for (ObjectFields item : items) {
            item.allowOnly(WINDOW_FIELDS);
            windows.add(TimeFields.window(item));
        }
        return Collections.unmodifiableList(windows);
    }

    /** {@code notify} when sent: one of each, digest, off. */
    private static Optional<Organizer.Notify> notify(ObjectFields body) {
        return body.isPresent("notify")
                ? Optional.ofNullable(body.oneOf("notify", REQUIRED, Organizer.Notify.WIRE_VALUES)).map(Organizer.Notify::fromWire)
                : Optional.empty();
    }

    /**
     * The view, with the organiser's {@code organizerEmail} (null if none) and {@code notify}
     * when the reader is the admin and mail is on.
     */
    private ObjectNode view(Event event, Optional<Organizer> organizer) {
        ObjectNode view = json.mapper().valueToTree(EventView.of(event, links));
        organizer.ifPresent(o -> {
            view.put("organizerEmail", o.email().orElse(null));
            view.put("notify", o.notification().wire());
        });
        return view;
    }

    private StoredResponse.Rendered created(EventService.Created created) {
        String id = created.event().id();
        ObjectNode answer = view(created.event(), created.organizer());
        answer.put("adminToken", created.adminToken());
        ObjectNode urls = answer.putObject("links");
        urls.put("participate", links.participate(id));
        urls.put("manage", links.manage(id, created.adminToken()));
        urls.put("api", links.api(id));
        urls.put("admin", links.api(id));
        return new StoredResponse.Rendered(new StoredResponse(201, Map.of("Location", "/api/v1/events/" + id),
                json.bytes(answer)), StoredResponse.Owner.event(id));
    }

    /**
     * The public view, or with one of the event's admin tokens the admin view; a weak ETag
     * from the event version ({@code W/"e-{version}"}, {@code W/"ea-{version}"} for the admin
     * view) and 304 when the client's copy is current.
     */
    public void get(Context ctx) {
        EventService.Administered found = service.getAs(PathIds.event(ctx), BearerToken.from(ctx));
        Event event = found.event();
        ctx.header("Vary", "Authorization");
        String tag = (found.organizer().isPresent() ? "ea-" : "e-") + event.version();
        if (!Conditional.notModified(ctx, EntityTags.weak(tag))) {
            json.write(ctx, 200, view(event, found.organizer()));
        }
    }

    /** {@code PUT .../final}: the body waits for 404 and 401/403 like a PATCH's. */
    public void finalize(Context ctx) {
        Errors errors = new Errors();
        ObjectFields body = json.readLater(ctx, errors).allowOnly(FINAL_FIELDS);
        TimeBound start = TimeFields.bound(body, "start", REQUIRED);
        Event event = service.finalize(new EventCommands.Finalize(PathIds.event(ctx), BearerToken.from(ctx), start,
                errors));
        json.write(ctx, 200, EventView.of(event, links));
    }

    public void unfinalize(Context ctx) {
        service.unfinalize(PathIds.event(ctx), BearerToken.from(ctx));
        ctx.status(204);
    }

    /** {@code GET .../calendar.ics}: the final meeting as an iCalendar file; 409 {@code not-final} before. */
    public void calendar(Context ctx) {
        Event event = service.finalEvent(PathIds.event(ctx));
        byte[] ics = IcsWriter.write(links.meeting(event), event.updatedAt()).getBytes(StandardCharsets.UTF_8);
        ctx.header("Content-Disposition", "attachment; filename=\"slotpoll-" + event.id() + ".ics\"");
        ctx.status(200);
        ctx.contentType("text/calendar; charset=utf-8");
        ctx.result(ics);
    }

    /**
     * {@code GET .../feed.ics}: the subscription feed, 200 while the event exists, with a weak
     * ETag from the event version (any change to the event may change the feed) and 304.
     */
    public void feed(Context ctx) {
        Event event = service.get(PathIds.event(ctx));
        if (Conditional.notModified(ctx, EntityTags.weak("feed-" + event.version()))) {
            return;
        }
        ctx.status(200);
        ctx.contentType("text/calendar; charset=utf-8");
        ctx.result(IcsWriter.feed(event.id(), links.feed(event), event.updatedAt()).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the whole body into a command; the service checks 404, then 401/403, then the body. */
    public void patch(Context ctx) {
        Errors errors = new Errors();
        ObjectFields body = json.readLater(ctx, errors).allowOnly(PATCH_FIELDS);
        Optional<String> title = Optional.empty();
        if (body.isPresent("title")) {
            title = Optional.ofNullable(body.label("title", REQUIRED, EventRules.TITLE_MAX));
        }
        Optional<Optional<String>> description = Optional.empty();
        if (body.isPresent("description")) {
            description = Optional.of(Optional.ofNullable(body.text("description", OPTIONAL, EventRules.DESCRIPTION_MAX)));
        }
        Optional<Integer> duration = Optional.empty();
        if (body.isPresent("durationMinutes")) {
            duration = Optional.ofNullable(body.integer("durationMinutes", REQUIRED, EventRules.DURATION_MIN, EventRules.DURATION_MAX));
            EventRules.checkDuration(duration.orElse(null), "durationMinutes", errors);
        }
        Optional<Integer> step = Optional.empty();
        if (body.isPresent("slotStepMinutes")) {
            step = Optional.ofNullable(body.integer("slotStepMinutes", REQUIRED, 1, EventRules.DURATION_MAX));
            EventRules.checkStep(step.orElse(null), "slotStepMinutes", errors);
        }
        Optional<ZoneId> zone = Optional.empty();
        if (body.isPresent("timezone")) {
            zone = TimeFields.zone(body, "timezone", REQUIRED);
        }
        Optional<List<WindowBounds>> windows = Optional.empty();
        if (body.isPresent("proposedWindows")) {
            windows = Optional.ofNullable(body.objects("proposedWindows", REQUIRED, 1, EventRules.WINDOWS_MAX))
                    .map(EventHandler::windows);
        }
        Optional<List<WeeklyWindow>> weeklyWindows = Optional.empty();
        if (body.isPresent("weeklyWindows")) {
            weeklyWindows = Optional.ofNullable(body.objects("weeklyWindows", REQUIRED, 1, WEEKLY_WINDOWS_MAX))
                    .map(EventHandler::weeklyWindows);
        }
        Optional<LocalDate> firstWeek = Optional.empty();
        if (body.isPresent("firstWeek")) {
            firstWeek = Optional.ofNullable(TimeFields.date(body, "firstWeek", REQUIRED));
        }
        Optional<Optional<TimeBound>> deadline = Optional.empty();
        if (body.isPresent("deadline")) {
            deadline = Optional.of(Optional.ofNullable(TimeFields.bound(body, "deadline", OPTIONAL)));
        }
        Optional<EventStatus> status = Optional.empty();
        if (body.isPresent("status")) {
            status = Optional.ofNullable(body.oneOf("status", REQUIRED, EventStatus.WIRE_VALUES)).map(EventStatus::fromWire);
        }
        Optional<Optional<DailyHours>> hours = Optional.empty();
        if (body.isPresent("localHours")) {
            hours = Optional.of(Optional.ofNullable(TimeFields.hours(body, "localHours")));
        }
        EventService.Administered patched = service.patch(new EventCommands.Patch(PathIds.event(ctx),
                BearerToken.from(ctx), title, description, duration, step, zone, windows, weeklyWindows, firstWeek,
                deadline, status, hours,
                AddressFields.read(body, "organizerEmail", errors), MailText.language(ctx.header("Accept-Language")),
                notify(body), errors));
        json.write(ctx, 200, view(patched.event(), patched.organizer()));
    }

    public void delete(Context ctx) {
        service.delete(PathIds.event(ctx), BearerToken.from(ctx));
        ctx.status(204);
    }
}
