package io.slotpoll.recommendation;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import io.slotpoll.problem.Errors;
import io.slotpoll.text.Text;
import io.slotpoll.http.EntityTags;
import io.slotpoll.http.PathIds;
import io.slotpoll.http.TimeFields;
import io.slotpoll.time.TimeBound;
import io.slotpoll.time.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * {@code GET /api/v1/events/{id}/recommendations} and {@code .../heatmap}: validates the query,
 * derives the ETag from the answer's event version, and answers 200 (gzip when accepted) or 304.
 */
public final class RecommendationHandler {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_MIN_AVAILABLE = 1_000_000;

    private final RecommendationService service;

    public RecommendationHandler(RecommendationService service) {
        this.service = service;
    }

    public void get(Context ctx) {
        Errors errors = new Errors();
        int limit = integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        int minAvailable = integer(ctx, "minAvailable", 0, 0, MAX_MIN_AVAILABLE, errors);
        Optional<ZoneId> zone = zone(ctx, errors);
        errors.throwIfAny();
        Query query = new Query(limit, minAvailable, zone);
        LongFunction<String> etagOf = version -> etag(version, query);
        send(ctx, service.recommend(PathIds.event(ctx), query, current(ctx, etagOf)), etagOf);
    }

    /** {@code GET .../heatmap}: {@code from}/{@code to} are instants with an offset; {@code members} true or false. */
    public void heatmap(Context ctx) {
        Errors errors = new Errors();
        Optional<ZoneId> zone = zone(ctx, errors);
        Optional<Instant> from = instant(ctx, "from", errors);
        Optional<Instant> to = instant(ctx, "to", errors);
        boolean members = true;
        String flag = ctx.queryParam("members");
        if (flag != null) {
            switch (flag) {
                case "true" -> members = true;
                case "false" -> members = false;
                default -> errors.add("members", "must be true or false (was " + Text.shorten(flag) + ")");
            }
        }
        errors.throwIfAny();
        HeatmapQuery query = new HeatmapQuery(zone, from, to, members);
        LongFunction<String> etagOf = version -> heatmapEtag(version, query);
        send(ctx, service.heatmap(PathIds.event(ctx), query, current(ctx, etagOf)), etagOf);
    }

    /** Whether the client's {@code If-None-Match} names the ETag of this version of the answer. */
    private static LongPredicate current(Context ctx, LongFunction<String> etagOf) {
        String ifNoneMatch = ctx.header("If-None-Match");
        return version -> EntityTags.noneMatchHits(ifNoneMatch, etagOf.apply(version));
    }

    /** Derived from the event version and the normalised query: any change to either changes it. */
    static String etag(long version, Query query) {
        return EntityTags.strong(version + "-" + query.limit() + "-" + query.minAvailable() + "-"
                + query.zone().map(ZoneId::getId).orElse("utc"));
    }

    /** Derived from the event version and the normalised heatmap query. */
    static String heatmapEtag(long version, HeatmapQuery query) {
        return EntityTags.strong("h-" + version + "-" + query.zone().map(ZoneId::getId).orElse("utc") + "-"
                + query.from().map(Times::utc).orElse("") + "-" + query.to().map(Times::utc).orElse("") + "-"
                + (query.members() ? "m" : "c"));
    }

    private static void send(Context ctx, AnswerCache.Served answer, LongFunction<String> etagOf) {
        ctx.header("ETag", etagOf.apply(answer.version()));
        ctx.header("Cache-Control", "no-cache");
        if (answer.body().isEmpty()) {
            ctx.status(304);
            return;
        }
        AnswerBody body = answer.body().get();
        ctx.status(200);
        ctx.contentType("application/json");
        ctx.header("Vary", "Accept-Encoding");
        if (body.json().length >= AnswerBody.GZIP_MIN_BYTES && acceptsGzip(ctx.header("Accept-Encoding"))) {
            // The gzip form is made once per cached answer; the server must not compress it again.
            ctx.disableCompression();
            ctx.header("Content-Encoding", "gzip");
            ctx.result(body.gzip());
            return;
        }
        ctx.result(body.json());
    }

    /** Whether {@code Accept-Encoding} lists gzip (or *) without {@code q=0}. */
    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String item : header.split(",", -1)) {
            String[] parts = item.trim().split(";", -1);
            String coding = parts[0].trim();
            if (!coding.equalsIgnoreCase("gzip") && !coding.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim().replace(" ", "");
                refused |= p.equalsIgnoreCase("q=0") || p.matches("(?i)q=0\\.0{0,3}");
            }
            return !refused;
        }
        return false;
    }

    private static Optional<ZoneId> zone(Context ctx, Errors errors) {
        return TimeFields.queryZone(ctx.queryParam("timezone"), errors);
    }

    /** An instant with an offset ({@code 2025-01-14T23:00:00Z}); a local time names no instant here. */
    private static Optional<Instant> instant(Context ctx, String name, Errors errors) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return Optional.empty();
        }
        if (TimeBound.read(text) instanceof TimeBound.Bound(TimeBound.At(Instant instant))) {
            return Optional.of(instant);
        }
        errors.add(name, "must be an RFC 3339 instant with an offset on a whole minute, such as 2025-01-14T23:00:00Z"
                + " (was " + Text.shorten(text) + ")");
        return Optional.empty();
    }

    /**
     * A whole-number query parameter, converted and range-checked by Javalin's validator;
     * absent is {@code fallback}, anything else invalid is recorded under the parameter's name.
     */
    private static int integer(Context ctx, String name, int fallback, int min, int max, Errors errors) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        Validator<Integer> value = ctx.queryParamAsClass(name, Integer.class)
                .check(v -> v >= min && v <= max, "out of range");
        if (!value.errors().isEmpty()) {
            errors.add(name, "must be an integer between " + min + " and " + max + " (was "
                    + (text.length() <= 20 ? text : text.substring(0, 20) + "...") + ")");
            return fallback;
        }
        return value.get();
    }
}
