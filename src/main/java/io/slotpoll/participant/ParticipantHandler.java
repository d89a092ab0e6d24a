package io.slotpoll.participant;

import io.slotpoll.mail.MailText;
import static io.slotpoll.http.Presence.REQUIRED;
import static io.slotpoll.http.Presence.OPTIONAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.slotpoll.algorithm.Preference;
import io.slotpoll.auth.BearerToken;
import io.slotpoll.event.EventLinks;
import io.slotpoll.problem.Errors;
import io.slotpoll.http.AddressFields;
import io.slotpoll.http.Conditional;
import io.slotpoll.http.EntityTags;
import io.slotpoll.http.JsonIo;
import io.slotpoll.http.ObjectFields;
import io.slotpoll.http.PathIds;
import io.slotpoll.http.Presence;
import io.slotpoll.http.TimeFields;
import io.slotpoll.idempotency.StoredResponse;
import io.slotpoll.idempotency.Idempotency;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.WeeklyWindow;
import io.slotpoll.time.RequestTimes.WindowBounds;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** HTTP endpoints for participants: parse and validate, call the service, map the answer. */
public final class ParticipantHandler {

    public static final int NAME_MAX = 100;
    public static final int WINDOWS_MAX = 500;
    private static final Set<String> JOIN_FIELDS = ObjectFields.names("name", "timezone", "availability", "localHours",
            "email", "weeklyAvailability");
    private static final Set<String> REPLACE_FIELDS = ObjectFields.names("timezone", "availability", "weeklyAvailability");
    private static final Set<String> WEEKLY_FIELDS = ObjectFields.names("day", "start", "end", "preference");
    private static final Set<String> PATCH_FIELDS = ObjectFields.names("name", "required", "localHours", "email");
    private static final Set<String> WINDOW_FIELDS = ObjectFields.names("start", "end", "preference");

    private final ParticipantService service;
    private final JsonIo json;
    private final Idempotency idempotency;
    private final EventLinks links;

    public ParticipantHandler(ParticipantService service, JsonIo json, Idempotency idempotency, EventLinks links) {
        this.idempotency = idempotency;
        this.links = links;
        this.service = service;
        this.json = json;
    }

    public void join(Context ctx) {
        String eventId = PathIds.event(ctx);
        Errors errors = new Errors();
        ObjectFields body = json.read(ctx, errors).allowOnly(JOIN_FIELDS);
        String name = body.label("name", REQUIRED, NAME_MAX);
        Optional<ZoneId> zone = TimeFields.zone(body, "timezone", REQUIRED);
        ParticipantCommands.Join command = new ParticipantCommands.Join(name, zone, answer(body, OPTIONAL),
                TimeFields.hours(body, "localHours"), AddressFields.read(body, "email", errors),
                MailText.language(ctx.header("Accept-Language")), errors);
        idempotency.respond(ctx, "POST /api/v1/events/" + eventId + "/participants", body.bytes(),
                tx -> joined(eventId, service.join(tx, eventId, command)));
    }

