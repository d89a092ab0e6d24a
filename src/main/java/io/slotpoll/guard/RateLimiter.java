package io.slotpoll.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import java.time.Duration;

/**
 * Per-client token buckets (Bucket4j), one for reads and a stricter one for writes, keyed
 * by {@link ClientAddress}. Buckets live in this instance's memory: with N instances
 * behind the load balancer a client gets at most N times the limit. Health checks and the
 * metrics scrape are never limited. Every limited answer says where the client stands, in
 * the IETF draft's headers: {@code RateLimit-Limit} (requests a minute of this kind),
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the bucket is full
 * again). A refused request is a 429 with {@code Retry-After} (seconds until the next token).
 */
public final class RateLimiter {

    /** Requests per minute per client; 0 turns a limit off. */
    public record Limits(int readsPerMinute, int writesPerMinute) {
        public static final Limits OFF = new Limits(0, 0);
    }

    private static final long MAX_CLIENTS = 100_000;

    private final Limits limits;
    private final ClientAddress clientAddress;
    private final Cache<String, Bucket> reads;
    private final Cache<String, Bucket> writes;

    public RateLimiter(Limits limits, ClientAddress clientAddress) {
        this.limits = limits;
        this.clientAddress = clientAddress;
        this.reads = buckets();
        this.writes = buckets();
    }

    private static Cache<String, Bucket> buckets() {
        return Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(Duration.ofMinutes(5)).build();
    }

    /** A before-handler: consumes one token of the client's bucket or answers 429. */
    public void check(Context ctx) {
        if (ctx.path().startsWith("/health") || ctx.path().equals("/metrics") || HandlerType.OPTIONS.equals(ctx.method())) {
            return;
        }
        boolean write = !HandlerType.GET.equals(ctx.method()) && !HandlerType.HEAD.equals(ctx.method());
        int perMinute = write ? limits.writesPerMinute() : limits.readsPerMinute();
        if (perMinute <= 0) {
            return;
        }
        String client = clientAddress.of(ctx);
        Bucket bucket = (write ? writes : reads).get(client, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long remaining = probe.getRemainingTokens();
        ctx.header("RateLimit-Limit", Integer.toString(perMinute));
        ctx.header("RateLimit-Remaining", Long.toString(remaining));
        ctx.header("RateLimit-Reset", Long.toString(secondsUntilFull(perMinute, remaining)));
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, "more than " + perMinute + " "
                    + (write ? "writes" : "reads") + " a minute from this client; retry in " + seconds + " s");
        }
    }

    /** With a greedy refill of {@code perMinute} tokens a minute, the whole seconds until the bucket is full. */
    static long secondsUntilFull(int perMinute, long remaining) {
        long missing = perMinute - remaining;
        return missing <= 0 ? 0 : Math.ceilDiv(missing * 60L, perMinute);
    }
}
