package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * The central administration's view of the municipalities (issue 21, REG-1, seed 004 Art.6) and the public
 * announcement of new ones — through the gateway, and refused to anyone else there and directly at the registry.
 */
class CentralAdministrationTest {

    private static final String REGISTRY = System.getProperty("registry.url", "http://127.0.0.1:8084");

    @Test
    void onlyTheCentralAdminSeesEveryMunicipalitysStatus() {
        String central = Demo.token("employees", "central-admin", "backoffice");
        String admin = Demo.token("employees", "admin-thessaloniki", "backoffice");
        for (String base : new String[] {Demo.GATEWAY, REGISTRY}) {
            given().get(base + "/api/registry/municipality-statuses").then().statusCode(401).contentType("application/problem+json");
            given().auth().oauth2(admin).get(base + "/api/registry/municipality-statuses").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(central).get(base + "/api/registry/municipality-statuses").then().statusCode(200)
                    .body("find { it.code == 'thessaloniki' }.status", equalTo("ACTIVE"));
        }
    }

    @Test
    void newMunicipalitiesAreAnnouncedToAnyone() {
        given().get(Demo.GATEWAY + "/api/registry/new-municipalities").then().statusCode(200).contentType("application/json");
    }

    @Test
    void anApprovalNamesItsAct() {
        String central = Demo.token("employees", "central-admin", "backoffice");
        given().auth().oauth2(central).contentType("application/json").body("{\"actNumber\": \" \"}")
                .post(Demo.GATEWAY + "/api/registry/onboarding-requests/00000000-0000-0000-0000-000000000000/approve")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
