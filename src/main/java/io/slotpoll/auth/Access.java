package io.slotpoll.auth;

import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may do what. The admin token covers its whole event; an edit token covers its own
 * participant. No token, or a token this event does not know: 401. A token this event
 * knows that does not cover the target (another participant's edit token, or any edit
 * token on an admin-only action): 403.
 */
public final class Access {

    /** What a token was recognised as. */
    public enum Grant { ADMIN, OWNER }

    private Access() {
    }

    /**
     * Passes only the event's admin token: none or an unknown one is a 401, a participant's a 403.
     *
     * @param isAdminToken       whether a token hash is one of this event's admin tokens
     * @param isParticipantToken whether a token hash belongs to some participant of this event
     */
    public static void requireAdmin(Optional<String> token, Predicate<byte[]> isAdminToken,
            Predicate<byte[]> isParticipantToken) {
        byte[] hash = Secrets.hash(token.orElseThrow(Access::unauthorized));
        if (isAdminToken.test(hash)) {
            return;
        }
        throw isParticipantToken.test(hash) ? forbidden("only the event's admin token may do this") : unauthorized();
    }

    /** The grant of an admin or owner token; none or an unknown one is a 401, another participant's a 403. */
    public static Grant requireAdminOrOwner(Optional<String> token, Predicate<byte[]> isAdminToken,
            Predicate<byte[]> isOwnerToken, Predicate<byte[]> isParticipantToken) {
        byte[] hash = Secrets.hash(token.orElseThrow(Access::unauthorized));
        if (isOwnerToken.test(hash)) {
            return Grant.OWNER;
        }
        if (isAdminToken.test(hash)) {
            return Grant.ADMIN;
        }
        throw isParticipantToken.test(hash)
                ? forbidden("this edit token belongs to another participant")
                : unauthorized();
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    private static ProblemException unauthorized() {
        return new ProblemException(ProblemType.UNAUTHORIZED,
                "send the event's admin token or your edit token as Authorization: Bearer <token>");
    }
}
