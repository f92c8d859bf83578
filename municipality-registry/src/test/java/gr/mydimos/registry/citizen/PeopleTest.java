package gr.mydimos.registry.citizen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import gr.mydimos.registry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** REG-6, ID-3: a clerk looks a caller up by tax number to serve them; every look-up is logged with its reason. */
@QuarkusTest
class PeopleTest {

    private static final String MARIA = "094259216";

    @Test
    void aClerkReadsACallersDataAndTheReadIsLoggedWithTheReason() {
        given().auth().oauth2(Tokens.employee("clerk-thermaikos")).queryParam("reason", "Τηλεφωνικό ραντεβού")
                .get("/api/registry/people/" + MARIA).then().statusCode(200)
                .body("firstName", equalTo("Μαρία")).body("lastName", equalTo("Παπαδοπούλου"))
                .body("email", equalTo("maria@example.gr")).body("mobile", equalTo("+306912345678"));

        given().auth().oauth2(Tokens.employee("central-admin")).get("/api/registry/people/" + MARIA + "/reads")
                .then().statusCode(200)
                .body("[0].reader", equalTo("clerk-thermaikos")).body("[0].readerMunicipality", equalTo("thermaikos"))
                .body("[0].reason", equalTo("Τηλεφωνικό ραντεβού")).body("[0].found", equalTo(true));
    }

    @Test
    void aLookUpThatFindsNoRecordIsLoggedToo() {
        String nikos = "123456783"; // citizen-nikos: no registry record
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).queryParam("reason", "Εξυπηρέτηση στο γκισέ")
                .get("/api/registry/people/" + nikos).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/no-registry-record"));
        given().auth().oauth2(Tokens.employee("central-admin")).get("/api/registry/people/" + nikos + "/reads")
                .then().statusCode(200).body("[0].reader", equalTo("clerk-thessaloniki")).body("[0].found", equalTo(false));
    }

    @Test
    void aReasonAndAValidTaxNumberAreRequired() {
        String clerk = Tokens.employee("clerk-thessaloniki");
        given().auth().oauth2(clerk).get("/api/registry/people/" + MARIA).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("reason"));
        given().auth().oauth2(clerk).queryParam("reason", "Τηλεφωνικό ραντεβού").get("/api/registry/people/094259217")
                .then().statusCode(400).body("field", equalTo("taxId"));
    }

    @Test
    void onlyStaffServingAMunicipalityLookPeopleUp() {
        given().queryParam("reason", "x y z").get("/api/registry/people/" + MARIA).then().statusCode(401);
        given().auth().oauth2(Tokens.citizen("citizen-nikos")).queryParam("reason", "Περιέργεια")
                .get("/api/registry/people/" + MARIA).then().statusCode(403);
        // an employee of two municipalities says which one they act for, and only one of theirs
        String both = Tokens.employee("clerk-call-centre");
        given().auth().oauth2(both).queryParam("reason", "Τηλεφωνικό ραντεβού").get("/api/registry/people/" + MARIA)
                .then().statusCode(400).body("field", equalTo("Mydimos-Municipality"));
        given().auth().oauth2(both).header("Mydimos-Municipality", "neapoli-sykies").queryParam("reason", "Τηλεφωνικό ραντεβού")
                .get("/api/registry/people/" + MARIA).then().statusCode(403);
        given().auth().oauth2(both).header("Mydimos-Municipality", "thermaikos").queryParam("reason", "Τηλεφωνικό ραντεβού")
                .get("/api/registry/people/" + MARIA).then().statusCode(200);
        // reading the log is the central administration's
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get("/api/registry/people/" + MARIA + "/reads")
                .then().statusCode(403);
    }
}
