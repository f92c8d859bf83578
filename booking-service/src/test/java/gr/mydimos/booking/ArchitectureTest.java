package gr.mydimos.booking;

import gr.mydimos.architecture.Architecture;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's code, on its classes alone (no platform needed). */
class ArchitectureTest {

    private static final String ROOT = "gr.mydimos.booking";

    @Test
    void featurePackagesDoNotDependOnEachOtherInACircle() {
        Architecture.assertNoPackageCycles(Architecture.of(ROOT), ROOT);
    }
}
