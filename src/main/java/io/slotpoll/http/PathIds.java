package io.slotpoll.http;

import io.slotpoll.problem.ProblemException;
import io.slotpoll.text.Text;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * Ids in request paths. An id is exactly what {@code Secrets.newId} makes: 22 base64url
 * characters. Anything else (another length, a space, a character outside the alphabet)
 * names no resource and is a 404 before any query runs; ids that are id-shaped compare
 * byte for byte in the database (binary collation, migration V3), so a path id that finds
 * a row is spelled exactly as the stored id.
 */
public final class PathIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private PathIds() {
    }

    public static String event(Context ctx) {
        return require(ctx.pathParam("eventId"), "event");
    }

    public static String participant(Context ctx) {
        return require(ctx.pathParam("participantId"), "participant");
    }

    static String require(String id, String noun) {
        if (!ID.matcher(id).matches()) {
            throw ProblemException.notFound("no " + noun + " with id " + Text.shownId(id));
        }
        return id;
    }

}
