package io.slotpoll;

import io.javalin.Javalin;
import io.slotpoll.algorithm.SlotMatcher;
import io.slotpoll.db.Database;
import io.slotpoll.event.EventHandler;
import io.slotpoll.event.EventRepository;
import io.slotpoll.event.EventService;
import io.slotpoll.health.HealthHandler;
import io.slotpoll.http.Json;
import io.slotpoll.http.JsonIo;
import io.slotpoll.http.Problems;
import io.slotpoll.http.ServerErrors;
import io.slotpoll.participant.ParticipantHandler;
import io.slotpoll.participant.ParticipantRepository;
import io.slotpoll.participant.ParticipantService;
import io.slotpoll.recommendation.RecommendationHandler;
import io.slotpoll.recommendation.RecommendationService;
import java.time.Clock;

/** A running slotpoll: the object graph over one database, serving HTTP. Tests start it too. */
public final class App implements AutoCloseable {

    private final Javalin server;
    private final Database database;

    private App(Javalin server, Database database) {
        this.server = server;
        this.database = database;
    }

    /** The default size of the recommendation cache. */
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

    /** {@link #start(Database, String, int, long)} with the default cache. */
    public static App start(Database database, String publicBaseUrl, int port) {
        return start(database, publicBaseUrl, port, DEFAULT_CACHE_BYTES);
    }

    /**
     * Builds every object over {@code database} and starts serving on {@code port} (0 picks
     * a free one); {@code cacheBytes} bounds the recommendation cache, 0 turns it off.
     */
    public static App start(Database database, String publicBaseUrl, int port, long cacheBytes) {
        JsonIo json = new JsonIo(Json.newMapper());
        Clock clock = Clock.systemUTC();
        EventRepository events = new EventRepository();
        ParticipantRepository participants = new ParticipantRepository();
        HttpApi.Handlers handlers = new HttpApi.Handlers(
                new EventHandler(new EventService(database.dsl(), events, participants, clock), json, publicBaseUrl),
                new ParticipantHandler(new ParticipantService(database.dsl(), events, participants, clock), json),
                new RecommendationHandler(new RecommendationService(database.dsl(), events, participants,
                        new SlotMatcher(), json.mapper(), cacheBytes)),
                new HealthHandler(database, json));
        Javalin server = HttpApi.create(handlers, new Problems(json.mapper()), new ServerErrors(json.mapper()));
        server.start("0.0.0.0", port);
        return new App(server, database);
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return database;
    }

    /** Stops serving; the caller owns and closes the database. */
    @Override
    public void close() {
        server.stop();
    }
}
