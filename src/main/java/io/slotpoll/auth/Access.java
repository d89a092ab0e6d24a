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
     * @param isParticipantToken whether a token hash belongs to some participant of this event
     */
    public static void requireAdmin(Optional<String> token, byte[] adminHash, Predicate<byte[]> isParticipantToken) {
        String t = token.orElseThrow(Access::unauthorized);
        if (Secrets.matches(t, adminHash)) {
            return;
        }
        throw isParticipantToken.test(Secrets.hash(t)) ? forbidden("only the event's admin token may do this") : unauthorized();
    }

    public static Grant requireAdminOrOwner(Optional<String> token, byte[] adminHash, byte[] ownerHash,
            Predicate<byte[]> isParticipantToken) {
        String t = token.orElseThrow(Access::unauthorized);
        if (Secrets.matches(t, ownerHash)) {
            return Grant.OWNER;
        }
        if (Secrets.matches(t, adminHash)) {
            return Grant.ADMIN;
        }
        throw isParticipantToken.test(Secrets.hash(t))
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
