package gr.mydimos.testing;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Puts the tests' clock back to {@link MovableClock#TESTS_NOW} after every test, whatever the test set. */
public class ResetClockAfterEachTest implements QuarkusTestAfterEachCallback {
    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        Arc.container().instance(MovableClock.class).get().reset();
    }
}
