package io.slotpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaults_to_port_8080_the_embedded_database_and_localhost_links() {
        Config config = Config.fromEnvironment(Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.publicBaseUrl()).isEqualTo("http://localhost:8080");
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.database()).isEmpty();
        assertThat(config.dbPoolSize()).isEqualTo(10);
    }

    @Test
    void reads_every_variable() {
        Config config = Config.fromEnvironment(Map.of("PORT", "9000", "PUBLIC_BASE_URL", "https://poll.example.com/",
                "DB_URL", "jdbc:mysql://db:3306/slotpoll", "DB_USER", "app", "DB_PASSWORD", "s3cret",
                "SLOTPOLL_DATA_DIR", "/var/lib/slotpoll", "DB_POOL_SIZE", "20"));
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.publicBaseUrl()).isEqualTo("https://poll.example.com");
        assertThat(config.database()).isEqualTo(Optional.of(new Config.Jdbc("jdbc:mysql://db:3306/slotpoll", "app", "s3cret")));
        assertThat(config.database().orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/slotpoll"));
        assertThat(config.dbPoolSize()).isEqualTo(20);
    }

    @Test
    void blank_values_count_as_unset() {
        assertThat(Config.fromEnvironment(Map.of("PORT", " ", "DB_URL", "")).port()).isEqualTo(8080);
    }

    @Test
    void names_the_variable_at_fault() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PORT", "http")))
                .hasMessage("PORT must be a whole number (was \"http\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PORT", "70000")))
                .hasMessage("PORT must be between 0 and 65535 (was 70000)");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DB_URL", "postgres://x")))
                .hasMessage("DB_URL must start with jdbc:mysql:// (was \"postgres://x\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DB_USER", "app")))
                .hasMessage("DB_USER is set but DB_URL is not: set DB_URL too, or unset both to use the embedded database");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PUBLIC_BASE_URL", "ftp://x")))
                .hasMessage("PUBLIC_BASE_URL must be an absolute http or https URL without query or fragment (was \"ftp://x\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PUBLIC_BASE_URL", "http://x y")))
                .hasMessage("PUBLIC_BASE_URL is not a valid URL (was \"http://x y\")");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DB_POOL_SIZE", "0")))
                .hasMessage("DB_POOL_SIZE must be between 1 and 200 (was 0)");
    }
}
