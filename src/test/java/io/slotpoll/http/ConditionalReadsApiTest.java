package io.slotpoll.http;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a self-refreshing page re-reads answers 304 while nothing changed: the event (weak
 * tag from its version), its participant list (weak tag from the event version, which every
 * participant write grows) and one participant (its strong version tag).
 */
class ConditionalReadsApiTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final ApiClient client = APP.client();

    private ApiClient.Response get(String path, String etag) {
        return client.get(path).header("If-None-Match", etag).send();
    }

    @Test
    void the_event_the_list_and_a_participant_answer_304_until_they_change() {
        JsonNode created = createEvent(client, event("Asia/Kolkata", 30, window("2027-05-03T09:00", "2027-05-03T11:00")));
        String id = created.path("id").asText();
        String admin = created.path("adminToken").asText();
        String eventPath = "/api/v1/events/" + id;
        String listPath = eventPath + "/participants";

        ApiClient.Response event = client.get(eventPath).send();
        assertThat(event.header("ETag")).isEqualTo("W/\"e-1\"");
        assertThat(event.header("Cache-Control")).isEqualTo("no-cache");
        ApiClient.Response same = get(eventPath, "W/\"e-1\"");
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.header("ETag")).isEqualTo("W/\"e-1\"");
        assertThat(get(eventPath, "\"e-1\"").status()).as("weak comparison").isEqualTo(304);
        assertThat(get(eventPath, "W/\"e-0\", W/\"e-1\"").status()).isEqualTo(304);
        assertThat(get(eventPath, "W/\"e-2\"").status()).isEqualTo(200);

        assertThat(client.get(listPath).send().header("ETag")).isEqualTo("W/\"p-1\"");
        assertThat(get(listPath, "W/\"p-1\"").status()).isEqualTo(304);
        JsonNode ana = join(client, id, participant("Ana", "Asia/Kolkata"));
        ApiClient.Response grown = get(listPath, "W/\"p-1\"");
        assertThat(grown.status()).isEqualTo(200);
        assertThat(grown.header("ETag")).isEqualTo("W/\"p-2\"");
        assertThat(grown.json()).hasSize(1);
        ApiClient.Response changedEvent = get(eventPath, "W/\"e-1\"");
        assertThat(changedEvent.status()).as("a join grows the event version").isEqualTo(200);
        assertThat(changedEvent.json().path("participantCount").asInt()).isEqualTo(1);

        String anaPath = listPath + "/" + ana.path("id").asText();
        assertThat(client.get(anaPath).send().header("ETag")).isEqualTo("\"1\"");
        assertThat(get(anaPath, "\"1\"").status()).isEqualTo(304);
        assertThat(client.patch(anaPath).bearer(admin).json(ApiClient.object().put("required", true)).send().status())
                .isEqualTo(200);
        ApiClient.Response patched = get(anaPath, "\"1\"");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertThat(patched.json().path("required").asBoolean()).isTrue();
    }
}
