package gr.mydimos.registry.records;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import gr.mydimos.registry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ID-3, seed 004 Art.5§3: an admin sees which of their municipality's staff read whose personal data. */
@QuarkusTest
class StaffReadsTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Athens")).toString();

    @Test
    void aMunicipalAdminSeesTheReadsOfTheirStaffOnly() {
        String reason = "Τηλεφωνικό ραντεβού " + System.nanoTime();
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).queryParam("reason", reason)
                .get("/api/registry/people/094259216").then().statusCode(200);
        given().auth().oauth2(Tokens.employee("clerk-thermaikos")).queryParam("reason", reason)
                .get("/api/registry/people/094259216").then().statusCode(200);
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).queryParam("taxId", "094259216")
                .get("/api/registry/family-shares").then().statusCode(200);

        List<Map<String, Object>> ours = given().auth().oauth2(Tokens.employee("admin-thessaloniki"))
                .queryParams("from", TODAY, "to", TODAY).get("/api/registry/staff-reads").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(ours).allSatisfy(read -> assertThat(read).containsEntry("readerMunicipality", "thessaloniki"));
        assertThat(ours).anySatisfy(read -> assertThat(read).containsEntry("what", "PERSON").containsEntry("reason", reason)
                .containsEntry("subjectTaxId", "094259216").containsEntry("reader", "clerk-thessaloniki"));
        assertThat(ours).anySatisfy(read -> assertThat(read).containsEntry("what", "FAMILY_SHARE"));

        List<Map<String, Object>> all = given().auth().oauth2(Tokens.employee("central-admin"))
                .queryParams("from", TODAY, "to", TODAY).get("/api/registry/staff-reads").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(all).anySatisfy(read -> assertThat(read).containsEntry("readerMunicipality", "thermaikos")
                .containsEntry("reason", reason));
    }

    @Test
    void onlyAdminsReadItAndAPeriodIsTwoDates() {
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).queryParams("from", TODAY, "to", TODAY)
                .get("/api/registry/staff-reads").then().statusCode(403);
        given().queryParams("from", TODAY, "to", TODAY).get("/api/registry/staff-reads").then().statusCode(401);
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).queryParams("from", "yesterday", "to", TODAY)
                .get("/api/registry/staff-reads").then().statusCode(400).body("field", equalTo("from"));
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).queryParams("from", "2024-01-01", "to", TODAY)
                .get("/api/registry/staff-reads").then().statusCode(400).body("field", equalTo("to"));
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).queryParams("from", "+999999999-12-31", "to", "+999999999-12-31")
                .get("/api/registry/staff-reads").then().statusCode(400).body("field", equalTo("from"));
    }
}
