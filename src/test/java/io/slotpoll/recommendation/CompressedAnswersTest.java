package io.slotpoll.recommendation;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cached rankings and heatmaps go out gzipped when the client accepts it, compressed once per answer. */
class CompressedAnswersTest {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP.baseUrl() + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a_large_answer_is_gzipped_once_and_the_same_bytes_are_served_again() throws Exception {
        String id = createEvent(APP.client(), event("UTC", 30, window("2027-05-03T08:00", "2027-05-03T18:00"))).path("id").asText();
        for (String name : new String[] {"Ana", "Bashu", "Cleo"}) {
            join(APP.client(), id, participant(name, "UTC", window("2027-05-03T09:00:00Z", "2027-05-03T15:00:00Z")));
        }
        for (String path : new String[] {"/api/v1/events/" + id + "/heatmap", "/api/v1/events/" + id + "/recommendations?limit=50"}) {
            HttpResponse<byte[]> plain = get(path, null);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(plain.body().length).as(path).isGreaterThan(AnswerBody.GZIP_MIN_BYTES);
            HttpResponse<byte[]> first = get(path, "br;q=0.9, gzip");
            HttpResponse<byte[]> second = get(path, "gzip, deflate");
            assertThat(first.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(first.headers().firstValue("Vary")).as(path).hasValue("Accept-Encoding");
            assertThat(gunzip(first.body())).as(path).isEqualTo(plain.body());
            assertThat(second.body()).as("compressed once, then kept").isEqualTo(first.body());
            assertThat(first.body().length).isLessThan(plain.body().length / 3);
            assertThat(get(path, "gzip;q=0, identity").headers().firstValue("Content-Encoding")).as(path).isEmpty();
        }
    }

    @Test
    void accept_encoding_is_read_as_http_says() {
        assertThat(RecommendationHandler.acceptsGzip(null)).isFalse();
        assertThat(RecommendationHandler.acceptsGzip("gzip")).isTrue();
        assertThat(RecommendationHandler.acceptsGzip("GZIP;q=0.5")).isTrue();
        assertThat(RecommendationHandler.acceptsGzip("*")).isTrue();
        assertThat(RecommendationHandler.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(RecommendationHandler.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(RecommendationHandler.acceptsGzip("deflate, br")).isFalse();
        assertThat(RecommendationHandler.acceptsGzip("x-gzip")).isFalse();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
