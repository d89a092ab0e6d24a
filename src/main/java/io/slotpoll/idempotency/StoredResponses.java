package io.slotpoll.idempotency;

import static io.slotpoll.db.schema.Tables.IDEMPOTENCY_KEY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotpoll.auth.Secrets;
import io.slotpoll.db.DbErrors;
import io.slotpoll.db.schema.tables.records.IdempotencyKeyRecord;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The table of answered keys. A row is found by the hash of scope and key, holds the hash
 * of the request body, the status, the headers as JSON (through the service's one mapper)
 * and the encrypted body ({@link ResponseCipher}), and is deleted with the event or
 * participant it created (migration V5). Nothing here locks for update: concurrent first
 * uses of one key wait on the insert's shared lock, and an exclusive lock after it would
 * deadlock them.
 */
final class StoredResponses {

    private static final int PURGE_BATCH = 500;
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
    };

    /** Another request stored an answer under the key while this one was writing. */
    static final class KeyTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyTaken() {
            super(null, null, false, false);
        }
    }

    /**
     * One key in one scope with the body it came with, reduced to what is stored and
     * compared: the key's hash (the row's id), the body's hash, and the cipher of the answer.
     */
    @SuppressWarnings("ArrayRecordComponent") // hashes compared with MessageDigest.isEqual, never with equals
    record Claim(byte[] keyHash, byte[] requestHash, ResponseCipher cipher) {

        static Claim of(String key, String scope, byte[] body) {
            byte[] keyHash = Secrets.sha256(("slotpoll-idempotency-key\n" + scope + "\n" + key)
                    .getBytes(StandardCharsets.UTF_8));
            return new Claim(keyHash, Secrets.sha256(body), new ResponseCipher(scope, key, keyHash));
        }
    }

    private final ObjectMapper mapper;
    private final Duration ttl;

    StoredResponses(ObjectMapper mapper, Duration ttl) {
        this.mapper = mapper;
        this.ttl = ttl;
    }

    /** The live answer under the claim's key; a 422 if the key came with another body. */
    Optional<StoredResponse> find(DSLContext dsl, Claim claim, Instant now) {
        IdempotencyKeyRecord row = dsl.selectFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.KEY_HASH.eq(claim.keyHash()))
                .and(IDEMPOTENCY_KEY.CREATED_AT.gt(now.minus(ttl)))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(row.getRequestHash(), claim.requestHash())) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key"
                    + " was already used with a different request body; use a new key for a new request");
        }
        return Optional.of(new StoredResponse(row.getStatus(), headers(row.getHeaders()),
                claim.cipher().decrypt(row.getAnswer())));
    }

    /** Inserts the answer in the write's transaction; a key already present throws {@link KeyTaken}. */
    void store(DSLContext tx, Claim claim, StoredResponse.Rendered rendered, Instant now) {
        StoredResponse answer = rendered.answer();
        try {
            tx.insertInto(IDEMPOTENCY_KEY)
                    .set(IDEMPOTENCY_KEY.KEY_HASH, claim.keyHash())
                    .set(IDEMPOTENCY_KEY.REQUEST_HASH, claim.requestHash())
                    .set(IDEMPOTENCY_KEY.STATUS, answer.status())
                    .set(IDEMPOTENCY_KEY.HEADERS, json(answer.headers()))
                    .set(IDEMPOTENCY_KEY.ANSWER, claim.cipher().encrypt(answer.json()))
                    .set(IDEMPOTENCY_KEY.CREATED_AT, now)
                    .set(IDEMPOTENCY_KEY.EVENT_ID, rendered.owner().eventId())
                    .set(IDEMPOTENCY_KEY.PARTICIPANT_ID, rendered.owner().participantId())
                    .execute();
        } catch (DataAccessException e) {
            if (DbErrors.isDuplicateKey(e)) {
                throw new KeyTaken();
            }
            throw e;
        }
    }

    /** Removes the claim's row if it has expired, so the key can be used afresh. */
    boolean deleteExpired(DSLContext dsl, Claim claim, Instant now) {
        return dsl.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.KEY_HASH.eq(claim.keyHash()))
                .and(IDEMPOTENCY_KEY.CREATED_AT.le(now.minus(ttl)))
                .execute() > 0;
    }

    /** Deletes expired keys, a batch at a time; returns how many went. */
    int purgeExpired(DSLContext dsl, Instant now) {
        int total = 0;
        int deleted;
        do {
            deleted = dsl.deleteFrom(IDEMPOTENCY_KEY)
                    .where(IDEMPOTENCY_KEY.CREATED_AT.le(now.minus(ttl)))
                    .limit(PURGE_BATCH)
                    .execute();
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }

    private String json(Map<String, String> headers) {
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the headers of an answer", e);
        }
    }

    private Map<String, String> headers(String json) {
        try {
            return mapper.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer's headers are not JSON", e);
        }
    }
}
