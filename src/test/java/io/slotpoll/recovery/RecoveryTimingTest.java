package io.slotpoll.recovery;

import static io.slotpoll.testing.Fixtures.createEvent;
import static io.slotpoll.testing.Fixtures.event;
import static io.slotpoll.testing.Fixtures.join;
import static io.slotpoll.testing.Fixtures.participant;
import static io.slotpoll.testing.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.testing.ApiClient;
import io.slotpoll.testing.MailSink;
import io.slotpoll.testing.TestApp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/v1/link-recovery} takes the same time whether or not the address is
 * known: 200 requests for 40 known addresses and 200 for 40 unknown ones, interleaved (each
 * from its own client address, five per address, within both limits), compared by median
 * and upper quartile. The request does the same work either way (one outbox row); what
 * differs waits for the sender.
 */
class RecoveryTimingTest {

    @RegisterExtension
    @Order(1)
    static final MailSink SMTP = new MailSink();

    @RegisterExtension
    @Order(2)
    static final TestApp APP = new TestApp(env(), Clock.systemUTC(), database -> { });

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(SMTP.env("polls@slotpoll.example"));
        env.put("TRUST_PROXY", "true");
        return env;
    }

    @Test
    void known_and_unknown_addresses_answer_alike() {
        ApiClient client = APP.client();
        String id = createEvent(client, event("Asia/Kolkata", 30, window("2027-04-06T09:00", "2027-04-06T11:00")))
                .path("id").asText();
        for (int i = 0; i < 40; i++) {
            join(client, id, participant("P" + i, "Asia/Kolkata").put("email", "known" + i + "@timing.example"));
        }
        SMTP.await("known39@timing.example", 1);
        // warm up the path
        for (int i = 0; i < 20; i++) {
            ask(client, "warm" + i + "@timing.example", "10.9.0." + i);
        }
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        int call = 0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 40; i++) {
                known.add(ask(client, "known" + i + "@timing.example", "10.1." + (call / 250) + "." + (call++ % 250)));
                unknown.add(ask(client, "nobody" + i + "@timing.example", "10.1." + (call / 250) + "." + (call++ % 250)));
            }
        }
        Collections.sort(known);
        Collections.sort(unknown);
        double knownMedian = known.get(100) / 1e6;
        double unknownMedian = unknown.get(100) / 1e6;
        double knownQ3 = known.get(150) / 1e6;
        double unknownQ3 = unknown.get(150) / 1e6;
        System.out.printf("link recovery: median %.2f ms known, %.2f ms unknown; upper quartile %.2f / %.2f ms%n",
                knownMedian, unknownMedian, knownQ3, unknownQ3);
        // noise on a shared machine is a fraction of a millisecond; a lookup plus a mail
        // built in the request would add several
        assertThat(Math.abs(knownMedian - unknownMedian)).isLessThan(Math.max(0.5, 0.25 * unknownMedian));
        assertThat(Math.abs(knownQ3 - unknownQ3)).isLessThan(Math.max(1.0, 0.35 * unknownQ3));
    }

    private static long ask(ApiClient client, String address, String clientAddress) {
        long started = System.nanoTime();
        ApiClient.Response r = client.post("/api/v1/link-recovery").header("X-Forwarded-For", clientAddress)
                .json(ApiClient.object().put("email", address)).send();
        long took = System.nanoTime() - started;
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return took;
    }
}
