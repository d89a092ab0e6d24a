package io.slotpoll.idempotency;

import static io.slotpoll.db.schema.Tables.IDEMPOTENCY_KEY;

import io.javalin.http.Context;
import io.slotpoll.auth.Secrets;
import io.slotpoll.db.DbErrors;
import io.slotpoll.db.TxHook;
import io.slotpoll.db.schema.tables.records.IdempotencyKeyRecord;
import io.slotpoll.http.ApiException;
import io.slotpoll.http.JsonBody;
import io.slotpoll.http.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * {@code Idempotency-Key} for creating writes. The first request with a key stores its
 * answer in the same transaction as the write, so a retry with the same key and body gets
 * the same status, headers and body (the same token) without a second row, on any
 * instance; the same key with another body is a 422. Keys live {@link #TTL}.
 * Two concurrent requests with one key are settled by the primary key of the table:
 * the loser rolls its write back and replays the winner's answer.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final Duration TTL = Duration.ofHours(24);
    static final int KEY_MAX = 255;
    /**
     * A key must be unguessable, since whoever sends it with the same body gets the stored
     * answer, token included: at least 22 characters, the length of 128 random bits in
     * base64url (a UUID, 36 characters, passes).
     */
    static final int KEY_MIN = 22;
    private static final int PURGE_BATCH = 500;
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An answer as sent, stored and replayed; {@code headers} keep their order. */
    @SuppressWarnings("ArrayRecordComponent") // carries bytes to send; never compared or hashed
    public record Answer(int status, Map<String, String> headers, byte[] json) {
    }

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

    /** An answer to send and the resource that owns it. */
    public record Rendered(Answer answer, Owner owner) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    public Idempotency(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Answers {@code ctx} with {@code write}'s result rendered by {@code render}, or with the
     * stored answer of an earlier request that carried the same key in {@code scope}.
     */
    public <T> void respond(Context ctx, String scope, Function<TxHook<T>, T> write, Function<T, Rendered> render) {
        String key = ctx.header(HEADER);
        if (key == null) {
            send(ctx, render.apply(write.apply(TxHook.none())).answer(), false);
            return;
        }
        Claim claim = new Claim(checkKey(key), scope, JsonBody.bytesRead(ctx));
        Optional<Answer> earlier = claim.find(dsl, now());
        if (earlier.isPresent()) {
            send(ctx, earlier.get(), true);
            return;
        }
        for (int attempt = 0; ; attempt++) {
            Hook<T> hook = new Hook<>(claim, render);
            try {
                // The hook rendered and stored the answer inside the write's transaction.
                T unused = write.apply(hook);
                send(ctx, hook.answer, false);
                return;
            } catch (KeyTaken e) {
                Optional<Answer> winner = claim.find(dsl, now());
                if (winner.isPresent()) {
                    send(ctx, winner.get(), true);
                    return;
                }
                // The key's row had expired: clear it and write once more.
                if (attempt > 0 || !claim.deleteExpired(dsl, now())) {
                    throw new IllegalStateException("idempotency key neither usable nor answered", e);
                }
            }
        }
    }

    /** Deletes expired keys, a batch at a time; returns how many went. */
    public int purgeExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = dsl.deleteFrom(IDEMPOTENCY_KEY)
                    .where(IDEMPOTENCY_KEY.CREATED_AT.le(now().minus(TTL)))
                    .limit(PURGE_BATCH)
                    .execute();
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }

    private static String checkKey(String key) {
        if (key.length() < KEY_MIN || key.length() > KEY_MAX || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiException.invalid(HEADER, "must be " + KEY_MIN + " to " + KEY_MAX
                    + " visible ASCII characters, random enough not to be guessed, such as a UUID (was "
                    + key.length() + " characters)");
        }
        return key;
    }

    private static void send(Context ctx, Answer answer, boolean replayed) {
        answer.headers().forEach(ctx::header);
        if (replayed) {
            ctx.header(REPLAYED_HEADER, "true");
        }
        ctx.status(answer.status());
        ctx.contentType("application/json");
        ctx.result(answer.json());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Another request stored an answer under the key while this one was writing. */
    private static final class KeyTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyTaken() {
            super(null, null, false, false);
        }
    }

    /** Checks for an earlier answer under the write's locks and stores this one before the commit. */
    private final class Hook<T> implements TxHook<T> {
        private final Claim claim;
        private final Function<T, Rendered> render;
        private Answer answer;

        Hook(Claim claim, Function<T, Rendered> render) {
            this.claim = claim;
            this.render = render;
        }

        @Override
        public void before(DSLContext tx) {
            if (claim.find(tx, now()).isPresent()) {
                throw new KeyTaken();
            }
        }

        @Override
        public void after(DSLContext tx, T result) {
            Rendered rendered = render.apply(result);
            answer = rendered.answer();
            claim.store(tx, rendered, now());
        }
    }

    /**
     * One key in one scope, with the body it came with, reduced once to what is stored and
     * compared: the key's hash (the row's id), the body's hash, and the AES-256 key of the
     * stored answer, derived from the client's key, which is never stored.
     */
    @SuppressWarnings("ArrayRecordComponent") // hashes compared with MessageDigest.isEqual, never with equals
    private record Claim(byte[] keyHash, byte[] requestHash, SecretKeySpec cipherKey) {

        Claim(String key, String scope, byte[] body) {
            this(Secrets.sha256(utf8("slotpoll-idempotency-key\n" + scope + "\n" + key)), Secrets.sha256(body),
                    new SecretKeySpec(Secrets.sha256(utf8("slotpoll-idempotency-answer\n" + scope + "\n" + key)), "AES"));
        }

        Optional<Answer> find(DSLContext tx, Instant now) {
            IdempotencyKeyRecord row = tx.selectFrom(IDEMPOTENCY_KEY)
                    .where(IDEMPOTENCY_KEY.KEY_HASH.eq(keyHash()))
                    .and(IDEMPOTENCY_KEY.CREATED_AT.gt(now.minus(TTL)))
                    .fetchOne();
            if (row == null) {
                return Optional.empty();
            }
            if (!MessageDigest.isEqual(row.getRequestHash(), requestHash())) {
                throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED, HEADER
                        + " was already used with a different request body; use a new key for a new request");
            }
            return Optional.of(new Answer(row.getStatus(), parseHeaders(row.getHeaders()),
                    crypt(Cipher.DECRYPT_MODE, row.getAnswer())));
        }

        /**
         * Inserts the answer; a key already present throws {@link KeyTaken}. Nothing here
         * deletes or locks for update: concurrent first uses of one key wait on the
         * insert's shared lock, and an exclusive lock taken after it would deadlock them.
         */
        void store(DSLContext tx, Rendered rendered, Instant now) {
            try {
                insert(tx, rendered, now);
            } catch (DataAccessException e) {
                if (DbErrors.isDuplicateKey(e)) {
                    throw new KeyTaken();
                }
                throw e;
            }
        }

        /** Removes this key's row if it has expired, so the key can be used afresh. */
        boolean deleteExpired(DSLContext dsl, Instant now) {
            return dsl.deleteFrom(IDEMPOTENCY_KEY)
                    .where(IDEMPOTENCY_KEY.KEY_HASH.eq(keyHash()))
                    .and(IDEMPOTENCY_KEY.CREATED_AT.le(now.minus(TTL)))
                    .execute() > 0;
        }

        private void insert(DSLContext tx, Rendered rendered, Instant now) {
            Answer answer = rendered.answer();
            tx.insertInto(IDEMPOTENCY_KEY)
                    .set(IDEMPOTENCY_KEY.EVENT_ID, rendered.owner().eventId())
                    .set(IDEMPOTENCY_KEY.PARTICIPANT_ID, rendered.owner().participantId())
                    .set(IDEMPOTENCY_KEY.KEY_HASH, keyHash())
                    .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash())
                    .set(IDEMPOTENCY_KEY.STATUS, answer.status())
                    .set(IDEMPOTENCY_KEY.HEADERS, formatHeaders(answer.headers()))
                    .set(IDEMPOTENCY_KEY.ANSWER, crypt(Cipher.ENCRYPT_MODE, answer.json()))
                    .set(IDEMPOTENCY_KEY.CREATED_AT, now)
                    .execute();
        }

        /** Encrypts to iv || ciphertext, or decrypts that form; the key hash is bound as associated data. */
        private byte[] crypt(int mode, byte[] input) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                byte[] iv;
                byte[] data;
                if (mode == Cipher.ENCRYPT_MODE) {
                    iv = new byte[IV_BYTES];
                    RANDOM.nextBytes(iv);
                    data = input;
                } else {
                    iv = Arrays.copyOf(input, IV_BYTES);
                    data = Arrays.copyOfRange(input, IV_BYTES, input.length);
                }
                cipher.init(mode, cipherKey(), new GCMParameterSpec(128, iv));
                cipher.updateAAD(keyHash());
                byte[] out = cipher.doFinal(data);
                if (mode == Cipher.DECRYPT_MODE) {
                    return out;
                }
                byte[] stored = Arrays.copyOf(iv, IV_BYTES + out.length);
                System.arraycopy(out, 0, stored, IV_BYTES, out.length);
                return stored;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                        + " a stored idempotent answer", e);
            }
        }
    }

    private static String formatHeaders(Map<String, String> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    private static Map<String, String> parseHeaders(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
