package gr.mydimos.registry.onboarding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import gr.mydimos.registry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** REG-2 against the real PostgreSQL and Keycloak: declare, decide, and only then be bookable. */
@QuarkusTest
class OnboardingTest {

    private static final String PATH = "/api/registry/onboarding-requests";
    private static final String ACT = "{\"actNumber\": \"ΥΠ.ΕΣ. 1234/2026\", \"actDate\": \"2026-11-30\"}";

    @Test
    void aMunicipalityJoinsWhenTheCentralAdminApprovesWhatItDeclared() {
        String admin = Tokens.employee("admin-neapoli-sykies");
        String central = Tokens.employee("central-admin");

        String first = given().auth().oauth2(admin).contentType(ContentType.JSON).body(declaration("08:00", "14:00", 15))
                .post(PATH).then().statusCode(201).body("status", equalTo("SUBMITTED")).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(declaration("08:00", "14:00", 15))
                .post(PATH).then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/request-open"));
        given().get("/api/registry/municipalities").then().body("code", not(hasItem("neapoli-sykies")));

        given().auth().oauth2(central).contentType(ContentType.JSON).body("{}").post(PATH + "/" + first + "/reject")
                .then().statusCode(400).body("field", equalTo("reason"));
        given().auth().oauth2(central).contentType(ContentType.JSON).body("{\"reason\": \"Λείπει το ωράριο του ΚΕΠ\"}")
                .post(PATH + "/" + first + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("decisionReason", equalTo("Λείπει το ωράριο του ΚΕΠ"));
        given().auth().oauth2(central).contentType(ContentType.JSON).body(ACT).post(PATH + "/" + first + "/approve")
                .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/already-decided"));

        String second = given().auth().oauth2(admin).contentType(ContentType.JSON).body(declaration("08:00", "15:00", 20))
                .post(PATH).then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).get(PATH).then().statusCode(200).body("id", hasItem(second));
        given().auth().oauth2(central).get("/api/registry/municipality-statuses").then().statusCode(200)
                .body("find { it.code == 'neapoli-sykies' }.status", equalTo("PENDING"))
                .body("find { it.code == 'neapoli-sykies' }.openRequest", equalTo(second));
        // approval names the act of the Secretary General (seed 004 Art.6§3)
        given().auth().oauth2(central).contentType(ContentType.JSON).body("{}").post(PATH + "/" + second + "/approve")
                .then().statusCode(400).body("violations.field", hasItem("actNumber"));
        given().auth().oauth2(central).contentType(ContentType.JSON)
                .body("{\"actNumber\": \"1/2099\", \"actDate\": \"2099-01-01\"}").post(PATH + "/" + second + "/approve")
                .then().statusCode(400).body("field", equalTo("actDate"));
        given().auth().oauth2(central).contentType(ContentType.JSON).body(ACT).post(PATH + "/" + second + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("actNumber", equalTo("ΥΠ.ΕΣ. 1234/2026"))
                .body("actDate", equalTo("2026-11-30"));
        given().auth().oauth2(central).get("/api/registry/municipality-statuses").then().statusCode(200)
                .body("find { it.code == 'neapoli-sykies' }.status", equalTo("ACTIVE"))
                .body("find { it.code == 'neapoli-sykies' }.joiningActNumber", equalTo("ΥΠ.ΕΣ. 1234/2026"));
        // announced to citizens (Art.6§4)
        given().get("/api/registry/new-municipalities").then().statusCode(200)
                .body("find { it.code == 'neapoli-sykies' }.actDate", equalTo("2026-11-30"));

        given().get("/api/registry/municipalities").then().body("code", hasItem("neapoli-sykies"));
        given().get("/api/registry/municipalities/neapoli-sykies")
                .then().statusCode(200).body("units[0].nameEl", equalTo("Τμήμα Δημοτολογίου"));
        given().get("/api/registry/municipalities/neapoli-sykies/services")
                .then().statusCode(200).body("[0].modes[0].durationMinutes", equalTo(20));
    }

    @Test
    void declarationsThatCannotWorkAreRefusedNamingTheField() {
        String admin = Tokens.employee("admin-neapoli-sykies");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(declaration("14:00", "08:00", 15)).post(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("units[0].hours[0].closes"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(declaration("08:00", "14:00", 0)).post(PATH)
                .then().statusCode(400).body("violations.field", hasItem("services[0].modes[0].durationMinutes"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(declaration("08:00", "14:00", 15)
                        .replace("\"modes\": [\"IN_PERSON\", \"VIDEO\"]", "\"modes\": []")).post(PATH)
                .then().statusCode(400).body("violations.field", hasItem("modes"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(declaration("08:00", "14:00", 15)
                        .replace("\"unitId\": \"neapoli-sykies-registry\"", "\"unitId\": \"elsewhere\"")).post(PATH)
                .then().statusCode(400).body("field", equalTo("services[0].unitId"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(declaration("08:00", "14:00", 15)
                        .replace("{\"mode\": \"IN_PERSON\"", "{\"mode\": \"PHONE\"")).post(PATH)
                .then().statusCode(400).body("field", equalTo("services[0].modes[0].mode"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(declaration("08:00", "14:00", 15)
                        .replace("{\"day\": 2, \"opens\": \"08:00\"", "{\"day\": 1, \"opens\": \"13:00\"")).post(PATH)
                .then().statusCode(400).body("field", equalTo("units[0].hours[1].opens"));
        // unit and service ids are one namespace: another municipality's are not taken (approval would overwrite them)
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(declaration("08:00", "14:00", 15)
                        .replace("neapoli-sykies-registry", "thessaloniki-transparency")).post(PATH)
                .then().statusCode(409).body("field", equalTo("units[0].id"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(declaration("08:00", "14:00", 15)
                        .replace("neapoli-sykies-certificate", "thessaloniki-registry-certificate")).post(PATH)
                .then().statusCode(409).body("field", equalTo("services[0].id"));
    }

    @Test
    void onlyTheMunicipalitysAdminSubmitsAndOnlyTheCentralAdminDecides() {
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON)
                .body(declaration("08:00", "14:00", 15)).post(PATH)
                .then().statusCode(403).body("field", equalTo("code"));
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).contentType(ContentType.JSON)
                .body(declaration("08:00", "14:00", 15)).post(PATH).then().statusCode(403);
        given().contentType(ContentType.JSON).body(declaration("08:00", "14:00", 15)).post(PATH).then().statusCode(401);
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON).body(ACT)
                .post(PATH + "/00000000-0000-0000-0000-000000000000/approve").then().statusCode(403);
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).get("/api/registry/municipality-statuses").then().statusCode(403);
        given().get("/api/registry/municipality-statuses").then().statusCode(401);
    }

    private static String declaration(String opens, String closes, int minutes) {
        return """
                {"code": "neapoli-sykies", "nameEl": "Δήμος Νεάπολης-Συκεών", "nameEn": "Municipality of Neapoli-Sykies",
                 "address": "Ελ. Βενιζέλου 2, 567 28 Νεάπολη", "phones": ["2313313500"], "email": "info@neapoli-sykies.gr",
                 "modes": ["IN_PERSON", "VIDEO"], "thirdPartyVideoAllowed": true,
                 "units": [{"id": "neapoli-sykies-registry", "nameEl": "Τμήμα Δημοτολογίου", "nameEn": "Municipal Registry",
                            "hours": [{"day": 1, "opens": "%s", "closes": "%s"}, {"day": 2, "opens": "08:00", "closes": "14:00"}]}],
                 "services": [{"id": "neapoli-sykies-certificate", "unitId": "neapoli-sykies-registry",
                               "nameEl": "Πιστοποιητικό δημοτολογίου", "nameEn": "Registry certificate",
                               "modes": [{"mode": "IN_PERSON", "durationMinutes": %d}], "bufferMinutes": 5,
                               "documents": [{"nameEl": "Ταυτότητα", "nameEn": "Identity card", "exOfficio": false}]}]}"""
                .formatted(opens, closes, minutes);
    }

}
