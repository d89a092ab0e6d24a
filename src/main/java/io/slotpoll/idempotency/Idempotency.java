package io.slotpoll.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.slotpoll.problem.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;

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

    private final DSLContext dsl;
    private final Clock clock;
    private final StoredResponses store;

    /** Keys over {@code dsl}, stamped by {@code clock}; stored headers go through {@code mapper}. */
    public Idempotency(DSLContext dsl, Clock clock, ObjectMapper mapper) {
        this.dsl = dsl;
        this.clock = clock;
        this.store = new StoredResponses(mapper, TTL);
    }

    /**
     * Answers {@code ctx} with what {@code write} renders, run in one transaction that this
     * method owns, or with the stored answer of an earlier request that carried the same key
     * in {@code scope} with the same {@code body}. The answer is stored in the write's
     * transaction. If the write fails (a 4xx, or another request stored an answer under the
     * key first) and the key has been answered meanwhile, that answer is replayed: two
     * concurrent first uses of one key get one write and the same answer.
     */
    public void respond(Context ctx, String scope, byte[] body, Function<DSLContext, StoredResponse.Rendered> write) {
        String key = ctx.header(HEADER);
        if (key == null) {
            send(ctx, dsl.transactionResult(tx -> write.apply(tx.dsl())).answer(), false);
            return;
        }
        StoredResponses.Claim claim = StoredResponses.Claim.of(checkKey(key), scope, body);
        Optional<StoredResponse> earlier = store.find(dsl, claim, now());
        if (earlier.isPresent()) {
            send(ctx, earlier.get(), true);
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                StoredResponse answer = dsl.transactionResult(tx -> {
                    StoredResponse.Rendered rendered = write.apply(tx.dsl());
                    store.store(tx.dsl(), claim, rendered, now());
                    return rendered.answer();
                });
                send(ctx, answer, false);
                return;
            } catch (StoredResponses.KeyTaken | ProblemException e) {
                Optional<StoredResponse> winner = store.find(dsl, claim, now());
                if (winner.isPresent()) {
                    send(ctx, winner.get(), true);
                    return;
                }
                if (e instanceof ProblemException refused) {
                    throw refused;
                }
                // The key's row had expired: clear it and write once more.
                if (attempt > 0 || !store.deleteExpired(dsl, claim, now())) {
                    throw new IllegalStateException("idempotency key neither usable nor answered", e);
                }
            }
        }
    }

    /** Deletes expired keys, a batch at a time; returns how many went. */
    public int purgeExpired() {
        return store.purgeExpired(dsl, now());
    }

    private static String checkKey(String key) {
        if (key.length() < KEY_MIN || key.length() > KEY_MAX || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalid(HEADER, "must be " + KEY_MIN + " to " + KEY_MAX
                    + " visible ASCII characters, random enough not to be guessed, such as a UUID (was "
                    + key.length() + " characters)");
        }
        return key;
    }

    private static void send(Context ctx, StoredResponse answer, boolean replayed) {
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
}
