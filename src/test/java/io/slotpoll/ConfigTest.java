package io.slotpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotpoll.guard.RateLimiter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaults_to_port_8080_the_embedded_database_and_localhost_links() {
        Config config = Config.fromEnvironment(Map.of());
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.http().publicBaseUrl()).isEqualTo("http://localhost:8080");
        assertThat(config.db().dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.db().jdbc()).isEmpty();
        assertThat(config.db().poolSize()).isEqualTo(10);
    }

    @Test
    void reads_every_variable() {
        Config config = Config.fromEnvironment(Map.of("PORT", "9000", "PUBLIC_BASE_URL", "https://poll.example.com/",
                "DB_URL", "jdbc:mysql://db:3306/slotpoll", "DB_USER", "app", "DB_PASSWORD", "s3cret",
                "SLOTPOLL_DATA_DIR", "/var/lib/slotpoll", "DB_POOL_SIZE", "20"));
        assertThat(config.http().port()).isEqualTo(9000);
        assertThat(config.http().publicBaseUrl()).isEqualTo("https://poll.example.com");
        assertThat(config.db().jdbc()).isEqualTo(Optional.of(new Config.Jdbc("jdbc:mysql://db:3306/slotpoll", "app", "s3cret")));
        assertThat(config.db().jdbc().orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(config.db().dataDir()).isEqualTo(Path.of("/var/lib/slotpoll"));
        assertThat(config.db().poolSize()).isEqualTo(20);
    }

    @Test
    void blank_values_count_as_unset() {
        assertThat(Config.fromEnvironment(Map.of("PORT", " ", "DB_URL", "")).http().port()).isEqualTo(8080);
    }

    @Test
    void names_the_variable_at_fault() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PORT", "http")))
                .hasMessage("PORT must be a whole number (was \"http\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PORT", "70000")))
                .hasMessage("PORT must be between 0 and 65535 (was 70000)");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DB_URL", "postgres://x")))
                .hasMessage("DB_URL must start with jdbc:mysql:// or jdbc:mariadb:// (was \"postgres://x\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DB_USER", "app")))
                .hasMessage("DB_USER is set but DB_URL is not: set DB_URL too, or unset both to use the embedded database");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PUBLIC_BASE_URL", "ftp://x")))
                .hasMessage("PUBLIC_BASE_URL must be an absolute http or https URL without query or fragment (was \"ftp://x\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PUBLIC_BASE_URL", "http://x y")))
                .hasMessage("PUBLIC_BASE_URL is not a valid URL (was \"http://x y\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DB_POOL_SIZE", "0")))
                .hasMessage("DB_POOL_SIZE must be between 1 and 200 (was 0)");
    }

    @Test
    void reads_the_guard_shutdown_and_aws_variables() {
        Config defaults = Config.fromEnvironment(Map.of());
        assertThat(defaults.limits().maxParticipants()).isEqualTo(2000);
        assertThat(defaults.http().rateLimits()).isEqualTo(new RateLimiter.Limits(600, 60));
        assertThat(defaults.http().trustProxy()).isFalse();
        assertThat(defaults.http().corsOrigins()).isEmpty();
        assertThat(defaults.shutdown().drain()).isEqualTo(Duration.ZERO);
        assertThat(defaults.shutdown().grace()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.aws().dbSecretId()).isEmpty();
        assertThat(defaults.aws().cloudwatchNamespace()).isEmpty();
        assertThat(defaults.metrics().prometheus()).isFalse();
        assertThat(defaults.logFormat()).isEqualTo("json");

        Config config = Config.fromEnvironment(Map.ofEntries(Map.entry("PARTICIPANTS_PER_EVENT_MAX", "500"),
                Map.entry("RATE_LIMIT_READS_PER_MINUTE", "0"), Map.entry("RATE_LIMIT_WRITES_PER_MINUTE", "30"),
                Map.entry("TRUST_PROXY", "true"), Map.entry("CORS_ALLOWED_ORIGINS", "https://app.example, http://localhost:3000"),
                Map.entry("SHUTDOWN_DRAIN_SECONDS", "25"), Map.entry("SHUTDOWN_GRACE_SECONDS", "10"),
                Map.entry("DB_URL", "jdbc:mysql://db:3306/slotpoll"), Map.entry("DB_SECRET_ID", "arn:aws:secretsmanager:eu-west-1:1:secret:x"),
                Map.entry("CLOUDWATCH_NAMESPACE", "Slotpoll/prod"), Map.entry("METRICS_PROMETHEUS", "true"),
                Map.entry("LOG_FORMAT", "text")));
        assertThat(config.limits().maxParticipants()).isEqualTo(500);
        assertThat(config.http().rateLimits()).isEqualTo(new RateLimiter.Limits(0, 30));
        assertThat(config.http().trustProxy()).isTrue();
        assertThat(config.http().corsOrigins()).containsExactly("https://app.example", "http://localhost:3000");
        assertThat(config.shutdown().drain()).isEqualTo(Duration.ofSeconds(25));
        assertThat(config.shutdown().grace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.aws().dbSecretId()).contains("arn:aws:secretsmanager:eu-west-1:1:secret:x");
        assertThat(config.db().jdbc().orElseThrow().user()).isEmpty();
        assertThat(config.aws().cloudwatchNamespace()).contains("Slotpoll/prod");
        assertThat(config.metrics().prometheus()).isTrue();
        assertThat(config.logFormat()).isEqualTo("text");
        assertThat(config.limits().cacheBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void names_the_guard_and_aws_variable_at_fault() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("TRUST_PROXY", "yes")))
                .hasMessage("TRUST_PROXY must be true or false (was \"yes\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("CORS_ALLOWED_ORIGINS", "https://app.example/path")))
                .hasMessage("CORS_ALLOWED_ORIGINS holds \"https://app.example/path\", which is not an origin such as "
                        + "https://app.example or http://localhost:3000");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PARTICIPANTS_PER_EVENT_MAX", "0")))
                .hasMessage("PARTICIPANTS_PER_EVENT_MAX must be between 1 and 100000 (was 0)");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SHUTDOWN_GRACE_SECONDS", "-1")))
                .hasMessage("SHUTDOWN_GRACE_SECONDS must be between 0 and 300 (was -1)");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DB_SECRET_ID", "s", "DB_PASSWORD", "p")))
                .hasMessage("DB_PASSWORD is set together with DB_SECRET_ID: the login comes from the secret; unset DB_USER and DB_PASSWORD");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("CLOUDWATCH_NAMESPACE", "AWS/EC2")))
                .hasMessage("CLOUDWATCH_NAMESPACE must be 1..255 of A-Z a-z 0-9 . / _ # : - and not start with AWS/ (was \"AWS/EC2\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("LOG_FORMAT", "xml")))
                .hasMessage("LOG_FORMAT must be json or text (was \"xml\")");
    }
}
