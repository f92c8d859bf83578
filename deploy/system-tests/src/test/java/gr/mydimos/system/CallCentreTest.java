package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The call centre (issue 20, BK-6, BK-7, BK-10): a clerk changes and cancels a caller's booking saying how the caller
 * asked, and takes the caller's answer to a proposed transfer — through the gateway, and refused to anyone else both
 * there and directly at booking-service.
 */
class CallCentreTest {

    private static final String BOOKING = System.getProperty("booking.url", "http://127.0.0.1:8081");
    private static final String SERVICE = "thessaloniki-male-registry";

    @Test
    void onlyStaffFindAPersonsBookingsByTaxNumber() {
        String citizen = Demo.token("citizens", "citizen-maria", "portal");
        String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        for (String base : new String[] {Demo.GATEWAY, BOOKING}) {
            given().auth().oauth2(citizen).queryParam("taxId", "094259216").get(base + "/api/bookings/of-person")
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(clerk).queryParam("taxId", "12345").get(base + "/api/bookings/of-person")
                    .then().statusCode(400).body("field", equalTo("taxId"));
            given().auth().oauth2(clerk).queryParam("taxId", "094259216").get(base + "/api/bookings/of-person")
                    .then().statusCode(200);
        }
    }

    @Test
    void aCallerIsLookedUpInTheRegistryWithAReasonThroughTheGateway() {
        String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        given().auth().oauth2(clerk).queryParam("reason", "Τηλεφωνική εξυπηρέτηση").get(Demo.GATEWAY + "/api/registry/people/094259216")
                .then().statusCode(200).body("email", equalTo("maria@example.gr"));
        given().auth().oauth2(clerk).get(Demo.GATEWAY + "/api/registry/people/094259216")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("reason"));
        given().auth().oauth2(Demo.token("citizens", "citizen-nikos", "portal")).queryParam("reason", "Περιέργεια")
                .get(Demo.GATEWAY + "/api/registry/people/094259216").then().statusCode(403);
    }

    /** Seed 004 Art.4§3: an employee of two municipalities names the one they act for; the gateway passes it on. */
    @Test
    void anEmployeeOfTwoMunicipalitiesActsForTheOneTheyName() {
        String both = Demo.token("employees", "clerk-call-centre", "backoffice");
        String day = Demo.freeStarts(SERVICE, "IN_PERSON", 1).get(0).substring(0, 10);
        for (String base : new String[] {Demo.GATEWAY, BOOKING}) {
            given().auth().oauth2(both).header("Mydimos-Municipality", "thermaikos").queryParam("date", day)
                    .get(base + "/api/bookings/agenda").then().statusCode(200);
            given().auth().oauth2(both).queryParam("date", day).get(base + "/api/bookings/agenda")
                    .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("Mydimos-Municipality"));
            given().auth().oauth2(both).header("Mydimos-Municipality", "neapoli-sykies").queryParam("date", day)
                    .get(base + "/api/bookings/agenda").then().statusCode(403).contentType("application/problem+json");
        }
        // services that ask booking-service on the employee's behalf pass the choice on
        String reference = Demo.phoneBooking(Demo.token("employees", "clerk-thessaloniki", "backoffice"), SERVICE,
                Demo.freeStarts(SERVICE, "IN_PERSON", 2).get(1));
        try {
            given().auth().oauth2(both).header("Mydimos-Municipality", "thessaloniki").queryParam("booking", reference)
                    .get(Demo.GATEWAY + "/api/notifications").then().statusCode(200);
            given().auth().oauth2(both).header("Mydimos-Municipality", "thermaikos").queryParam("booking", reference)
                    .get(Demo.GATEWAY + "/api/notifications").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(both).queryParam("booking", reference).get(Demo.GATEWAY + "/api/notifications")
                    .then().statusCode(400).body("field", equalTo("Mydimos-Municipality"));
        } finally {
            given().auth().oauth2(both).header("Mydimos-Municipality", "thessaloniki")
                    .post(Demo.GATEWAY + "/api/bookings/" + reference + "/cancel?channel=PHONE").then().statusCode(200);
        }
    }

    @Test
    void aClerkChangesACallersBookingAndTakesTheirAnswerToATransfer() {
        String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        String otherClerk = Demo.token("employees", "clerk-thermaikos", "backoffice");
        String admin = Demo.token("employees", "admin-thessaloniki", "backoffice");
        List<String> free = Demo.freeStarts(SERVICE, "IN_PERSON", 5);
        String reference = Demo.phoneBooking(clerk, SERVICE, free.get(0));
        try {
            // the desk sees who made it: staff, for a caller on the phone
            given().auth().oauth2(clerk).queryParam("date", free.get(0).substring(0, 10)).get(Demo.GATEWAY + "/api/bookings/agenda")
                    .then().statusCode(200).body("find { it.reference == '" + reference + "' }.bookedBy.staff", equalTo(true))
                    .body("find { it.reference == '" + reference + "' }.channel", equalTo("PHONE"));

            String move = "{\"start\": \"%s\", \"channel\": \"PHONE\"}".formatted(free.get(2));
            for (String base : new String[] {Demo.GATEWAY, BOOKING}) {
                given().auth().oauth2(otherClerk).contentType(ContentType.JSON).body(move)
                        .post(base + "/api/bookings/" + reference + "/reschedule").then().statusCode(403)
                        .contentType("application/problem+json");
            }
            given().auth().oauth2(clerk).contentType(ContentType.JSON).body(move)
                    .post(Demo.GATEWAY + "/api/bookings/" + reference + "/reschedule")
                    .then().statusCode(200).body("start", equalTo(free.get(2))).body("lastChangedVia", equalTo("PHONE"));

            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"start\": \"%s\", \"reason\": \"Αλλαγή ωραρίου\"}".formatted(free.get(4)))
                    .post(Demo.GATEWAY + "/api/bookings/" + reference + "/transfer").then().statusCode(201);
            for (String base : new String[] {Demo.GATEWAY, BOOKING}) {
                // the proposing admin cannot answer for the caller, nor a clerk of another municipality
                given().auth().oauth2(admin).queryParam("channel", "PHONE")
                        .post(base + "/api/bookings/" + reference + "/transfer/accept").then().statusCode(403);
                given().auth().oauth2(otherClerk).queryParam("channel", "PHONE")
                        .post(base + "/api/bookings/" + reference + "/transfer/accept").then().statusCode(403);
            }
            given().auth().oauth2(clerk).queryParam("channel", "PHONE")
                    .post(Demo.GATEWAY + "/api/bookings/" + reference + "/transfer/accept")
                    .then().statusCode(200).body("start", equalTo(free.get(4))).body("lastChangedVia", equalTo("PHONE"));
        } finally {
            given().auth().oauth2(clerk).queryParam("channel", "PHONE")
                    .post(Demo.GATEWAY + "/api/bookings/" + reference + "/cancel")
                    .then().statusCode(200).body("lastChangedVia", equalTo("PHONE"));
        }
    }
}
