package gr.mydimos.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules catch what they are for, on planted packages, and let well-layered code pass. */
class ArchitectureTest {

    private static final String PLANTED = "gr.mydimos.architecture.planted";

    @Test
    void aPlantedPackageCycleIsCaught() {
        String root = PLANTED + ".cycle";
        assertThatThrownBy(() -> Architecture.assertNoPackageCycles(new ClassFileImporter().importPackages(root), root))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected").hasMessageContaining("Applicant");
    }

    @Test
    void packagesDependingOneWayPass() {
        String root = PLANTED + ".layers";
        assertThatCode(() -> Architecture.assertNoPackageCycles(new ClassFileImporter().importPackages(root), root))
                .doesNotThrowAnyException();
    }
}
