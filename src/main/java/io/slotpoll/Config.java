package io.slotpoll;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration read once from the environment and validated before anything starts.
 * A blank variable counts as unset. Every message names the variable at fault.
 *
 * @param port          {@code PORT}, 0..65535 (0 picks a free port), default 8080
 * @param publicBaseUrl {@code PUBLIC_BASE_URL}, absolute http(s) URL for links, default {@code http://localhost:$PORT}
 * @param dataDir       {@code SLOTPOLL_DATA_DIR}, where the embedded database keeps its files, default {@code ./data}
 * @param database      {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}; empty means the embedded database
 * @param dbPoolSize    {@code DB_POOL_SIZE}, 1..200, default 10
 * @param recommendationCacheMb {@code RECOMMENDATION_CACHE_MB}, 0..4096, default 64; 0 turns the cache off
 */
public record Config(int port, String publicBaseUrl, Path dataDir, Optional<Jdbc> database, int dbPoolSize,
        int recommendationCacheMb) {

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
        Optional<Jdbc> database = Optional.empty();
        if (url.isPresent()) {
            if (!url.get().startsWith("jdbc:mysql://") && !url.get().startsWith("jdbc:mariadb://")) {
                throw new ConfigException("DB_URL must start with jdbc:mysql:// (was \"" + url.get() + "\")");
            }
            database = Optional.of(new Jdbc(url.get(), user.orElse(""), password.orElse("")));
        } else if (user.isPresent() || password.isPresent()) {
            throw new ConfigException((user.isPresent() ? "DB_USER" : "DB_PASSWORD")
                    + " is set but DB_URL is not: set DB_URL too, or unset both to use the embedded database");
        }
        int poolSize = integer(env, "DB_POOL_SIZE", 10, 1, 200);
        int cacheMb = integer(env, "RECOMMENDATION_CACHE_MB", 64, 0, 4096);
        return new Config(port, baseUrl, dataDir, database, poolSize, cacheMb);
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
