package io.slotpoll.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotpoll.db.CredentialSource;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Database credentials from a Secrets Manager secret in the JSON that RDS writes for a
 * managed master user: {@code username} and {@code password}, and {@code host},
 * {@code port}, {@code dbname} where present. Read at start and again whenever the
 * database refuses the login (after a rotation). Neither the secret's value nor any part
 * of it but the user name is ever logged or put in an error message.
 */
public final class SecretCredentials implements CredentialSource {

    private static final Logger LOG = LoggerFactory.getLogger(SecretCredentials.class);

    /** What the secret holds; the password never appears in {@link #toString()}. */
    public record Secret(Login login, Optional<String> host, Optional<Integer> port, Optional<String> dbname) {

        /** A JDBC URL from host, port and dbname, if the secret has a host. */
        public Optional<String> jdbcUrl() {
            return host.map(h -> "jdbc:mysql://" + h + ":" + port.orElse(3306) + "/" + dbname.orElse("slotpoll"));
        }
    }

    private final SecretsManagerClient client;
    private final ObjectMapper json;
    private final String secretId;
    private volatile Secret secret;

    /**
     * Reads the secret once now, parsing it with the service's one JSON mapper ({@code json});
     * a secret that cannot be read or parsed stops the start.
     */
    public SecretCredentials(SecretsManagerClient client, ObjectMapper json, String secretId) {
        this.client = client;
        this.json = json;
        this.secretId = secretId;
        this.secret = fetch();
    }

    public Secret secret() {
        return secret;
    }

    @Override
    public Login current() {
        return secret.login();
    }

    @Override
    public synchronized Login refresh(Login rejected) {
        if (!secret.login().equals(rejected)) {
            return secret.login();
        }
        LOG.info("fetching database secret {} again: the database refused its login", secretId);
        secret = fetch();
        return secret.login();
    }

    private Secret fetch() {
        String value = client.getSecretValue(request -> request.secretId(secretId)).secretString();
        return parse(json, secretId, value);
    }

    static Secret parse(ObjectMapper mapper, String secretId, String value) {
        JsonNode json;
        try {
            json = value == null ? null : mapper.readTree(value);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new IllegalStateException("secret " + secretId + " is not a JSON object (SecretString expected)");
        }
        String user = text(json, "username").orElseThrow(() -> missing(secretId, "username"));
        String password = text(json, "password").orElseThrow(() -> missing(secretId, "password"));
        Optional<Integer> port = json.path("port").canConvertToInt() ? Optional.of(json.path("port").asInt())
                : text(json, "port").flatMap(SecretCredentials::integer);
        return new Secret(new Login(user, password), text(json, "host"), port, text(json, "dbname"));
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isValueNode() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static IllegalStateException missing(String secretId, String field) {
        return new IllegalStateException("secret " + secretId + " has no \"" + field + "\"");
    }
}
