package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 end to end, through the gateway against the running demo system: a citizen's certificate, verified by
 * anyone without signing in; an accredited body reading only its data category; both in the gateway's audit trail.
 */
class CitizenRegistryThroughTheGatewayTest {

    @Test
    void aCitizensCertificateIsDownloadedAndVerifiedByAnyone() {
        String maria = Demo.token("citizens", "citizen-maria", "portal");
        String code = given().auth().oauth2(maria).contentType("application/json").body("{\"type\": \"FAMILY_STATUS\"}")
                .post(Demo.GATEWAY + "/api/registry/certificates").then().statusCode(201).extract().path("code");
        byte[] pdf = given().auth().oauth2(maria).get(Demo.GATEWAY + "/api/registry/certificates/" + code)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        given().get(Demo.GATEWAY + "/api/registry/certificate-verifications/" + code).then().statusCode(200)
                .body("status", equalTo("VALID")).body("type", equalTo("FAMILY_STATUS"));
        // verification is public; requesting and downloading are not
        given().get(Demo.GATEWAY + "/api/registry/certificates/" + code).then().statusCode(401);
    }

    @Test
    void anAccreditedBodyReadsItsCategoryOnlyAndEveryCallIsAudited() {
        String efka = given().formParams("grant_type", "client_credentials", "client_id", "efka-benefits",
                        "client_secret", "efka-benefits-secret")
                .post(Demo.KEYCLOAK + "/realms/employees/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(efka).get(Demo.GATEWAY + "/api/registry/bodies/persons/094259216/family-status")
                .then().statusCode(200).body("shareNumber", equalTo(4821));
        given().auth().oauth2(efka).get(Demo.GATEWAY + "/api/registry/bodies/persons/094259216/civil-status")
                .then().statusCode(403);

        String admin = Demo.token("employees", "central-admin", "backoffice");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(admin).get(Demo.GATEWAY + "/api/audit?record=/api/registry/bodies/persons/094259216&limit=20")
                        .then().statusCode(200).body("outcome", hasItem(403)).body("outcome", hasItem(200)));
    }
}
