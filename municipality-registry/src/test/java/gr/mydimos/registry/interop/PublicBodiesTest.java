package gr.mydimos.registry.interop;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import gr.mydimos.registry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Accredited public bodies (issue 10): client credentials at the real Keycloak, one role per data category. */
@QuarkusTest
class PublicBodiesTest {

    private static final String MARIA = "/api/registry/bodies/persons/094259216";

    @Test
    void aBodyReadsTheCategoryItWasAccreditedForAndNoOther() {
        String efka = body("efka-benefits");
        given().auth().oauth2(efka).get(MARIA + "/family-status").then().statusCode(200)
                .body("shareNumber", equalTo(4821)).body("municipality", equalTo("thessaloniki"))
                .body("members.relation", contains("HEAD", "SPOUSE", "CHILD", "CHILD"))
                .body("members[2].firstName", equalTo("Γεώργιος"))
                // the minimum: no other person's tax number, no parents' names
                .body("members[0]", not(org.hamcrest.Matchers.hasKey("taxId")))
                .body("members[0]", not(org.hamcrest.Matchers.hasKey("fatherName")));
        given().auth().oauth2(efka).get(MARIA + "/civil-status").then().statusCode(403);

        String aade = body("aade-tax-registry");
        given().auth().oauth2(aade).get(MARIA + "/civil-status").then().statusCode(200)
                .body("birth.date", equalTo("1985-03-14")).body("marriage.date", equalTo("2012-06-23"))
                .body("death", nullValue());
        given().auth().oauth2(aade).get(MARIA + "/family-status").then().statusCode(403);
    }

    @Test
    void everyCallIsLoggedUnderTheBodysName() {
        given().auth().oauth2(body("efka-benefits")).header("X-Request-Id", "efka-call-7")
                .get("/api/registry/bodies/persons/135792468/family-status").then().statusCode(200);
        given().auth().oauth2(Tokens.employee("central-admin"))
                .get("/api/registry/record-reads?recordId=7c2e1d2f-0000-4000-8000-000000000002").then().statusCode(200)
                .body("[0].reader", equalTo("service-account-efka-benefits")).body("[0].requestId", equalTo("efka-call-7"));
    }

    @Test
    void peopleAndBadNumbersGetNoAnswer() {
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(MARIA + "/family-status").then().statusCode(403);
        given().auth().oauth2(Tokens.citizen("citizen-maria")).get(MARIA + "/civil-status").then().statusCode(403);
        given().auth().oauth2(body("efka-benefits")).get("/api/registry/bodies/persons/123456789/family-status")
                .then().statusCode(400).body("field", equalTo("taxId"));
        given().auth().oauth2(body("efka-benefits")).get("/api/registry/bodies/persons/164820958/family-status")
                .then().statusCode(404);
    }

    /** A body's access token by the client-credentials grant (demo secret: client id + "-secret"). */
    private static String body(String client) {
        String keycloak = ConfigProvider.getConfig().getValue("keycloak.url", String.class);
        return given().formParam("grant_type", "client_credentials").formParam("client_id", client)
                .formParam("client_secret", client + "-secret")
                .post(keycloak + "/realms/employees/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
