package gr.mydimos.acting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gr.mydimos.problems.Problem;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActingMunicipalityTest {

    @Test
    void anEmployeeOfOneMunicipalityActsForItWithoutChoosing() {
        assertThat(ActingMunicipality.choose(ActingMunicipality.served("thessaloniki"), null)).isEqualTo("thessaloniki");
        assertThat(ActingMunicipality.choose(ActingMunicipality.served(Json.createArrayBuilder().add("thermaikos").build()), ""))
                .isEqualTo("thermaikos");
    }

    @Test
    void anEmployeeOfSeveralActsForTheOneChosen() {
        List<String> served = ActingMunicipality.served(Json.createArrayBuilder().add("thessaloniki").add("thermaikos").build());
        assertThat(served).containsExactly("thessaloniki", "thermaikos");
        assertThat(ActingMunicipality.choose(served, "thermaikos")).isEqualTo("thermaikos");
        assertThatThrownBy(() -> ActingMunicipality.choose(served, null)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.getStatusCode()).isEqualTo(400);
            assertThat(p.getExtensions()).containsEntry("field", "Mydimos-Municipality");
            assertThat(p.getDetail().el()).contains("επιλέξτε");
        });
    }

    @Test
    void aMunicipalityNotServedIsRefused() {
        assertThatThrownBy(() -> ActingMunicipality.choose(List.of("thessaloniki"), "kalamaria"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.getStatusCode()).isEqualTo(403));
        assertThatThrownBy(() -> ActingMunicipality.choose(List.of(), "thessaloniki"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.getStatusCode()).isEqualTo(403));
    }

    @Test
    void aCallerWhoServesNoneActsForNone() {
        assertThat(ActingMunicipality.choose(ActingMunicipality.served(null), null)).isNull();
        assertThat(ActingMunicipality.served(Json.createArrayBuilder().addNull().add("").build())).isEmpty();
    }
}
