package gr.mydimos.registry.citizen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import gr.mydimos.registry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** REG-6 against the real PostgreSQL and Keycloak: the signed-in citizen's own record, found by the AFM of the token. */
@QuarkusTest
class MeTest {

    @Test
    void citizenGetsTheirRegistryDataToPrefillTheForm() {
        given().auth().oauth2(Tokens.citizen("citizen-maria")).get("/api/registry/me")
                .then().statusCode(200)
                .body("taxId", equalTo("094259216"))
                .body("firstName", equalTo("Μαρία"))
                .body("lastName", equalTo("Παπαδοπούλου"))
                .body("fatherName", equalTo("Γεώργιος"))
                .body("birthDate", equalTo("1985-03-14"))
                .body("municipality", equalTo("thessaloniki"))
                .body("email", equalTo("maria@example.gr"))
                .body("mobile", equalTo("+306912345678"));
    }

    @Test
    void citizenWithoutARecordIsToldToDeclareTheirData() {
        given().auth().oauth2(Tokens.citizen("citizen-nikos")).get("/api/registry/me")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/no-registry-record"));
    }

    @Test
    void onlySignedInCitizensHaveARecord() {
        given().get("/api/registry/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("forged.token.value").get("/api/registry/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get("/api/registry/me")
                .then().statusCode(403).contentType("application/problem+json");
    }

}
