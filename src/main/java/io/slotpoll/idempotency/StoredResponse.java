package io.slotpoll.idempotency;

import java.util.Map;

/**
 * A creating write's answer as sent, stored and replayed: status, headers (in order) and
 * the JSON body, which carries the new token.
 */
@SuppressWarnings("ArrayRecordComponent") // carries bytes to send; never compared or hashed
public record StoredResponse(int status, Map<String, String> headers, byte[] json) {

    /**
     * What a stored answer belongs to: the event it created, or the participant (then
     * {@code participantId} is set). Deleting it deletes the stored answer (migration V5),
     * so no replay hands out the token of something deleted.
     */
    public record Owner(String eventId, String participantId) {
        public static Owner event(String eventId) {
            return new Owner(eventId, null);
        }

        public static Owner participant(String eventId, String participantId) {
            return new Owner(eventId, participantId);
        }
    }

    /** An answer to send and the resource that owns it: what a write gives the wrapper. */
    public record Rendered(StoredResponse answer, Owner owner) {
    }
}
