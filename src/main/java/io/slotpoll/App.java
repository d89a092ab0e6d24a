package io.slotpoll;

import io.javalin.Javalin;
import io.slotpoll.algorithm.SlotMatcher;
import io.slotpoll.db.Database;
import io.slotpoll.event.EventHandler;
import io.slotpoll.event.EventRepository;
import io.slotpoll.event.EventService;
import io.slotpoll.guard.Cors;
import io.slotpoll.guard.RateLimiter;
import io.slotpoll.health.HealthHandler;
import io.slotpoll.http.Json;
import io.slotpoll.http.JsonIo;
import io.slotpoll.http.Problems;
import io.slotpoll.http.ServerErrors;
import io.slotpoll.idempotency.Idempotency;
import io.slotpoll.metrics.Metrics;
import io.slotpoll.participant.ParticipantHandler;
import io.slotpoll.participant.ParticipantRepository;
import io.slotpoll.participant.ParticipantService;
import io.slotpoll.recommendation.RecommendationHandler;
import io.slotpoll.recommendation.RecommendationService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running slotpoll: the object graph over one database, serving HTTP. Tests start it too. */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(15);

    /** The default size of the recommendation cache. */
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;
    /** The default most participants one event may have. */
    public static final int DEFAULT_MAX_PARTICIPANTS = 2000;

    /**
     * What the service does beyond the contract, each from the environment in production.
     *
     * @param cacheBytes      bounds the recommendation cache, 0 turns it off
     * @param maxParticipants the most participants one event may have
     * @param rateLimits      per-client request limits
     * @param trustProxy      take the client address from {@code X-Forwarded-For}
     * @param corsOrigins     origins allowed to read answers in a browser; empty turns CORS off
     * @param drain           on close, how long {@code /health} reports draining before the listener closes
     * @param grace           on close, how long in-flight requests may take to finish
     * @param clock           the time every write is stamped with
     * @param metrics         where meters go; {@code /metrics} is served if it keeps a Prometheus scrape
     */
    public record Options(String publicBaseUrl, long cacheBytes, int maxParticipants, RateLimiter.Limits rateLimits,
            boolean trustProxy, List<String> corsOrigins, Duration drain, Duration grace, Clock clock, Metrics metrics) {

        /** No rate limits, no CORS, no drain delay, a 20 s grace and the default cache and limits. */
        public static Options defaults(String publicBaseUrl) {
            return new Options(publicBaseUrl, DEFAULT_CACHE_BYTES, DEFAULT_MAX_PARTICIPANTS, RateLimiter.Limits.OFF,
                    false, List.of(), Duration.ZERO, Duration.ofSeconds(20), Clock.systemUTC(), Metrics.none());
        }

        public Options withCacheBytes(long bytes) {
            return new Options(publicBaseUrl, bytes, maxParticipants, rateLimits, trustProxy, corsOrigins, drain, grace, clock, metrics);
        }

        public Options withMaxParticipants(int max) {
            return new Options(publicBaseUrl, cacheBytes, max, rateLimits, trustProxy, corsOrigins, drain, grace, clock, metrics);
        }

        public Options withRateLimits(RateLimiter.Limits limits, boolean trust) {
            return new Options(publicBaseUrl, cacheBytes, maxParticipants, limits, trust, corsOrigins, drain, grace, clock, metrics);
        }

        public Options withCorsOrigins(List<String> origins) {
            return new Options(publicBaseUrl, cacheBytes, maxParticipants, rateLimits, trustProxy, origins, drain, grace, clock, metrics);
        }

        public Options withShutdown(Duration drainFor, Duration graceFor) {
            return new Options(publicBaseUrl, cacheBytes, maxParticipants, rateLimits, trustProxy, corsOrigins, drainFor,
                    graceFor, clock, metrics);
        }

        public Options withMetrics(Metrics to) {
            return new Options(publicBaseUrl, cacheBytes, maxParticipants, rateLimits, trustProxy, corsOrigins, drain, grace,
                    clock, to);
        }

        public Options withClock(Clock at) {
            return new Options(publicBaseUrl, cacheBytes, maxParticipants, rateLimits, trustProxy, corsOrigins, drain, grace, at, metrics);
        }
    }

    private final Javalin server;
    private final Database database;
    private final Options options;
    private final AtomicBoolean draining;
    private final ScheduledExecutorService housekeeping;

    private App(Javalin server, Database database, Options options, AtomicBoolean draining,
            ScheduledExecutorService housekeeping) {
        this.server = server;
        this.database = database;
        this.options = options;
        this.draining = draining;
        this.housekeeping = housekeeping;
    }

    /** {@link #start(Database, int, Options)} with the default options. */
    public static App start(Database database, String publicBaseUrl, int port) {
        return start(database, port, Options.defaults(publicBaseUrl));
    }

    /** Builds every object over {@code database} and starts serving on {@code port} (0 picks a free one). */
    public static App start(Database database, int port, Options options) {
        JsonIo json = new JsonIo(Json.newMapper());
        Clock clock = options.clock();
        EventRepository events = new EventRepository();
        ParticipantRepository participants = new ParticipantRepository();
        Idempotency idempotency = new Idempotency(database.dsl(), clock);
        AtomicBoolean draining = new AtomicBoolean();
        HttpApi.Handlers handlers = new HttpApi.Handlers(
                new EventHandler(new EventService(database.dsl(), events, participants, clock), json,
                        options.publicBaseUrl(), idempotency),
                new ParticipantHandler(new ParticipantService(database.dsl(), events, participants, clock,
                        options.maxParticipants()), json, idempotency),
                new RecommendationHandler(new RecommendationService(database.dsl(), events, participants,
                        new SlotMatcher(), json.mapper(), options.cacheBytes(), options.metrics().registry())),
                new HealthHandler(database, json, draining::get),
                new RateLimiter(options.rateLimits(), options.trustProxy()),
                new Cors(options.corsOrigins()),
                options.metrics());
        Javalin server = HttpApi.create(handlers, new Problems(json.mapper()), new ServerErrors(json.mapper()));
        server.start("0.0.0.0", port);
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("slotpoll-housekeeping").daemon().factory());
        // purge() catches and logs its own failures, so the future never holds one to read;
        // close() ends the schedule by shutting the executor down.
        ScheduledFuture<?> unused = housekeeping.scheduleWithFixedDelay(() -> purge(idempotency), 0,
                PURGE_EVERY.toSeconds(), TimeUnit.SECONDS);
        return new App(server, database, options, draining, housekeeping);
    }

    private static void purge(Idempotency idempotency) {
        try {
            int purged = idempotency.purgeExpired();
            if (purged > 0) {
                LOG.info("purged {} expired idempotency keys", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not purge expired idempotency keys: {}", e.toString());
        }
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return database;
    }

    /**
     * Stops gracefully: {@code /health} answers 503 for the drain delay, so the load balancer
     * stops routing here while requests are still served; then the listener closes (new
     * connections are refused) and requests in flight get up to the grace period to finish
     * on their open connections before the server stops. The caller owns and closes the
     * database, after this returns.
     */
    @Override
    public void close() {
        if (!draining.getAndSet(true) && !options.drain().isZero()) {
            LOG.info("draining for {} ms before closing the listener", options.drain().toMillis());
            sleep(options.drain().toMillis());
        }
        housekeeping.shutdownNow();
        Server jetty = server.jettyServer().server();
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof NetworkConnector listener) {
                listener.close();
            }
        }
        StatisticsHandler requests = jetty.getDescendant(StatisticsHandler.class);
        long deadline = System.nanoTime() + options.grace().toNanos();
        while (requests != null && requests.getRequestsActive() > 0 && System.nanoTime() < deadline) {
            sleep(20);
        }
        if (requests != null && requests.getRequestsActive() > 0) {
            LOG.warn("{} requests still in flight after the {} s grace period; stopping anyway",
                    requests.getRequestsActive(), options.grace().toSeconds());
        }
        server.stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