    private StoredResponse.Rendered joined(String eventId, ParticipantService.Created created) {
        Participant p = created.participant();
        ObjectNode answer = ownView(new ParticipantService.Seen(p, created.email()));
        answer.put("editToken", created.editToken());
        answer.putObject("links").put("edit", links.edit(eventId, p.id(), created.editToken()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", "/api/v1/events/" + eventId + "/participants/" + p.id());
        headers.put("ETag", EntityTags.ofVersion(p.version()));
        return new StoredResponse.Rendered(new StoredResponse(201, headers, json.bytes(answer)),
                StoredResponse.Owner.participant(eventId, p.id()));
    }

    /** A weak ETag from the event version ({@code W/"p-{version}"}: every participant write grows it); 304 when current. */
    public void list(Context ctx) {
        ParticipantService.Listed listed = service.list(PathIds.event(ctx));
        if (!Conditional.notModified(ctx, EntityTags.weak("p-" + listed.eventVersion()))) {
            json.write(ctx, 200, listed.participants().stream().map(ParticipantView::of).toList());
        }
    }

    /**
     * The participant with its strong ETag (its version); 304 when the client's copy is
     * current. With the participant's own edit token the view holds their {@code email}.
     */
    public void get(Context ctx) {
        ParticipantService.Seen seen = service.get(PathIds.event(ctx), PathIds.participant(ctx), BearerToken.from(ctx));
        ctx.header("Vary", "Authorization");
        if (!Conditional.notModified(ctx, EntityTags.ofVersion(seen.participant().version()))) {
            json.write(ctx, 200, ownView(seen));
        }
    }

    /** The public view, with {@code email} (null when none) when the reader is the participant. */
    private ObjectNode ownView(ParticipantService.Seen seen) {
        ObjectNode view = json.mapper().valueToTree(ParticipantView.of(seen.participant()));
        seen.email().ifPresent(email -> view.put("email", email.orElse(null)));
        return view;
    }

    /** Reads the whole body into a command; the service checks 404, 401/403, then the body, then the rest. */
    public void replaceAvailability(Context ctx) {
        Errors errors = new Errors();
        ObjectFields body = json.readLater(ctx, errors).allowOnly(REPLACE_FIELDS);
        Optional<ZoneId> zone = TimeFields.zone(body, "timezone", REQUIRED);
        respond(ctx, service.replaceAvailability(new ParticipantCommands.Replace(target(ctx), zone,
                answer(body, body.isPresent("weeklyAvailability") ? OPTIONAL : REQUIRED), errors)));
    }

    public void patch(Context ctx) {
        Errors errors = new Errors();
        ObjectFields body = json.readLater(ctx, errors).allowOnly(PATCH_FIELDS);
        Optional<String> name = body.isPresent("name")
                ? Optional.ofNullable(body.label("name", REQUIRED, NAME_MAX)) : Optional.empty();
        Optional<Boolean> required = body.isPresent("required")
                ? Optional.ofNullable(body.bool("required", REQUIRED)) : Optional.empty();
        Optional<Optional<DailyHours>> hours = body.isPresent("localHours")
                ? Optional.of(Optional.ofNullable(TimeFields.hours(body, "localHours"))) : Optional.empty();
        Optional<Optional<String>> email = AddressFields.read(body, "email", errors);
        respond(ctx, service.change(new ParticipantCommands.Change(target(ctx), name, required, hours, email,
                MailText.language(ctx.header("Accept-Language")), errors)));
    }

    public void delete(Context ctx) {
        service.delete(target(ctx));
        ctx.status(204);
    }

    private static ParticipantCommands.Target target(Context ctx) {
        return new ParticipantCommands.Target(PathIds.event(ctx), PathIds.participant(ctx), BearerToken.from(ctx),
                EntityTags.ifMatch(ctx.header("If-Match")));
    }

    private void respond(Context ctx, ParticipantService.Seen seen) {
        ctx.header("ETag", EntityTags.ofVersion(seen.participant().version()));
        json.write(ctx, 200, ownView(seen));
    }

    /**
     * {@code availability} (with {@code presence}) and {@code weeklyAvailability}, whichever
     * were sent; which one the event takes is the service's to say.
     */
    private static ParticipantCommands.Answer answer(ObjectFields body, Presence presence) {
        Optional<List<ParticipantCommands.WeeklyItem>> weekly = Optional.empty();
        if (body.isPresent("weeklyAvailability")) {
            List<ObjectFields> items = body.objects("weeklyAvailability", REQUIRED, 0, WINDOWS_MAX);
            List<ParticipantCommands.WeeklyItem> read = new ArrayList<>();
            for (ObjectFields item : items == null ? List.<ObjectFields>of() : items) {
                item.allowOnly(WEEKLY_FIELDS);
                WeeklyWindow window = TimeFields.weeklyWindow(item);
                String preference = item.oneOf("preference", OPTIONAL, AvailabilityWindow.WIRE_VALUES);
                read.add(new ParticipantCommands.WeeklyItem(window,
                        preference == null ? Preference.YES : AvailabilityWindow.fromWire(preference)));
            }
            weekly = Optional.of(read);
        }
        return new ParticipantCommands.Answer(availability(body, presence), body.isPresent("availability"), weekly);
    }

    private static List<ParticipantCommands.AvailabilityItem> availability(ObjectFields body, Presence presence) {
        List<ObjectFields> items = body.objects("availability", presence, 0, WINDOWS_MAX);
        if (items == null) {
            return List.of();
        }
        List<ParticipantCommands.AvailabilityItem> windows = new ArrayList<>(items.size());
        for (ObjectFields item : items) {
            item.allowOnly(WINDOW_FIELDS);
            WindowBounds window = TimeFields.window(item);
            String preference = item.oneOf("preference", OPTIONAL, AvailabilityWindow.WIRE_VALUES);
            windows.add(new ParticipantCommands.AvailabilityItem(window,
                    preference == null ? Preference.YES : AvailabilityWindow.fromWire(preference)));
        }
        return windows;
    }
}
