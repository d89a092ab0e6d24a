package io.slotpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotpoll.guard.RateLimiter;
import io.slotpoll.mail.SmtpTransport;
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

    @Test
    void mail_is_off_unless_a_transport_and_a_sender_are_set() {
        Config.Mail off = Config.fromEnvironment(Map.of()).mail();
        assertThat(off.on()).isFalse();
        assertThat(off.perAddressDaily()).isEqualTo(20);
        assertThat(off.perEventDaily()).isEqualTo(500);
        assertThat(off.digest()).isEqualTo(Duration.ofMinutes(60));

        Config.Mail smtp = Config.fromEnvironment(Map.of("SMTP_URL", "smtp://mail.example.com", "SMTP_USER", "slotpoll",
                "SMTP_PASSWORD", "s3cret", "MAIL_FROM", "polls@example.com", "MAIL_PER_ADDRESS_DAILY", "5",
                "MAIL_PER_EVENT_DAILY", "50", "NOTIFY_DIGEST_MINUTES", "15")).mail();
        assertThat(smtp.transport()).contains(new Config.Smtp(new SmtpTransport.Server("mail.example.com", 587, false,
                "slotpoll", "s3cret")));
        assertThat(smtp.transport().orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(smtp.from()).isEqualTo("polls@example.com");
        assertThat(smtp.perAddressDaily()).isEqualTo(5);
        assertThat(smtp.perEventDaily()).isEqualTo(50);
        assertThat(smtp.digest()).isEqualTo(Duration.ofMinutes(15));
        assertThat(Config.fromEnvironment(Map.of("SMTP_URL", "smtps://mail.example.com", "MAIL_FROM", "p@example.com"))
                .mail().transport()).contains(new Config.Smtp(new SmtpTransport.Server("mail.example.com", 465, true, "", "")));
        assertThat(Config.fromEnvironment(Map.of("SMTP_URL", "smtp://127.0.0.1:2525", "MAIL_FROM", "p@example.com"))
                .mail().transport()).contains(new Config.Smtp(new SmtpTransport.Server("127.0.0.1", 2525, false, "", "")));
        assertThat(Config.fromEnvironment(Map.of("SES_REGION", "eu-west-1", "MAIL_FROM", "p@example.com")).mail()
                .transport()).contains(new Config.Ses("eu-west-1"));
    }

    @Test
    void names_the_mail_variable_at_fault() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SMTP_URL", "http://mail.example.com", "MAIL_FROM", "p@example.com")))
                .hasMessage("SMTP_URL must be smtp://host:port or smtps://host:port, without user, path or query (the login"
                        + " goes in SMTP_USER and SMTP_PASSWORD) (was \"http://mail.example.com\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SMTP_URL", "smtp://u:p@mail.example.com", "MAIL_FROM", "p@example.com")))
                .hasMessageStartingWith("SMTP_URL must be smtp://host:port or smtps://host:port");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SMTP_URL", "smtp://mail.example.com")))
                .hasMessage("MAIL_FROM is not set: with SMTP_URL mail needs a sender address, such as slotpoll@example.com");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("MAIL_FROM", "p@example.com")))
                .hasMessage("MAIL_FROM is set but neither SMTP_URL nor SES_REGION is: set one, or unset MAIL_FROM");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SES_REGION", "Ireland", "MAIL_FROM", "p@example.com")))
                .hasMessage("SES_REGION must be an AWS region such as eu-west-1 (was \"Ireland\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SES_REGION", "eu-west-1", "SMTP_URL", "smtp://m.example",
                "MAIL_FROM", "p@example.com")))
                .hasMessage("SMTP_URL and SES_REGION are both set: mail goes through one of them; unset one");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SMTP_USER", "u", "SMTP_PASSWORD", "p")))
                .hasMessage("SMTP_USER is set but SMTP_URL is not: set SMTP_URL too, or unset it");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SMTP_URL", "smtp://m.example", "SMTP_USER", "u",
                "MAIL_FROM", "p@example.com")))
                .hasMessage("SMTP_PASSWORD is missing: SMTP_USER and SMTP_PASSWORD go together");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SMTP_URL", "smtp://m.example", "MAIL_FROM", "Polls <p@example.com>")))
                .hasMessage("MAIL_FROM must be one address such as slotpoll@example.com (was \"Polls <p@example.com>\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("NOTIFY_DIGEST_MINUTES", "-1")))
                .hasMessage("NOTIFY_DIGEST_MINUTES must be between 0 and 1440 (was -1)");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("MAIL_PER_ADDRESS_DAILY", "0")))
                .hasMessage("MAIL_PER_ADDRESS_DAILY must be between 1 and 10000 (was 0)");
    }
}
