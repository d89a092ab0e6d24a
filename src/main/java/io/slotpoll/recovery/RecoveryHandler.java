package io.slotpoll.recovery;

import io.slotpoll.mail.MailText;
import static io.slotpoll.http.Presence.REQUIRED;

import io.javalin.http.Context;
import io.slotpoll.guard.ClientAddress;
import io.slotpoll.http.AddressFields;
import io.slotpoll.http.JsonIo;
import io.slotpoll.http.ObjectFields;
import io.slotpoll.problem.Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code POST /api/v1/link-recovery} (always 202, empty) and {@code POST /api/v1/link-recovery/redeem}. */
public final class RecoveryHandler {

    static final int CODE_MAX = 128;
    private static final Set<String> REQUEST_FIELDS = ObjectFields.names("email");
    private static final Set<String> REDEEM_FIELDS = ObjectFields.names("code");

    private final RecoveryService service;
    private final JsonIo json;
    private final ClientAddress clientAddress;

    public RecoveryHandler(RecoveryService service, JsonIo json, ClientAddress clientAddress) {
        this.service = service;
        this.json = json;
        this.clientAddress = clientAddress;
    }

    public void request(Context ctx) {
        Errors errors = new Errors();
        ObjectFields body = json.read(ctx, errors).allowOnly(REQUEST_FIELDS);
        String address = AddressFields.required(body, "email", errors);
        errors.throwIfAny();
        service.request(address, clientAddress.of(ctx), MailText.language(ctx.header("Accept-Language")));
        ctx.status(202);
    }

    public void redeem(Context ctx) {
        Errors errors = new Errors();
        ObjectFields body = json.read(ctx, errors).allowOnly(REDEEM_FIELDS);
        String code = body.label("code", REQUIRED, CODE_MAX);
        errors.throwIfAny();
        List<Map<String, String>> events = new ArrayList<>();
        for (RecoveryService.Recovered r : service.redeem(code)) {
            Map<String, String> event = new LinkedHashMap<>();
            event.put("id", r.eventId());
            event.put("title", r.title());
            event.put("role", r.role());
            r.participantId().ifPresent(id -> event.put("participantId", id));
            event.put("token", r.token());
            events.add(event);
        }
        ctx.header("Cache-Control", "no-store");
        json.write(ctx, 200, Map.of("events", events));
    }
}
