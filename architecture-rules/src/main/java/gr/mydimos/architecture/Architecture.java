package gr.mydimos.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Collection;

/**
 * The boundaries a service's code keeps, checked on its compiled classes (ArchUnit). A service is packages by feature
 * (plus its root package: configuration, problems, shared words); a package that needs another must not be needed back,
 * since a cycle means two features that cannot be read, tested or moved apart.
 */
public final class Architecture {

    private Architecture() {
    }

    /**
     * The main classes of the service whose packages start with {@code root}, without its tests; read from its own
     * compiled classes only, since the rules are about them (archunit.properties: nothing else is resolved).
     */
    public static JavaClasses of(String root) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(root);
    }

    /** Fails, naming each cycle, when the root package and the feature packages under it depend on each other in a circle. */
    public static void assertNoPackageCycles(JavaClasses classes, String root) {
        slices().assignedFrom(featuresOf(root)).should().beFreeOfCycles().check(classes);
    }

    /** Each class to its feature: the first package under {@code root}, or the root package itself. */
    static SliceAssignment featuresOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                String name = type.getPackageName();
                if (name.equals(root)) {
                    return SliceIdentifier.of(root);
                }
                if (!name.startsWith(root + ".")) {
                    return SliceIdentifier.ignore();
                }
                String rest = name.substring(root.length() + 1);
                int dot = rest.indexOf('.');
                return SliceIdentifier.of(root + "." + (dot < 0 ? rest : rest.substring(0, dot)));
            }

            @Override
            public String getDescription() {
                return "the root package and each feature package under " + root;
            }
        };
    }

    /**
     * Fails when code of a bounded context ({@code inside}, its packages) uses code of the context beside it
     * ({@code beside}), or when code outside it uses more of it than the classes it publishes (named in full, nested
     * ones with {@code $}). Shared packages (the root's problems, configuration) are neither.
     */
    public static void assertBoundary(JavaClasses classes, Collection<String> inside, Collection<String> beside,
                                      Collection<String> published) {
        String[] insidePackages = inside.stream().map(p -> p + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage(insidePackages)
                .should().dependOnClassesThat().resideInAnyPackage(beside.stream().map(p -> p + "..").toArray(String[]::new))
                .because("a bounded context reaches the one beside it only through what that one publishes")
                .check(classes);
        noClasses().that().resideOutsideOfPackages(insidePackages)
                .should().dependOnClassesThat(DescribedPredicate.describe("are inside " + inside + " and not published",
                        (JavaClass target) -> inside.stream().anyMatch(p -> target.getPackageName().equals(p)
                                || target.getPackageName().startsWith(p + "."))
                                && published.stream().noneMatch(name -> target.getName().equals(name)
                                || target.getName().startsWith(name + "$"))))
                .because("the rest of the service sees a bounded context only through what it publishes")
                .check(classes);
    }
}
