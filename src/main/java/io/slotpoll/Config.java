package io.slotpoll;

import io.slotpoll.guard.RateLimiter;
import io.slotpoll.mail.EmailAddress;
import io.slotpoll.mail.SmtpTransport;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration read once from the environment, validated before anything starts, as one
 * tree of records: what the HTTP edge needs, where the database is, the per-event limits,
 * how to shut down, what comes from AWS, and where metrics go. A blank variable counts as
 * unset. Every message names the variable at fault. The README lists every variable.
 *
 * @param logFormat {@code LOG_FORMAT}, {@code json} (default, one JSON object per line) or {@code text}
 */
public record Config(Http http, Db db, Limits limits, Shutdown shutdown, Aws aws, Metrics metrics, Mail mail,
        String logFormat) {

    /**
     * The HTTP edge.
     *
     * @param port          {@code PORT}, 0..65535 (0 picks a free port), default 8080
     * @param publicBaseUrl {@code PUBLIC_BASE_URL}, absolute http(s) URL for links, default {@code http://localhost:$PORT}
     * @param rateLimits    {@code RATE_LIMIT_READS_PER_MINUTE} (default 600) and {@code RATE_LIMIT_WRITES_PER_MINUTE}
     *                      (default 60) per client, 0..1000000; 0 turns a limit off
     * @param trustProxy    {@code TRUST_PROXY}: take the client address from {@code X-Forwarded-For}
     * @param corsOrigins   {@code CORS_ALLOWED_ORIGINS}, comma-separated origins; empty (default) turns CORS off
     */
    public record Http(int port, String publicBaseUrl, RateLimiter.Limits rateLimits, boolean trustProxy,
            List<String> corsOrigins) {
    }

    /**
     * Where the database is.
     *
     * @param jdbc     {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}; empty means the embedded database
     *                 (or, with {@code DB_SECRET_ID}, the host the secret names)
     * @param poolSize {@code DB_POOL_SIZE}, 1..200, default 10
     * @param dataDir  {@code SLOTPOLL_DATA_DIR}, where the embedded database keeps its files, default {@code ./data}
     */
    public record Db(Optional<Jdbc> jdbc, int poolSize, Path dataDir) {
    }

    /**
     * What one event may hold and what the service keeps in memory.
     *
     * @param maxParticipants {@code PARTICIPANTS_PER_EVENT_MAX}, 1..100000, default 2000
     * @param cacheBytes      {@code RECOMMENDATION_CACHE_MB}, 0..4096 MiB, default 64; 0 turns the cache off
     */
    public record Limits(int maxParticipants, long cacheBytes) {
    }

    /**
     * How a stop drains.
     *
     * @param drain {@code SHUTDOWN_DRAIN_SECONDS}, 0..300, default 0: on SIGTERM, how long {@code /health}
     *              answers 503 before the listener closes
     * @param grace {@code SHUTDOWN_GRACE_SECONDS}, 0..300, default 20: how long in-flight requests may finish
     */
    public record Shutdown(Duration drain, Duration grace) {
    }

    /**
     * What comes from AWS.
     *
     * @param dbSecretId          {@code DB_SECRET_ID}: a Secrets Manager secret (id or ARN) with the database
     *                            login, in the JSON RDS writes; excludes {@code DB_USER} and {@code DB_PASSWORD}
     * @param cloudwatchNamespace {@code CLOUDWATCH_NAMESPACE}: publish metrics to CloudWatch under it
     */
    public record Aws(Optional<String> dbSecretId, Optional<String> cloudwatchNamespace) {
    }

    /**
     * Where metrics go besides CloudWatch.
     *
     * @param prometheus {@code METRICS_PROMETHEUS}, {@code true} or {@code false} (default): serve {@code /metrics}
     */
    public record Metrics(boolean prometheus) {
    }

    /**
     * Mail, off unless a transport and {@code MAIL_FROM} are set.
     *
     * @param transport      {@code SMTP_URL} (with {@code SMTP_USER}, {@code SMTP_PASSWORD}) or {@code SES_REGION};
     *                       empty: no mail
     * @param from           {@code MAIL_FROM}, the sender address (required with a transport, refused without)
     * @param perAddressDaily {@code MAIL_PER_ADDRESS_DAILY}, 1..10000, default 20: mails one address may get a day
     * @param perEventDaily  {@code MAIL_PER_EVENT_DAILY}, 1..100000, default 500: mails one event may send a day
     * @param digest         {@code NOTIFY_DIGEST_MINUTES}, 0..1440, default 60: how long new answers gather into
     *                       one digest (0: sent as soon as the sender sees them)
     */
    public record Mail(Optional<Transport> transport, String from, int perAddressDaily, int perEventDaily,
            Duration digest) {

        public boolean on() {
            return transport.isPresent();
        }
    }

    /** How mail leaves: SMTP or Amazon SES. */
    public sealed interface Transport permits Smtp, Ses {
    }

    /**
     * An SMTP server: {@code smtps://} is TLS from the first byte (default port 465); otherwise
     * STARTTLS whenever the server offers it (default port 587). The password never appears
     * in {@link #toString()}.
     */
    public record Smtp(SmtpTransport.Server server) implements Transport {
    }

    /** Amazon SES v2 in {@code region}, with credentials from the default AWS chain. */
    public record Ses(String region) implements Transport {
    }

    /** A JDBC target. The password never appears in {@link #toString()}. */
    public record Jdbc(String url, String user, String password) {
        @Override
        public String toString() {
            return "Jdbc[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****") + "]";
        }
    }

    /** The environment holds a value that cannot be used; the message names the variable. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }

    public static Config fromEnvironment(Map<String, String> env) {
        int port = integer(env, "PORT", 8080, 0, 65535);
        String baseUrl = baseUrl(get(env, "PUBLIC_BASE_URL").orElse("http://localhost:" + (port == 0 ? 8080 : port)));
        Path dataDir = path(env, "SLOTPOLL_DATA_DIR", "./data");
        Optional<String> url = get(env, "DB_URL");
        Optional<String> user = get(env, "DB_USER");
        Optional<String> password = get(env, "DB_PASSWORD");
        Optional<String> secretId = get(env, "DB_SECRET_ID");
        if (secretId.isPresent() && (user.isPresent() || password.isPresent())) {
            throw new ConfigException((user.isPresent() ? "DB_USER" : "DB_PASSWORD")
                    + " is set together with DB_SECRET_ID: the login comes from the secret; unset DB_USER and DB_PASSWORD");
        }
        Optional<Jdbc> database = Optional.empty();
        if (url.isPresent()) {
            if (!url.get().startsWith("jdbc:mysql://") && !url.get().startsWith("jdbc:mariadb://")) {
                throw new ConfigException("DB_URL must start with jdbc:mysql:// or jdbc:mariadb:// (was \"" + url.get() + "\")");
            }
            database = Optional.of(new Jdbc(url.get(), user.orElse(""), password.orElse("")));
        } else if (secretId.isEmpty() && (user.isPresent() || password.isPresent())) {
            throw new ConfigException((user.isPresent() ? "DB_USER" : "DB_PASSWORD")
                    + " is set but DB_URL is not: set DB_URL too, or unset both to use the embedded database");
        }
        int poolSize = integer(env, "DB_POOL_SIZE", 10, 1, 200);
        int cacheMb = integer(env, "RECOMMENDATION_CACHE_MB", 64, 0, 4096);
        int maxParticipants = integer(env, "PARTICIPANTS_PER_EVENT_MAX", 2000, 1, 100_000);
        RateLimiter.Limits limits = new RateLimiter.Limits(
                integer(env, "RATE_LIMIT_READS_PER_MINUTE", 600, 0, 1_000_000),
                integer(env, "RATE_LIMIT_WRITES_PER_MINUTE", 60, 0, 1_000_000));
        boolean trustProxy = bool(env, "TRUST_PROXY", false);
        List<String> origins = origins(env, "CORS_ALLOWED_ORIGINS");
        Duration drain = Duration.ofSeconds(integer(env, "SHUTDOWN_DRAIN_SECONDS", 0, 0, 300));
        Duration grace = Duration.ofSeconds(integer(env, "SHUTDOWN_GRACE_SECONDS", 20, 0, 300));
        Optional<String> namespace = get(env, "CLOUDWATCH_NAMESPACE");
        if (namespace.isPresent() && (namespace.get().length() > 255 || namespace.get().startsWith("AWS/")
                || !namespace.get().matches("[A-Za-z0-9./_#:-]+"))) {
            throw new ConfigException("CLOUDWATCH_NAMESPACE must be 1..255 of A-Z a-z 0-9 . / _ # : - and not start with AWS/"
                    + " (was \"" + namespace.get() + "\")");
        }
        boolean prometheus = bool(env, "METRICS_PROMETHEUS", false);
        String logFormat = get(env, "LOG_FORMAT").orElse("json");
        if (!logFormat.equals("json") && !logFormat.equals("text")) {
            throw new ConfigException("LOG_FORMAT must be json or text (was \"" + logFormat + "\")");
        }
        return new Config(new Http(port, baseUrl, limits, trustProxy, origins), new Db(database, poolSize, dataDir),
                new Limits(maxParticipants, cacheMb * 1024L * 1024L), new Shutdown(drain, grace),
                new Aws(secretId, namespace), new Metrics(prometheus), mail(env), logFormat);
    }

    private static Mail mail(Map<String, String> env) {
        Optional<String> smtpUrl = get(env, "SMTP_URL");
        Optional<String> region = get(env, "SES_REGION");
        Optional<String> user = get(env, "SMTP_USER");
        Optional<String> password = get(env, "SMTP_PASSWORD");
        Optional<String> from = get(env, "MAIL_FROM");
        if (smtpUrl.isPresent() && region.isPresent()) {
            throw new ConfigException("SMTP_URL and SES_REGION are both set: mail goes through one of them; unset one");
        }
        if (smtpUrl.isEmpty() && (user.isPresent() || password.isPresent())) {
            throw new ConfigException((user.isPresent() ? "SMTP_USER" : "SMTP_PASSWORD")
                    + " is set but SMTP_URL is not: set SMTP_URL too, or unset it");
        }
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigException((user.isPresent() ? "SMTP_PASSWORD" : "SMTP_USER")
                    + " is missing: SMTP_USER and SMTP_PASSWORD go together");
        }
        Optional<Transport> transport = Optional.empty();
        if (smtpUrl.isPresent()) {
            transport = Optional.of(smtp(smtpUrl.get(), user.orElse(""), password.orElse("")));
        } else if (region.isPresent()) {
            if (!region.get().matches("[a-z]{2}(-[a-z]+)+-\\d{1,2}")) {
                throw new ConfigException("SES_REGION must be an AWS region such as eu-west-1 (was \"" + region.get()
                        + "\")");
            }
            transport = Optional.of(new Ses(region.get()));
        }
        if (transport.isPresent() && from.isEmpty()) {
            throw new ConfigException("MAIL_FROM is not set: with " + (smtpUrl.isPresent() ? "SMTP_URL" : "SES_REGION")
                    + " mail needs a sender address, such as slotpoll@example.com");
        }
        if (transport.isEmpty() && from.isPresent()) {
            throw new ConfigException("MAIL_FROM is set but neither SMTP_URL nor SES_REGION is: set one, or unset MAIL_FROM");
        }
        if (from.isPresent() && !EmailAddress.isValid(from.get())) {
            throw new ConfigException("MAIL_FROM must be one address such as slotpoll@example.com (was \"" + from.get()
                    + "\")");
        }
        return new Mail(transport, from.orElse(""), integer(env, "MAIL_PER_ADDRESS_DAILY", 20, 1, 10_000),
                integer(env, "MAIL_PER_EVENT_DAILY", 500, 1, 100_000),
                Duration.ofMinutes(integer(env, "NOTIFY_DIGEST_MINUTES", 60, 0, 1440)));
    }

    private static Smtp smtp(String text, String user, String password) {
        try {
            URI uri = new URI(text);
            boolean implicitTls = "smtps".equals(uri.getScheme());
            if (!(implicitTls || "smtp".equals(uri.getScheme())) || uri.getHost() == null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getQuery() != null
                    || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new ConfigException("SMTP_URL must be smtp://host:port or smtps://host:port, without user, path"
                        + " or query (the login goes in SMTP_USER and SMTP_PASSWORD) (was \"" + text + "\")");
            }
            int port = uri.getPort() == -1 ? (implicitTls ? 465 : 587) : uri.getPort();
            if (port < 1 || port > 65535) {
                throw new ConfigException("SMTP_URL's port must be between 1 and 65535 (was \"" + text + "\")");
            }
            return new Smtp(new SmtpTransport.Server(uri.getHost(), port, implicitTls, user, password));
        } catch (URISyntaxException e) {
            throw new ConfigException("SMTP_URL is not a valid URL (was \"" + text + "\")");
        }
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        Optional<String> text = get(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name + " must be true or false (was \"" + text.get() + "\")");
        };
    }

    private static List<String> origins(Map<String, String> env, String name) {
        List<String> origins = new ArrayList<>();
        for (String item : get(env, name).orElse("").split(",", -1)) {
            String origin = item.strip();
            if (origin.isEmpty()) {
                continue;
            }
            try {
                URI uri = new URI(origin);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getQuery() != null
                        || uri.getFragment() != null || uri.getUserInfo() != null) {
                    throw new ConfigException(name + " holds \"" + origin
                            + "\", which is not an origin such as https://app.example or http://localhost:3000");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException(name + " holds \"" + origin + "\", which is not a valid origin");
            }
            origins.add(origin);
        }
        return List.copyOf(origins);
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        Optional<String> text = get(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value < min || value > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + " (was " + value + ")");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number (was \"" + text.get() + "\")");
        }
    }

    private static String baseUrl(String text) {
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new ConfigException("PUBLIC_BASE_URL must be an absolute http or https URL without query or fragment (was \"" + text + "\")");
            }
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        } catch (URISyntaxException e) {
            throw new ConfigException("PUBLIC_BASE_URL is not a valid URL (was \"" + text + "\")");
        }
    }

    private static Path path(Map<String, String> env, String name, String fallback) {
        String text = get(env, name).orElse(fallback);
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(name + " is not a valid path (was \"" + text + "\")");
        }
    }
}
