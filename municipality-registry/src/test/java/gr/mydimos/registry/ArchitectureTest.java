package gr.mydimos.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import gr.mydimos.architecture.Architecture;
import gr.mydimos.registry.records.PlantedCrossing;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service holds two bounded contexts: the municipalities with their catalogue, onboarding and staff; and the
 * Citizen Registry (civil acts, family records, the people's own view, certificates, the public bodies' access). They
 * share one database and deployment, so the boundary is a package boundary this test keeps rather than a module: the
 * Citizen Registry never touches the municipalities' code, and they see it only through what it publishes — the kinds
 * of certificate a catalogue document can be, and the {@code Municipalities} port they implement for it.
 */
class ArchitectureTest {

    private static final String ROOT = "gr.mydimos.registry";
    private static final List<String> CITIZEN_REGISTRY = List.of(ROOT + ".records", ROOT + ".citizen", ROOT + ".certificates", ROOT + ".interop");
    private static final List<String> MUNICIPALITIES = List.of(ROOT + ".municipality", ROOT + ".catalogue", ROOT + ".onboarding", ROOT + ".staff");
    private static final List<String> PUBLISHED = List.of(ROOT + ".certificates.Certificate$Type", ROOT + ".certificates.Municipalities");

    private final JavaClasses classes = Architecture.of(ROOT);

    @Test
    void featurePackagesDoNotDependOnEachOtherInACircle() {
        Architecture.assertNoPackageCycles(classes, ROOT);
    }

    @Test
    void theCitizenRegistryKeepsToItsBoundary() {
        Architecture.assertBoundary(classes, CITIZEN_REGISTRY, MUNICIPALITIES, PUBLISHED);
    }

    @Test
    void anImportAcrossTheBoundaryIsCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedCrossing.class,
                gr.mydimos.registry.municipality.Municipality.class);
        assertThatThrownBy(() -> Architecture.assertBoundary(planted, CITIZEN_REGISTRY, MUNICIPALITIES, PUBLISHED))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PlantedCrossing");
    }
}
