package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** BK-7 end to end: a citizen declines the municipality's proposed move; the booking stays, the proposed time is free. */
class TransferDeclinedTest {

    private static final String SERVICE = "thessaloniki-civil-marriage-licence";

    @Test
    void aDeclinedProposalLeavesTheBookingAndFreesTheProposedTime() {
        // not Maria: the browser tests and other system tests book as her within minutes, and a person may ask for at
        // most 10 bookings in 10 minutes (refused ones count too)
        String nikos = Demo.token("citizens", "citizen-nikos", "portal");
        String admin = Demo.token("employees", "admin-thessaloniki", "backoffice");
        Demo.cancelUpcomingBookings(nikos, SERVICE);
        List<String> starts = Demo.freeStarts(SERVICE, "IN_PERSON", 5);
        String booked = starts.get(0);
        String proposed = starts.get(starts.size() - 1);
        String reference = given().auth().oauth2(nikos).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "%s", "mode": "IN_PERSON", "start": "%s",
                         "person": {"fullName": "Νίκος Γεωργίου", "email": "nikos@example.gr", "phone": "6912345678"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el"}""".formatted(SERVICE, booked))
                .post(Demo.GATEWAY + "/api/bookings").then().statusCode(201).extract().path("reference");
        try {
            String employee = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"start\": \"%s\", \"reason\": \"Ανακαίνιση γραφείου\"}".formatted(proposed))
                    .post(Demo.GATEWAY + "/api/bookings/" + reference + "/transfer").then().statusCode(201)
                    .extract().path("employee");
            // the proposal keeps that employee's time while she decides
            day(proposed, employee).then().body("start", not(hasItem(proposed)));

            given().auth().oauth2(nikos).post(Demo.GATEWAY + "/api/bookings/" + reference + "/transfer/decline")
                    .then().statusCode(200).body("status", equalTo("DECLINED"));
            given().auth().oauth2(nikos).get(Demo.GATEWAY + "/api/bookings/" + reference).then().statusCode(200)
                    .body("start", equalTo(booked)).body("status", equalTo("CONFIRMED"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)) // slot search is rate-limited
                    .untilAsserted(() -> day(proposed, employee).then().body("start", hasItem(proposed)));
        } finally {
            given().auth().oauth2(nikos).post(Demo.GATEWAY + "/api/bookings/" + reference + "/cancel").then().statusCode(200);
        }
    }

    private static io.restassured.response.Response day(String start, String employee) {
        String date = start.substring(0, 10);
        return given().queryParams("municipality", "thessaloniki", "service", SERVICE, "mode", "IN_PERSON",
                "from", date, "to", date, "employee", employee).get(Demo.GATEWAY + "/api/availability/slots");
    }
}
