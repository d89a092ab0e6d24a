package io.slotpoll.http;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a short token
 * of safe characters, else a fresh random one. It is echoed in the response header,
 * put in problem bodies and logged, so one id ties a client report to a log line.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key under which log lines written while serving a request carry its id. */
    public static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "slotpoll.requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : generate();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    public static String get(Context ctx) {
        Object id = ctx.attribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    private static String generate() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
