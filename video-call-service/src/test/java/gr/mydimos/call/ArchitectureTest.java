package gr.mydimos.call;

import gr.mydimos.architecture.Architecture;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's code, on its classes alone (no platform needed). */
class ArchitectureTest {

    private static final String ROOT = "gr.mydimos.call";

    @Test
    void featurePackagesDoNotDependOnEachOtherInACircle() {
        Architecture.assertNoPackageCycles(Architecture.of(ROOT), ROOT);
    }
}
