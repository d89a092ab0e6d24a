package io.slotpoll.idempotency;

import static io.slotpoll.db.schema.Tables.IDEMPOTENCY_KEY;

import io.javalin.http.Context;
import io.slotpoll.auth.Secrets;
import io.slotpoll.db.DbErrors;
import io.slotpoll.db.DbTime;
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
    private static final int PURGE_BATCH = 500;
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An answer as sent, stored and replayed; {@code headers} keep their order. */
    public record Answer(int status, Map<String, String> headers, byte[] json) {
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
    public <T> void respond(Context ctx, String scope, Function<TxHook<T>, T> write, Function<T, Answer> render) {
        String key = ctx.header(HEADER);
        if (key == null) {
            send(ctx, render.apply(write.apply(TxHook.none())), false);
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
                write.apply(hook);
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
                    .where(IDEMPOTENCY_KEY.CREATED_AT.le(DbTime.toDb(now().minus(TTL))))
                    .limit(PURGE_BATCH)
                    .execute();
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }

    private static String checkKey(String key) {
        if (key.isEmpty() || key.length() > KEY_MAX || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiException.invalid(HEADER, "must be 1 to " + KEY_MAX
                    + " visible ASCII characters, such as a UUID (was " + key.length() + " characters)");
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
        private final Function<T, Answer> render;
        private Answer answer;

        Hook(Claim claim, Function<T, Answer> render) {
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
            answer = render.apply(result);
            claim.store(tx, answer, now());
        }
    }

    /**
     * One key in one scope, with the body it came with, reduced once to what is stored and
     * compared: the key's hash (the row's id), the body's hash, and the AES-256 key of the
     * stored answer, derived from the client's key, which is never stored.
     */
    private record Claim(byte[] keyHash, byte[] requestHash, SecretKeySpec cipherKey) {

        Claim(String key, String scope, byte[] body) {
            this(Secrets.sha256(utf8("slotpoll-idempotency-key\n" + scope + "\n" + key)), Secrets.sha256(body),
                    new SecretKeySpec(Secrets.sha256(utf8("slotpoll-idempotency-answer\n" + scope + "\n" + key)), "AES"));
        }

        Optional<Answer> find(DSLContext tx, Instant now) {
            IdempotencyKeyRecord row = tx.selectFrom(IDEMPOTENCY_KEY)
                    .where(IDEMPOTENCY_KEY.KEY_HASH.eq(keyHash()))
                    .and(IDEMPOTENCY_KEY.CREATED_AT.gt(DbTime.toDb(now.minus(TTL))))
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
        void store(DSLContext tx, Answer answer, Instant now) {
            try {
                insert(tx, answer, now);
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
                    .and(IDEMPOTENCY_KEY.CREATED_AT.le(DbTime.toDb(now.minus(TTL))))
                    .execute() > 0;
        }

        private void insert(DSLContext tx, Answer answer, Instant now) {
            tx.insertInto(IDEMPOTENCY_KEY)
                    .set(IDEMPOTENCY_KEY.KEY_HASH, keyHash())
                    .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash())
                    .set(IDEMPOTENCY_KEY.STATUS, answer.status())
                    .set(IDEMPOTENCY_KEY.HEADERS, formatHeaders(answer.headers()))
                    .set(IDEMPOTENCY_KEY.ANSWER, crypt(Cipher.ENCRYPT_MODE, answer.json()))
                    .set(IDEMPOTENCY_KEY.CREATED_AT, DbTime.toDb(now))
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
        for (String line : text.split("\n")) {
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
