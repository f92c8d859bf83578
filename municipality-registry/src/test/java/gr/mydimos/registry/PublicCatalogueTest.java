package gr.mydimos.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

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
    void visitorSearchesByNameIgnoringCaseAndGreekAccents() {
        for (String q : new String[] {"θεσσαλονικη", "ΘΕΣΣΑΛΟΝΊΚΗΣ", "Θεσσαλονίκη", "thessaloniki", "THESS"}) {
            given().queryParam("q", q).when().get("/api/registry/municipalities")
                    .then().statusCode(200).body("code", contains("thessaloniki"));
        }
        given().queryParam("q", "θερμαϊκου").when().get("/api/registry/municipalities")
                .then().statusCode(200).body("code", contains("thermaikos"));
    }

    @Test
    void wildcardsInTheSearchAreMatchedAsText() {
        for (String q : new String[] {"%", "_", "θεσσαλ%νικη", "θεσσαλ_νικη", "!"}) {
            given().queryParam("q", q).when().get("/api/registry/municipalities")
                    .then().statusCode(200).body("size()", equalTo(0));
        }
    }

    @Test
    void municipalitiesNotYetOnboardedAreNotListed() {
        given().queryParam("q", "Πυλαία").when().get("/api/registry/municipalities")
                .then().statusCode(200).body("size()", equalTo(0));
        given().when().get("/api/registry/municipalities/pylaia-chortiatis").then().statusCode(404);
    }

    @Test
    void visitorFindsTheCompetentMunicipalityByPostalCode() {
        given().queryParam("postalCode", "546 40").when().get("/api/registry/municipalities")
                .then().statusCode(200).body("code", contains("thessaloniki"));
        given().queryParam("postalCode", "57019").when().get("/api/registry/municipalities")
                .then().statusCode(200).body("code", contains("thermaikos"));
        given().queryParam("postalCode", "5464").when().get("/api/registry/municipalities")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("postalCode"));
    }

    @Test
    void thermaikosListsItsCatalogueWithFeesAndWhatTheOfficeRetrievesItself() {
        given().when().get("/api/registry/municipalities/thermaikos/services")
                .then().statusCode(200)
                .body("id", hasItems("thermaikos-minor-passport", "thermaikos-change-of-address",
                        "thermaikos-transfer-married", "thermaikos-transfer-unmarried", "thermaikos-transfer-divorced",
                        "thermaikos-certificates", "thermaikos-naturalisation"))
                .body("find { it.id == 'thermaikos-naturalisation' }.fees.amountEuro", contains(700, 200, 100))
                .body("find { it.id == 'thermaikos-transfer-married' }.documents.findAll { it.exOfficio }.nameEl",
                        contains("Πιστοποιητικό οικογενειακής κατάστασης", "Ληξιαρχική πράξη γάμου"));
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

    /** RFC 9110: a 405 says which methods the address takes (RESTEasy Reactive's own answer does not). */
    @Test
    void aMethodTheAddressDoesNotTakeIsA405NamingTheOnesItDoes() {
        given().header("Accept-Language", "en").when().delete("/api/registry/municipalities")
                .then().statusCode(405).contentType("application/problem+json")
                .header("Allow", "GET, HEAD, OPTIONS")
                .body("type", equalTo("https://mydimos.gov.gr/problems/method-not-allowed"))
                .body("title", equalTo("Method not allowed"));
    }

    @Test
    void unknownMunicipalityIsAProblemNotAnError() {
        given().when().get("/api/registry/municipalities/atlantis/services")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://mydimos.gov.gr/problems/not-found"))
                .body("title", equalTo("Δεν βρέθηκε"));
    }
}
