package io.slotpoll;

import io.javalin.Javalin;
import io.slotpoll.algorithm.SlotMatcher;
import io.slotpoll.db.Database;
import io.slotpoll.event.EventHandler;
import io.slotpoll.event.EventLinks;
import io.slotpoll.event.EventRepository;
import io.slotpoll.event.EventService;
import io.slotpoll.export.ExportHandler;
import io.slotpoll.guard.ClientAddress;
import io.slotpoll.guard.Cors;
import io.slotpoll.guard.RateLimiter;
import io.slotpoll.health.HealthHandler;
import io.slotpoll.http.Json;
import io.slotpoll.http.JsonIo;
import io.slotpoll.http.Problems;
import io.slotpoll.http.SecurityHeaders;
import io.slotpoll.http.ServerErrors;
import io.slotpoll.idempotency.Idempotency;
import io.slotpoll.metrics.Metrics;
import io.slotpoll.participant.ParticipantHandler;
import io.slotpoll.participant.ParticipantRepository;
import io.slotpoll.participant.ParticipantService;
import io.slotpoll.recommendation.RecommendationHandler;
import io.slotpoll.calendar.FeedFetcher;
import io.slotpoll.calendarimport.CalendarImportHandler;
import io.slotpoll.calendarimport.CalendarImportService;
import io.slotpoll.recommendation.RecommendationService;
import io.slotpoll.recovery.RecoveryHandler;
import io.slotpoll.recovery.RecoveryService;
import io.slotpoll.mail.MailStopHandler;
import io.slotpoll.mail.MailTransport;
import io.slotpoll.mail.Mailer;
import io.slotpoll.mail.Outbox;
import io.slotpoll.mail.Sender;
import io.slotpoll.mail.SesTransport;
import io.slotpoll.mail.SmtpTransport;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import io.slotpoll.mail.SenderLoop;
import io.slotpoll.mail.StopLinks;
import io.slotpoll.participant.ParticipantLetters;
import java.util.Map;
import java.util.Optional;
import io.slotpoll.recommendation.RecommendationsView;
import io.slotpoll.web.WebAssets;
import java.time.Clock;
import java.time.Duration;
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
    /** How long an ended outbox row is kept (the daily caps read the last day of it). */
    static final Duration MAIL_KEPT = Duration.ofDays(7);

    private final Javalin server;
    private final Database database;
    private final Config.Shutdown shutdown;
    private final AtomicBoolean draining;
    private final ScheduledExecutorService housekeeping;
    private final Optional<SenderLoop> sender;

    private App(Javalin server, Database database, Config.Shutdown shutdown, AtomicBoolean draining,
            ScheduledExecutorService housekeeping, Optional<SenderLoop> sender) {
        this.sender = sender;
        this.server = server;
        this.database = database;
        this.shutdown = shutdown;
        this.draining = draining;
        this.housekeeping = housekeeping;
    }

    /** {@link #start(Database, Config, Clock, Metrics)} on the system clock, without metrics. */
    public static App start(Database database, Config config) {
        return start(database, config, Clock.systemUTC(), Metrics.none());
    }

    /**
     * Builds every object over {@code database} as {@code config} says and starts serving on
     * its port (0 picks a free one). Writes are stamped by {@code clock}; meters go to
     * {@code metrics}, and {@code /metrics} is served if it keeps a Prometheus scrape.
     */
    public static App start(Database database, Config config, Clock clock, Metrics metrics) {
        return start(database, config, clock, metrics, FeedFetcher.Network.internet());
    }

    /**
     * As {@link #start(Database, Config, Clock, Metrics)}, with calendar feeds fetched over
     * {@code feeds}: only tests pass anything but {@link FeedFetcher.Network#internet()} (to reach
     * their own HTTPS server on loopback); no configuration value can.
     */
    public static App start(Database database, Config config, Clock clock, Metrics metrics, FeedFetcher.Network feeds) {
        return start(database, config, clock, metrics, feeds, transport(config.mail()));
    }

    /**
     * As above, with mail sent through {@code transport} (empty: mail is off). Only tests pass
     * their own: the real SES client pointed at a local stub.
     */
    public static App start(Database database, Config config, Clock clock, Metrics metrics, FeedFetcher.Network feeds,
            Optional<MailTransport> transport) {
        JsonIo json = new JsonIo(Json.newMapper());
        EventRepository events = new EventRepository();
        ParticipantRepository participants = new ParticipantRepository();
        Idempotency idempotency = new Idempotency(database.dsl(), clock, json.mapper());
        AtomicBoolean draining = new AtomicBoolean();
        String baseUrl = config.http().publicBaseUrl();
        ClientAddress clientAddress = config.http().trustProxy() ? ClientAddress.LAST_FORWARDED : ClientAddress.PEER;
        EventLinks links = new EventLinks(baseUrl);
        Outbox outbox = new Outbox();
        Mailer mailer = transport.isEmpty() ? Mailer.off()
                : Mailer.on(config.mail().from(), baseUrl, outbox, StopLinks.load(database.dsl()), clock,
                        config.mail().digest());
        ParticipantLetters participantLetters = new ParticipantLetters(mailer, events, participants, links);
        ParticipantService participantService = new ParticipantService(database.dsl(), events, participants, clock,
                config.limits().maxParticipants(), mailer, participantLetters);
        RecoveryService recovery = new RecoveryService(database.dsl(), mailer, links, clock);
        HttpApi.Handlers handlers = new HttpApi.Handlers(
                new EventHandler(new EventService(database.dsl(), events, clock, mailer, links), json, links,
                        idempotency),
                new ParticipantHandler(participantService, json, idempotency, links),
                new ExportHandler(participantService),
                new RecommendationHandler(new RecommendationService(database.dsl(), events, participants,
                        new SlotMatcher(), new RecommendationsView(json.mapper()), config.limits().cacheBytes(), metrics.registry())),
                new HealthHandler(database, json, draining::get),
                new RateLimiter(config.http().rateLimits(), clientAddress),
                new Cors(config.http().corsOrigins()),
                metrics,
                WebAssets.load(mailer.isOn()),
                new CalendarImportHandler(new CalendarImportService(database.dsl(), events, new FeedFetcher(feeds)), json),
                new RecoveryHandler(recovery, json, clientAddress),
                new MailStopHandler(mailer, database.dsl(), clock));
        SecurityHeaders headers = SecurityHeaders.forBaseUrl(baseUrl);
        Javalin server = HttpApi.create(handlers, new Problems(json.mapper()), new ServerErrors(json.mapper(), headers),
                headers);
        server.start("0.0.0.0", config.http().port());
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("slotpoll-housekeeping").daemon().factory());
        // purge() catches and logs its own failures, so the future never holds one to read;
        // close() ends the schedule by shutting the executor down.
        ScheduledFuture<?> unused = housekeeping.scheduleWithFixedDelay(() -> purge(idempotency), 0,
                PURGE_EVERY.toSeconds(), TimeUnit.SECONDS);
        Optional<SenderLoop> sender = transport.map(t -> {
            Sender s = new Sender(database.dsl(), outbox, mailer, t, Map.of(ParticipantLetters.DIGEST,
                    participantLetters.digestComposer(), RecoveryService.KIND, recovery.composer()),
                    new Sender.Caps(config.mail().perAddressDaily(), config.mail().perEventDaily()), clock,
                    metrics.registry());
            ScheduledFuture<?> unusedPurge = housekeeping.scheduleWithFixedDelay(() -> purgeMail(database, outbox,
                    recovery, clock), 1, PURGE_EVERY.toSeconds(), TimeUnit.SECONDS);
            return SenderLoop.start(s, t);
        });
        return new App(server, database, config.shutdown(), draining, housekeeping, sender);
    }

    /** The configured mail transport: SMTP, SES v2 (its own retries off: the outbox retries), or none. */
    private static Optional<MailTransport> transport(Config.Mail mail) {
        return mail.transport().map(t -> switch (t) {
            case Config.Smtp smtp -> new SmtpTransport(smtp.server());
            case Config.Ses ses -> new SesTransport(SesV2Client.builder().region(Region.of(ses.region()))
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build(), mail.from());
        });
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

    /** Outbox rows that ended more than {@link #MAIL_KEPT} ago, and recovery codes expired a day ago. */
    private static void purgeMail(Database database, Outbox outbox, RecoveryService recovery, Clock clock) {
        try {
            int rows = 0;
            int batch;
            do {
                batch = outbox.purge(database.dsl(), clock.instant().minus(MAIL_KEPT), 10_000);
                rows += batch;
            } while (batch == 10_000);
            int codes = recovery.purgeExpired(clock.instant().minus(Duration.ofDays(1)));
            if (rows + codes > 0) {
                LOG.info("purged {} ended outbox rows and {} expired recovery codes", rows, codes);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not purge old outbox rows: {}", e.toString());
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
        if (!draining.getAndSet(true) && !shutdown.drain().isZero()) {
            LOG.info("draining for {} ms before closing the listener", shutdown.drain().toMillis());
            sleep(shutdown.drain().toMillis());
        }
        housekeeping.shutdownNow();
        sender.ifPresent(SenderLoop::close);
        Server jetty = server.jettyServer().server();
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof NetworkConnector listener) {
                listener.close();
            }
        }
        StatisticsHandler requests = jetty.getDescendant(StatisticsHandler.class);
        long deadline = System.nanoTime() + shutdown.grace().toNanos();
        while (requests != null && requests.getRequestsActive() > 0 && System.nanoTime() < deadline) {
            sleep(20);
        }
        if (requests != null && requests.getRequestsActive() > 0) {
            LOG.warn("{} requests still in flight after the {} s grace period; stopping anyway",
                    requests.getRequestsActive(), shutdown.grace().toSeconds());
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
