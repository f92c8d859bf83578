package gr.mydimos.problems.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProblemCatalogueTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (\\d{3}) \\| (.+) \\|$");

    @Test
    void theDocumentListsExactlyTheTypesOfTheCatalogueWithTheirStatus() throws Exception {
        Map<String, Integer> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/problems.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertThat(documented.put(row.group(1), Integer.parseInt(row.group(2)))).as(row.group(1)).isNull();
                assertThat(row.group(3).trim()).as("meaning of " + row.group(1)).hasSizeGreaterThan(20);
            }
        }
        Map<String, Integer> defined = new LinkedHashMap<>();
        Arrays.stream(ProblemType.values()).forEach(t -> defined.put(t.slug(), t.status()));
        assertThat(documented).isEqualTo(defined);
    }

    @Test
    void everyTitleIsGreekAndEnglish() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(type.title().el()).as(type.slug()).containsPattern("\\p{InGreek}");
            assertThat(type.title().en()).as(type.slug()).matches("[\\p{ASCII}]+").isNotEqualTo(type.title().el());
            assertThat(type.uri().toString()).isEqualTo("https://mydimos.gov.gr/problems/" + type.slug());
            assertThat(ProblemType.of(type.uri())).isSameAs(type);
        }
    }

    @Test
    void greekUnlessARequestPrefersEnglish() {
        assertThat(Language.preferredBy(null)).isEqualTo(Language.EL);
        assertThat(Language.preferredBy("")).isEqualTo(Language.EL);
        assertThat(Language.preferredBy("en")).isEqualTo(Language.EN);
        assertThat(Language.preferredBy("en-GB,en;q=0.9")).isEqualTo(Language.EN);
        assertThat(Language.preferredBy("el-GR,el;q=0.9,en;q=0.8")).isEqualTo(Language.EL);
        assertThat(Language.preferredBy("de-DE,en;q=0.5")).isEqualTo(Language.EN);
        assertThat(Language.preferredBy("en;q=0.2,el;q=0.8")).isEqualTo(Language.EL);
        assertThat(Language.preferredBy("fr")).isEqualTo(Language.EL);
        assertThat(Language.preferredBy("*")).isEqualTo(Language.EL);
        assertThat(Language.preferredBy("en;q=0")).isEqualTo(Language.EL);
        assertThat(Language.preferredBy("not a ;; header ===")).isEqualTo(Language.EL);
    }
}
