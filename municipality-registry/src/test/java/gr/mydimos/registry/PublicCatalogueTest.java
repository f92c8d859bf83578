package gr.mydimos.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The portal reads municipalities and their catalogue without signing in (REG-8), from the real database. */
@QuarkusTest
class PublicCatalogueTest {

    @Test
    void visitorSeesTheActiveMunicipalities() {
        given().when().get("/api/registry/municipalities")
                .then().statusCode(200)
                .body("code", hasItems("thessaloniki", "thermaikos"))
                .body("find { it.code == 'thessaloniki' }.nameEl", equalTo("Δήμος Θεσσαλονίκης"));
    }

    @Test
    void visitorSearchesMunicipalitiesByName() {
        given().queryParam("q", "Thermai").when().get("/api/registry/municipalities")
                .then().statusCode(200)
                .body("code", hasItem("thermaikos"))
                .body("code", not(hasItem("thessaloniki")));
    }

    @Test
    void visitorSeesTheUnitsAndHoursOfAMunicipality() {
        given().when().get("/api/registry/municipalities/thessaloniki")
                .then().statusCode(200)
                .body("modes", hasItems("IN_PERSON", "PHONE", "VIDEO"))
                .body("units.nameEl", hasItems("Τμήμα Δημοτολογίου", "Τμήμα Ληξιαρχείου",
                        "Τμήμα Γενικού Πρωτοκόλλου και Διοικητικής Υποστήριξης", "Τμήμα Διαφάνειας"))
                .body("units.find { it.id == 'thessaloniki-municipal-registry' }.hoursEl",
                        equalTo("Δευτέρα–Παρασκευή 08:00–14:00 (άδειες πολιτικών γάμων 08:00–13:30), μόνο με ραντεβού"));
    }

    @Test
    void visitorSeesServicesWithDurationsAndDocumentsToBring() {
        given().when().get("/api/registry/municipalities/thessaloniki/services")
                .then().statusCode(200)
                .body("find { it.id == 'thessaloniki-civil-marriage-licence' }.modes[0].durationMinutes", equalTo(30))
                .body("find { it.id == 'thessaloniki-civil-marriage-licence' }.documents.exOfficio", hasItems(true, false));
    }

    @Test
    void unknownMunicipalityIsAProblemNotAnError() {
        given().when().get("/api/registry/municipalities/atlantis/services")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }
}
