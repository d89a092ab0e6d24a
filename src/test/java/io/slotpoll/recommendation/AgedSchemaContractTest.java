package io.slotpoll.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.testing.AgedData;
import io.slotpoll.testing.TestApp;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract rounds on one long-lived schema: before they start it already holds
 * {@link #AGED} events and participants from earlier rounds (interleaved row keys, many
 * zones, several windows each), as a database in use for years does. Every answer must
 * still match the reference.
 */
class AgedSchemaContractTest extends RecommendationContract {

    static final AgedData.Size AGED = new AgedData.Size(2_000, 20_000);

    @RegisterExtension
    static final TestApp APP = new TestApp(Map.of(), Clock.systemUTC(), database -> AgedData.fill(database, AGED, 2038));

    @Override
    TestApp app() {
        return APP;
    }

    @BeforeAll
    static void the_schema_holds_the_earlier_rounds() {
        assertThat(APP.database().dsl().fetchCount(io.slotpoll.db.schema.Tables.EVENT)).isEqualTo(AGED.events());
        assertThat(APP.database().dsl().fetchCount(io.slotpoll.db.schema.Tables.PARTICIPANT))
                .isEqualTo(AGED.participants());
        assertThat(APP.database().dsl().fetchCount(io.slotpoll.db.schema.Tables.AVAILABILITY_WINDOW))
                .isGreaterThan(AGED.participants());
    }
}
