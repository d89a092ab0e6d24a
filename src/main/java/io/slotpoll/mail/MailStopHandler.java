package io.slotpoll.mail;

import io.javalin.http.Context;
import io.slotpoll.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;

/**
 * {@code POST /api/v1/mail-stop/{token}}: the one-click unsubscribe of RFC 8058 (mail
 * clients post {@code List-Unsubscribe=One-Click}; any body is accepted) and the button of
 * the "stop mail" page. 204 once the address gets no more mail from that event, however
 * often it is posted; 404 for a token that names no event.
 */
public final class MailStopHandler {

    private final Mailer mailer;
    private final DSLContext dsl;
    private final Clock clock;

    public MailStopHandler(Mailer mailer, DSLContext dsl, Clock clock) {
        this.mailer = mailer;
        this.dsl = dsl;
        this.clock = clock;
    }

    public void stop(Context ctx) {
        String token = ctx.pathParam("token");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!mailer.isOn() || !mailer.stop(dsl, token, now)) {
            throw ProblemException.notFound("this stop link names no poll: it may have been deleted");
        }
        ctx.status(204);
    }
}
