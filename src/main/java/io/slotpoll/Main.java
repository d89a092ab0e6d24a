package io.slotpoll;

import io.slotpoll.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the environment, opens the database, starts the HTTP server, and stops both on shutdown. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (Config.ConfigException e) {
            System.err.println("slotpoll: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("starting slotpoll on port {} with {}", config.port(),
                config.database().map(db -> "database " + db.url()).orElse("the embedded database in " + config.dataDir()));
        Database database = Database.open(config);
        App app = App.start(database, config.port(), config.options());
        LOG.info("slotpoll is serving on port {}", app.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down: draining {} s, then up to {} s for requests in flight",
                    config.drain().toSeconds(), config.grace().toSeconds());
            app.close();
            database.close();
            LOG.info("stopped: requests in flight finished, database pool closed");
        }, "slotpoll-shutdown"));
    }
}
