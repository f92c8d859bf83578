package gr.mydimos.booking.privacy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import gr.mydimos.booking.PeerServicesStub;
import gr.mydimos.testing.MovableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** a person downloads what is held about them; personal data is erased 90 days after the appointment. */
@QuarkusTest
@QuarkusTestResource(PeerServicesStub.class)
class PersonalDataTest {

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;
    @Inject
    MovableClock clock;

    @Test
    void aCitizenDownloadsTheirDataAndItIsErasedAfterTheRetentionButStillCounted() {
        String maria = token("citizens", "citizen-maria", "portal");
        String clerk = token("employees", "clerk-thessaloniki", "backoffice");
        String reference = given().auth().oauth2(maria).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "thessaloniki-registry-certificate", "mode": "IN_PERSON",
                         "start": "2026-12-28T10:00:00+02:00",
                         "person": {"fullName": "Μαρία Παπαδοπούλου", "email": "maria.data@example.gr", "phone": "6912345678"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el"}""")
                .post("/api/bookings").then().statusCode(201).extract().path("reference");

        given().auth().oauth2(maria).get("/api/bookings/my-data").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body("taxId", equalTo("094259216"))
                .body("bookings.find { it.reference == '" + reference + "' }.email", equalTo("maria.data@example.gr"))
                .body("bookings.find { it.reference == '" + reference + "' }.declarationVersion", equalTo("2026-01"))
                .body("bookings.find { it.reference == '" + reference + "' }.createdByYou", equalTo(true));
        given().auth().oauth2(clerk).get("/api/bookings/my-data").then().statusCode(403);

        clock.setAthens("2027-03-29T09:00"); // 91 days after the appointment
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(clerk).get("/api/bookings/" + reference)
                .then().statusCode(200).body("person.fullName", equalTo("")).body("person.email", equalTo(""))
                .body("person.phone", equalTo("")));
        given().auth().oauth2(maria).get("/api/bookings/my-data").then().statusCode(200)
                .body("bookings.reference", not(hasItem(reference)));
        given().auth().oauth2(token("employees", "admin-thessaloniki", "backoffice"))
                .queryParams("from", "2026-12-28", "to", "2026-12-28").get("/api/bookings/stats")
                .then().statusCode(200).body("byStatus.CONFIRMED", equalTo(1));
    }

    private String token(String realm, String user, String client) {
        return new KeycloakTestClient(keycloakUrl + "/realms/" + realm).getAccessToken(user, user, client);
    }
}
