package io.slotpoll.recovery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.slotpoll.auth.Secrets;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Link recovery. A request is counted against the address and against the client (each in
 * this instance's memory, like the other rate limits) whether or not the address is known,
 * so neither the answer nor the limit tells them apart. This instance sends no mail, so a
 * request sends nothing and no code exists to redeem.
 */
public final class RecoveryService {

    /** Requests one address may make in an hour, and one client (whatever the addresses). */
    public static final int PER_ADDRESS_PER_HOUR = 5;
    public static final int PER_CLIENT_PER_HOUR = 20;
    private static final int TRACKED_MAX = 100_000;

    private final Cache<String, Bucket> addresses = buckets();
    private final Cache<String, Bucket> clients = buckets();

    private static Cache<String, Bucket> buckets() {
        return Caffeine.newBuilder().maximumSize(TRACKED_MAX).expireAfterAccess(Duration.ofHours(1)).build();
    }

    /** Asks for the links of {@code address} (already checked) from {@code client}; 429 past either limit. */
    void request(String address, String client) {
        // the address is kept only as a hash, even in memory
        take(addresses, HexFormat.of().formatHex(Secrets.hash(address.toLowerCase(Locale.ROOT))), PER_ADDRESS_PER_HOUR,
                "this address");
        take(clients, client, PER_CLIENT_PER_HOUR, "this client");
    }

    /** No code is ever issued while mail is off: every code is wrong or expired. */
    @SuppressWarnings("DoNotCallSuggester") // it answers every call, with 410, until mail issues codes
    void redeem(String code) {
        throw new ProblemException(ProblemType.CODE_EXPIRED, "this code is wrong, used or expired (codes are valid for"
                + " 60 minutes, once); ask for a new one at POST /api/v1/link-recovery");
    }

    private static void take(Cache<String, Bucket> buckets, String key, int perHour, String who) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1))).build());
        if (!bucket.tryConsume(1)) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, "more than " + perHour
                    + " link recovery requests an hour for " + who + "; try again later");
        }
    }
}
