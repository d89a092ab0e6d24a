package io.slotpoll.metrics;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.slotpoll.App;
import io.slotpoll.db.Database;
import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.AwsStub;
import io.slotpoll.testing.TestApp;
import io.slotpoll.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * Metrics reach CloudWatch through the real SDK and Micrometer's CloudWatch registry (a
 * local stub decodes the CBOR PutMetricData requests), and the Prometheus scrape serves
 * the same meters. Dimensions are route templates and status classes, never raw paths.
 */
class MetricsTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    @Test
    void requests_recommendations_cache_pool_and_jvm_meters_are_published_to_cloudwatch_and_prometheus() throws Exception {
        try (AwsStub aws = new AwsStub()) {
            CloudWatchAsyncClient client = aws.client(CloudWatchAsyncClient.builder());
            Metrics metrics = Metrics.create(Optional.of("Slotpoll/Test"), Optional.of(client), Duration.ofSeconds(1),
                    Metrics.Scrape.PROMETHEUS);
            try (Database database = Database.connect(DB.url(), io.slotpoll.db.CredentialSource.fixed(DB.server().user(),
                    DB.server().password()), 4, Optional.empty(), metrics.registry());
                    App app = App.start(database, TestApp.config(Map.of()), Clock.systemUTC(), metrics)) {
                ApiClient api = new ApiClient("http://127.0.0.1:" + app.port());
                String id = createEvent(api, event("UTC", 60, window("2027-01-01T10:00", "2027-01-01T12:00"))).path("id").asText();
                join(api, id, participant("Ana", "UTC", window("2027-01-01T10:00", "2027-01-01T11:00")));
                api.get("/api/v1/events/" + id + "/recommendations").send();
                api.get("/api/v1/events/" + id + "/recommendations").send();
                api.get("/api/v1/events/nope").send();

                Map<String, Set<String>> published = awaitPublished(aws, Set.of("http.server.requests.count",
                        "recommendation.compute.count", "recommendation.candidates.sum", "recommendation.cache.count",
                        "hikaricp.connections.active.value", "jvm.memory.used.value"), Set.of("/api/v1/events",
                        "/api/v1/events/{eventId}", "/api/v1/events/{eventId}/participants",
                        "/api/v1/events/{eventId}/recommendations"));
                assertThat(published.get("route")).contains("/api/v1/events", "/api/v1/events/{eventId}",
                        "/api/v1/events/{eventId}/participants", "/api/v1/events/{eventId}/recommendations")
                        .noneMatch(route -> route.contains(id) || route.contains("nope"));
                assertThat(published.get("status")).contains("2xx", "4xx");
                assertThat(published.get("result")).contains("hit", "miss");
                assertThat(aws.calls()).allSatisfy(call -> {
                    assertThat(call.path()).isEqualTo("/service/GraniteServiceVersion20100801/operation/PutMetricData");
                    assertThat(call.protocol()).isEqualTo("rpc-v2-cbor");
                });

                String scrape = api.get("/metrics").offContract().send().body();
                assertThat(scrape).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/events/{eventId}/recommendations\",status=\"2xx\"} 2")
                        .contains("recommendation_cache_total{result=\"hit\"} 1.0")
                        .contains("recommendation_cache_total{result=\"miss\"} 1.0")
                        .contains("hikaricp_connections_max{pool=\"slotpoll\"} 4.0")
                        .doesNotContain(id);
            } finally {
                metrics.close();
            }
        }
    }

    @Test
    void without_prometheus_there_is_no_metrics_route() {
        try (Database database = Database.connect(DB.url(), DB.server().user(), DB.server().password(), 2, Optional.empty());
                App app = App.start(database, TestApp.config(Map.of()))) {
            assertThat(new ApiClient("http://127.0.0.1:" + app.port()).get("/metrics").offContract().send().status())
                    .isEqualTo(404);
        }
    }

    /**
     * Decodes every PutMetricData body until all {@code names} and {@code routes} were seen
     * (a publish can fall between two requests, so the last request's route may come a
     * period later); returns dimension values by name.
     */
    private static Map<String, Set<String>> awaitPublished(AwsStub aws, Set<String> names, Set<String> routes)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<String> seen = new HashSet<>();
        Map<String, Set<String>> dimensions = new HashMap<>();
        while (System.nanoTime() < deadline) {
            seen.clear();
            dimensions.clear();
            for (AwsStub.Call call : aws.calls()) {
                JsonNode request = CBOR.readTree(call.body());
                assertThat(request.path("Namespace").asText()).isEqualTo("Slotpoll/Test");
                for (JsonNode datum : request.path("MetricData")) {
                    seen.add(datum.path("MetricName").asText());
                    for (JsonNode d : datum.path("Dimensions")) {
                        dimensions.computeIfAbsent(d.path("Name").asText(), k -> new HashSet<>()).add(d.path("Value").asText());
                    }
                }
            }
            if (seen.containsAll(names) && dimensions.getOrDefault("route", Set.of()).containsAll(routes)) {
                return dimensions;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("CloudWatch never got " + names + " and routes " + routes + "; got " + seen
                + " and " + dimensions.get("route"));
    }
}
