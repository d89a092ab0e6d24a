package io.slotpoll.recommendation;

import io.slotpoll.testing.TestApp;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract rounds on a fresh schema (whose row ids still start above 2^32). */
class RecommendationContractTest extends RecommendationContract {

    @RegisterExtension
    static final TestApp APP = new TestApp();

    @Override
    TestApp app() {
        return APP;
    }
}
