package io.slotpoll;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.slotpoll.event.EventHandler;
import io.slotpoll.export.ExportHandler;
import io.slotpoll.guard.Cors;
import io.slotpoll.guard.RateLimiter;
import io.slotpoll.health.HealthHandler;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import io.slotpoll.http.Problems;
import io.slotpoll.http.RequestIds;
import io.slotpoll.http.SecurityHeaders;
import io.slotpoll.http.ServerErrors;
import io.slotpoll.metrics.Metrics;
import io.slotpoll.mail.MailStopHandler;
import io.slotpoll.recovery.RecoveryHandler;
import io.slotpoll.calendarimport.CalendarImportHandler;
import io.slotpoll.participant.ParticipantHandler;
import io.slotpoll.recommendation.RecommendationHandler;
import io.slotpoll.web.WebAssets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The whole route table and the one place failures become problem+json. */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("io.slotpoll.access");
    /** Seconds a client should wait before retrying while the database is unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    private HttpApi() {
    }

    /** The handlers the routes are bound to. */
    public record Handlers(EventHandler events, ParticipantHandler participants, ExportHandler export,
            RecommendationHandler recommendations, HealthHandler health, RateLimiter rateLimiter, Cors cors,
            Metrics metrics, WebAssets web, CalendarImportHandler calendarImport, RecoveryHandler recovery,
            MailStopHandler mailStop) {
    }

    public static Javalin create(Handlers h, Problems problems, ServerErrors serverErrors, SecurityHeaders headers) {
        return Javalin.create(cfg -> {
            cfg.jetty.modifyServer(server -> server.setErrorHandler(serverErrors));
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(serverErrors));
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.prefer405over404 = true;
            cfg.router.ignoreTrailingSlashes = true;
            // Runs on the request's thread, where RequestIds.assign put the id in the MDC.
            cfg.requestLogger.http((ctx, ms) -> {
                String method = ctx.method().name();
                String route = route(ctx);
                h.metrics().request(method, route, ctx.statusCode(), ms);
                ACCESS.info("{} {} {} {}ms", kv("method", method), kv("route", route),
                        kv("status", ctx.statusCode()), kv("latencyMs", Math.round(ms)));
                MDC.remove(RequestIds.MDC_KEY);
            });

            cfg.routes.before(RequestIds::assign);
            cfg.routes.before(ctx -> headers.all().forEach(ctx::header));
            cfg.routes.before(h.cors()::headers);
            cfg.routes.before(h.cors()::preflight);
            cfg.routes.before(h.rateLimiter()::check);

            cfg.routes.post("/api/v1/events", h.events()::create);
            getAndHead(cfg, "/api/v1/events/{eventId}", h.events()::get);
            cfg.routes.patch("/api/v1/events/{eventId}", h.events()::patch);
            cfg.routes.delete("/api/v1/events/{eventId}", h.events()::delete);
            cfg.routes.put("/api/v1/events/{eventId}/final", h.events()::finalize);
            cfg.routes.delete("/api/v1/events/{eventId}/final", h.events()::unfinalize);
            getAndHead(cfg, "/api/v1/events/{eventId}/calendar.ics", h.events()::calendar);
            getAndHead(cfg, "/api/v1/events/{eventId}/feed.ics", h.events()::feed);
            getAndHead(cfg, "/api/v1/events/{eventId}/export.csv", h.export()::csv);
            cfg.routes.post("/api/v1/events/{eventId}/participants", h.participants()::join);
            getAndHead(cfg, "/api/v1/events/{eventId}/participants", h.participants()::list);
            getAndHead(cfg, "/api/v1/events/{eventId}/participants/{participantId}", h.participants()::get);
            cfg.routes.patch("/api/v1/events/{eventId}/participants/{participantId}", h.participants()::patch);
            cfg.routes.delete("/api/v1/events/{eventId}/participants/{participantId}", h.participants()::delete);
            cfg.routes.put("/api/v1/events/{eventId}/participants/{participantId}/availability",
                    h.participants()::replaceAvailability);
            cfg.routes.post("/api/v1/events/{eventId}/availability-from-calendar", h.calendarImport()::fromCalendar);
            getAndHead(cfg, "/api/v1/events/{eventId}/recommendations", h.recommendations()::get);
            getAndHead(cfg, "/api/v1/events/{eventId}/heatmap", h.recommendations()::heatmap);
            cfg.routes.post("/api/v1/link-recovery", h.recovery()::request);
            cfg.routes.post("/api/v1/link-recovery/redeem", h.recovery()::redeem);
            cfg.routes.post("/api/v1/mail-stop/{token}", h.mailStop()::stop);
            getAndHead(cfg, "/health", h.health()::loadBalancer);
            getAndHead(cfg, "/health/live", h.health()::live);
            getAndHead(cfg, "/health/ready", h.health()::ready);
            for (String path : h.web().paths()) {
                getAndHead(cfg, path, h.web()::serve);
            }
            if (h.metrics().scrapes()) {
                cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(h.metrics().scrape().orElseThrow()));
            }

            cfg.routes.exception(ProblemException.class, (e, ctx) -> problems.write(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                String allowed = e.getDetails().get("availableMethods");
                if (e.getStatus() == 405 && allowed != null) {
                    ctx.header("Allow", allowed);
                }
                problems.write(ctx, ProblemType.forStatus(e.getStatus()), frameworkDetail(e, ctx), List.of());
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> unexpected(e, ctx, problems));
            cfg.routes.error(404, ctx -> unlessProblem(ctx, problems, ProblemType.NOT_FOUND,
                    "no resource at " + ctx.method() + " " + ctx.path()));
            cfg.routes.error(405, ctx -> unlessProblem(ctx, problems, ProblemType.METHOD_NOT_ALLOWED,
                    ctx.method() + " is not allowed on " + ctx.path()));
        });
    }

    /**
     * A GET route and the same handler for HEAD. Javalin would otherwise answer a HEAD on
     * any path a GET route matches with an empty 200 without running the handler, so a
     * HEAD of an event that does not exist would say it does. Jetty sends no body for HEAD.
     */
    private static void getAndHead(JavalinConfig cfg, String path, Handler handler) {
        cfg.routes.get(path, handler);
        cfg.routes.head(path, handler);
    }

    /** The route template that answered ({@code /api/v1/events/{eventId}}), never the raw path. */
    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }

    /** A database that cannot be reached is a 503 with Retry-After; anything else unexpected is a logged 500. */
    private static void unexpected(Exception e, Context ctx, Problems problems) {
        if (isConnectionFailure(e)) {
            LOG.warn("database unreachable for request {}: {}", RequestIds.get(ctx), e.toString());
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            problems.write(ctx, ProblemType.UNAVAILABLE, "the database is unreachable; retry shortly", List.of());
            return;
        }
        LOG.error("request {} {} {} failed", RequestIds.get(ctx), ctx.method(), ctx.path(), e);
        problems.write(ctx, ProblemType.INTERNAL,
                "unexpected error; quote request id " + RequestIds.get(ctx) + " when reporting it", List.of());
    }

    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static void unlessProblem(Context ctx, Problems problems, ProblemType type, String detail) {
        String contentType = ctx.res().getContentType();
        if (contentType == null || !contentType.startsWith(Problems.CONTENT_TYPE)) {
            problems.write(ctx, type, detail, List.of());
        }
    }

    private static String frameworkDetail(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "no resource at " + ctx.method() + " " + ctx.path();
            case 405 -> ctx.method() + " is not allowed on " + ctx.path();
            default -> e.getMessage();
        };
    }
}
