package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * Roles and municipality are enforced by each service itself, not only at the gateway (ID-2): the same refusals
 * whether a request comes through the gateway or reaches the service directly (as from inside the cluster).
 */
class AuthorisationEverywhereTest {

    private static final String BOOKING = System.getProperty("booking.url", "http://127.0.0.1:8081");
    private static final String SERVICE = "thessaloniki-registry-certificate";
    private static final String NOTIFICATION = System.getProperty("notification.url", "http://127.0.0.1:8083");

    @Test
    void withoutATokenBothAnswerWithA401Problem() {
        for (String base : new String[] {Demo.GATEWAY, BOOKING}) {
            given().get(base + "/api/bookings").then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aCitizenCannotReadTheClerksAgenda() {
        String citizen = Demo.token("citizens", "citizen-maria", "portal");
        for (String base : new String[] {Demo.GATEWAY, BOOKING}) {
            given().auth().oauth2(citizen).get(base + "/api/bookings/agenda").then().statusCode(403);
        }
    }

    @Test
    void aThermaikosClerkCannotReadThessalonikisAgendaNorItsDeliveryLogs() {
        String clerk = Demo.token("employees", "clerk-thermaikos", "backoffice");
        for (String base : new String[] {Demo.GATEWAY, BOOKING}) {
            given().auth().oauth2(clerk).queryParam("municipality", "thessaloniki").get(base + "/api/bookings/agenda")
                    .then().statusCode(403).contentType("application/problem+json").body("field", equalTo("municipality"));
        }
        // A Thessaloniki booking a clerk made for a caller: its messages are not the Thermaikos clerk's to read.
        String thessalonikiClerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        String reference = Demo.phoneBooking(thessalonikiClerk, SERVICE, Demo.freeSlot(SERVICE, 3));
        try {
            given().auth().oauth2(thessalonikiClerk).queryParam("booking", reference)
                    .get(Demo.GATEWAY + "/api/notifications").then().statusCode(200);
            for (String base : new String[] {Demo.GATEWAY, NOTIFICATION}) {
                given().auth().oauth2(clerk).queryParam("booking", reference).get(base + "/api/notifications")
                        .then().statusCode(403).contentType("application/problem+json");
            }
        } finally {
            given().auth().oauth2(thessalonikiClerk).post(Demo.GATEWAY + "/api/bookings/" + reference + "/cancel")
                    .then().statusCode(200);
        }
    }
}
