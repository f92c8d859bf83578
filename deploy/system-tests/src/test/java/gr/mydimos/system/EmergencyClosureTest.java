package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 4 through the gateway and the real services: a unit closed for a strike offers each stranded booking
 * the first free time outside the closure, its own time is no longer offered to anyone, and a declined proposal
 * cancels the booking with the reason.
 */
class EmergencyClosureTest {

    private static final String SERVICE = "thessaloniki-registry-certificate";
    private static final String UNIT = "thessaloniki-municipal-registry";

    @Test
    void aStrikeClosesTheUnitAndOffersTheStrandedBookingsTimesOutsideIt() {
        String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        String admin = Demo.token("employees", "admin-thessaloniki", "backoffice");
        List<String> starts = Demo.freeStarts(SERVICE, "IN_PERSON", 7);
        OffsetDateTime from = OffsetDateTime.parse(starts.get(0));
        OffsetDateTime until = from.plusHours(2);
        List<String> booked = List.of(Demo.phoneBooking(clerk, SERVICE, starts.get(0)), Demo.phoneBooking(clerk, SERVICE, starts.get(1)));
        String reason = "Στάση εργασίας " + System.nanoTime();
        try {
            JsonPath closure = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                            {"municipality": "thessaloniki", "unitId": "%s", "start": "%s", "end": "%s", "reason": "%s",
                             "handling": "PROPOSE_NEW_TIMES", "answerBy": "%s"}""".formatted(UNIT, from, until, reason,
                            OffsetDateTime.now().plusDays(1)))
                    .post(Demo.GATEWAY + "/api/bookings/closures").then().statusCode(201).extract().jsonPath();
            List<Map<String, Object>> stranded = closure.getList("bookings");
            assertThat(stranded).extracting(b -> b.get("reference")).containsAll(booked);
            for (Map<String, Object> b : stranded) {
                assertThat(b.get("outcome")).isEqualTo("AWAITING_ANSWER");
                OffsetDateTime proposed = OffsetDateTime.parse((String) b.get("newStart"));
                assertThat(!proposed.isBefore(from) && proposed.isBefore(until)).as("proposed inside the closure").isFalse();
            }
            // nobody is offered the closed time any more
            String day = from.toLocalDate().toString();
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> given().queryParams("municipality", "thessaloniki", "service", SERVICE,
                                    "mode", "IN_PERSON", "from", day, "to", day)
                            .get(Demo.GATEWAY + "/api/availability/slots").then().statusCode(200)
                            .body("start", not(hasItem(starts.get(0)))).body("start", not(hasItem(starts.get(1)))));

            given().auth().oauth2(clerk).queryParam("channel", "PHONE")
                    .post(Demo.GATEWAY + "/api/bookings/" + booked.get(1) + "/transfer/decline").then().statusCode(200);
            given().auth().oauth2(clerk).get(Demo.GATEWAY + "/api/bookings/" + booked.get(1)).then()
                    .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo(reason));
            given().auth().oauth2(admin).queryParam("municipality", "thessaloniki").get(Demo.GATEWAY + "/api/bookings/closures")
                    .then().statusCode(200)
                    .body("find { it.id == '" + closure.getString("id") + "' }.bookings.find { it.reference == '"
                            + booked.get(1) + "' }.outcome", equalTo("DECLINED"));
            // a clerk does not declare closures
            given().auth().oauth2(clerk).queryParam("municipality", "thessaloniki").get(Demo.GATEWAY + "/api/bookings/closures")
                    .then().statusCode(403);
        } finally {
            given().auth().oauth2(clerk).post(Demo.GATEWAY + "/api/bookings/" + booked.get(0) + "/cancel");
            // the strike is called off: the closure is lifted, the time bookable again for the other tests
            List<Map<String, Object>> exceptions = given().auth().oauth2(admin)
                    .get(Demo.GATEWAY + "/api/availability/municipalities/thessaloniki/schedule").then().statusCode(200)
                    .extract().jsonPath().getList("exceptions");
            exceptions.stream().filter(e -> reason.equals(e.get("reason"))).forEach(e -> given().auth().oauth2(admin)
                    .delete(Demo.GATEWAY + "/api/availability/municipalities/thessaloniki/exceptions/" + e.get("id"))
                    .then().statusCode(204));
        }
    }
}
