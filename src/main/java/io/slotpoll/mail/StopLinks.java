package io.slotpoll.mail;

import static io.slotpoll.db.schema.Tables.EVENT;
import static io.slotpoll.db.schema.Tables.MAIL_KEY;
import static io.slotpoll.db.schema.Tables.MAIL_STOP;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * "Stop mail for this event" links. A link carries {@code {eventId}.{mac}}, where the mac is
 * HMAC-SHA-256 of the event id and the address under the fleet's key (made once in the
 * database by the first instance to start, read by every other): only a mail to that
 * address holds its link, and the stop table keeps the mac, not the address. A stop is
 * checked when a mail is sent, so mail already queued stops too.
 */
public final class StopLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int KEY_ROW = 1;

    private final byte[] key;

    private StopLinks(byte[] key) {
        this.key = key.clone();
    }

    /** The fleet's key: made if no instance made it yet, then read (every instance ends with the same one). */
    public static StopLinks load(DSLContext dsl) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        dsl.insertInto(MAIL_KEY).set(MAIL_KEY.ID, KEY_ROW).set(MAIL_KEY.SECRET, fresh).onDuplicateKeyIgnore().execute();
        return new StopLinks(dsl.select(MAIL_KEY.SECRET).from(MAIL_KEY).where(MAIL_KEY.ID.eq(KEY_ROW))
                .fetchSingle(MAIL_KEY.SECRET));
    }

    /** The token of a stop link for {@code address} on {@code eventId}. */
    public String token(String eventId, String address) {
        return eventId + "." + ENCODER.encodeToString(mac(eventId, address));
    }

    /**
     * Records a stop from a link's token. False when the token is malformed or its event does
     * not exist; a well-formed token for an address that never had mail stops nothing anyone gets.
     */
    public boolean stop(DSLContext dsl, String token, Instant now) {
        Optional<Parsed> parsed = parse(token);
        if (parsed.isEmpty()) {
            return false;
        }
        return dsl.insertInto(MAIL_STOP).select(dsl.select(EVENT.ID,
                        DSL.val(parsed.get().mac()), DSL.val(now, MAIL_STOP.CREATED_AT))
                .from(EVENT)
                .where(EVENT.ID.eq(parsed.get().eventId())))
                .onDuplicateKeyIgnore().execute() > 0
                || dsl.fetchExists(MAIL_STOP, MAIL_STOP.EVENT_ID.eq(parsed.get().eventId())
                        .and(MAIL_STOP.ADDRESS_MAC.eq(parsed.get().mac())));
    }

    /** Whether {@code address} stopped mail from {@code eventId}. */
    public boolean stopped(DSLContext dsl, String eventId, String address) {
        return dsl.fetchExists(MAIL_STOP, MAIL_STOP.EVENT_ID.eq(eventId).and(MAIL_STOP.ADDRESS_MAC.eq(mac(eventId, address))));
    }

    @SuppressWarnings("ArrayRecordComponent") // a mac read from a link, only inserted and looked up
    private record Parsed(String eventId, byte[] mac) {
    }

    private static Optional<Parsed> parse(String token) {
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 32 || token.length() - dot - 1 != 43) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(token.substring(0, dot), Base64.getUrlDecoder().decode(token.substring(dot + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String eventId, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("stop\n" + eventId + "\n" + address).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
