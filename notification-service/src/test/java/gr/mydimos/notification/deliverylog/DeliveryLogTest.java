package gr.mydimos.notification.deliverylog;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static gr.mydimos.notification.Notifications.awaitLog;
import static gr.mydimos.notification.Notifications.log;
import static gr.mydimos.notification.Notifications.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import gr.mydimos.notification.PeerServicesStub;
import gr.mydimos.notification.TestBooking;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Who may read a booking's delivery log: booking-service decides, with the caller's own token, whether the caller
 * sees the booking (the citizen who owns it, staff of its municipality); notification follows its answer.
 */
@QuarkusTest
@QuarkusTestResource(PeerServicesStub.class)
class DeliveryLogTest {

    @Test
    void theOwnerSeesWhatWasSentAndWhatIsPlannedWithoutAddresses() {
        TestBooking booking = TestBooking.video("el", "2026-12-08T12:00");
        booking.publish("BookingConfirmed");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> log(booking.reference()),
                log -> log.size() == 4 && "SENT".equals(log.get(0).get("status")));

        String token = token("citizens", "citizen-maria", "portal");
        given().auth().oauth2(token).queryParam("booking", booking.reference())
                .get("/api/notifications")
                .then().statusCode(200)
                .body("kind", contains("CONFIRMATION", "INVITATION", "REMINDER", "REMINDER"))
                .body("to", contains("APPLICANT", "THIRD_PARTY", "APPLICANT", "APPLICANT"))
                .body("dueAt", contains("2026-12-01T09:00:00+02:00", "2026-12-01T09:00:00+02:00", "2026-12-07T12:00:00+02:00",
                        "2026-12-08T11:00:00+02:00"))
                .body("[0].status", equalTo("SENT"))
                .body("[0].sentAt", equalTo("2026-12-01T09:00:00+02:00"))
                .body("[2].status", equalTo("PENDING"))
                .body(org.hamcrest.Matchers.not(containsString("@example.gr")));
        // booking-service was asked with the caller's own token
        PeerServicesStub.server.verify(getRequestedFor(urlPathEqualTo("/api/bookings/" + booking.reference()))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + token)));
    }

    @Test
    void aClerkOfTheMunicipalityMayReadIt() {
        TestBooking booking = TestBooking.inPerson("el", "2026-12-08T09:10");
        booking.publish("BookingConfirmed");
        awaitLog(booking.reference(), 3);
        given().auth().oauth2(token("employees", "clerk-thessaloniki", "backoffice"))
                .queryParam("booking", booking.reference())
                .get("/api/notifications")
                .then().statusCode(200).body("$", hasSize(3));
    }

    @Test
    void othersAreRefusedWithProblems() {
        given().queryParam("booking", "ABCD-2345").get("/api/notifications").then().statusCode(401);
        given().auth().oauth2(token("citizens", "citizen-nikos", "portal")).queryParam("booking", "NOTYOURS-1")
                .get("/api/notifications")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/not-found"))
                .body("field", equalTo("booking"));
        given().auth().oauth2(token("employees", "clerk-thermaikos", "backoffice")).queryParam("booking", "OTHERMUN-1")
                .get("/api/notifications")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("citizens", "citizen-maria", "portal"))
                .get("/api/notifications")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("booking"));
    }
}
