package io.slotpoll.export;

import io.javalin.http.Context;
import io.slotpoll.auth.BearerToken;
import io.slotpoll.http.PathIds;
import io.slotpoll.participant.ParticipantService;
import java.nio.charset.StandardCharsets;

/** {@code GET /api/v1/events/{id}/export.csv} (admin token): every stored window of every participant, as CSV. */
public final class ExportHandler {

    private final ParticipantService participants;

    public ExportHandler(ParticipantService participants) {
        this.participants = participants;
    }

    public void csv(Context ctx) {
        String eventId = PathIds.event(ctx);
        String csv = CsvExport.write(participants.export(eventId, BearerToken.from(ctx)));
        ctx.header("Content-Disposition", "attachment; filename=\"slotpoll-" + eventId + ".csv\"");
        ctx.status(200);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(csv.getBytes(StandardCharsets.UTF_8));
    }
}
