package gr.mydimos.notification;

import gr.mydimos.architecture.Architecture;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's code, on its classes alone (no platform needed). */
class ArchitectureTest {

    private static final String ROOT = "gr.mydimos.notification";

    @Test
    void featurePackagesDoNotDependOnEachOtherInACircle() {
        Architecture.assertNoPackageCycles(Architecture.of(ROOT), ROOT);
    }
}
