package gr.mydimos.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import io.restassured.http.ContentType;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** ID-4 at the edge: past its limit a person or an address gets 429 with Retry-After; others are not affected. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
@TestProfile(RateLimitTest.TightLimits.class)
class RateLimitTest {

    /** Limits small enough to reach in a test. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limits.rules.slot-search.per-address", "3/PT1H",
                    "gateway.rate-limits.rules.booking-create.per-person", "2/PT1H",
                    "gateway.rate-limits.rules.booking-create.per-address", "100/PT1H",
                    "gateway.rate-limits.rules.staff-booking-create.per-person", "4/PT1H");
        }
    }

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;

    @Test
    void slotSearchFromOneAddressIsLimited() {
        for (int i = 0; i < 3; i++) {
            given().get("/api/availability/slots?municipality=thessaloniki").then().statusCode(200);
        }
        given().get("/api/availability/slots?municipality=thessaloniki")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://mydimos.gov.gr/problems/too-many-requests"));
        given().get("/api/registry/municipalities").then().statusCode(200); // other APIs are not affected
    }

    @Test
    void bookingCreationIsLimitedPerPerson() {
        String maria = token("citizen-maria");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(maria).contentType(ContentType.JSON).body("{}").post("/api/bookings").then().statusCode(200);
        }
        given().auth().oauth2(maria).contentType(ContentType.JSON).body("{}").post("/api/bookings").then().statusCode(429);
        given().auth().oauth2(token("citizen-nikos")).contentType(ContentType.JSON).body("{}").post("/api/bookings")
                .then().statusCode(200);
    }

    @Test
    void clerksBookingForCallersHaveALimitOfTheirOwn() {
        String clerk = new KeycloakTestClient(keycloakUrl + "/realms/employees")
                .getAccessToken("clerk-thessaloniki", "clerk-thessaloniki", "backoffice");
        for (int i = 0; i < 4; i++) { // more than a citizen may, fewer than without limit
            given().auth().oauth2(clerk).contentType(ContentType.JSON).body("{}").post("/api/bookings").then().statusCode(200);
        }
        given().auth().oauth2(clerk).contentType(ContentType.JSON).body("{}").post("/api/bookings").then().statusCode(429);
    }

    private String token(String user) {
        return new KeycloakTestClient(keycloakUrl + "/realms/citizens").getAccessToken(user, user, "portal");
    }
}
