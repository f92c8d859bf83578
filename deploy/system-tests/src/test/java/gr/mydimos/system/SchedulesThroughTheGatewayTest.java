package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * AV-1, AV-5, AV-7 across the running services: an admin's closure through the gateway removes a day's slots, and a
 * leave that would strand a citizen's booking (made through booking-service) is refused naming that booking.
 */
class SchedulesThroughTheGatewayTest {

    private static final String GATEWAY = Demo.GATEWAY;
    private static final String SCHEDULE = GATEWAY + "/api/availability/municipalities/thessaloniki";
    private static final String SERVICE = "thessaloniki-transparency-information";
    private static final String UNIT = "thessaloniki-transparency";
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    @Test
    void anAdminsClosureAndALeaveThatWouldStrandABooking() {
        given().queryParams("municipality", "thessaloniki", "service", SERVICE)
                .get(GATEWAY + "/api/availability/slots/employees")
                .then().statusCode(200).body("employeeChoiceAllowed", equalTo(true))
                .body("employees.id", hasItem("thessaloniki-emp-08"));
        String admin = token("employees", "admin-thessaloniki", "backoffice");
        LocalDate closed = dayWithSlots(LocalDate.now(ATHENS).plusWeeks(3));
        LocalDate booked = dayWithSlots(closed.plusDays(1));

        String closure = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                        {"kind": "CLOSURE", "unitId": "%s", "start": "%s", "end": "%s", "reason": "Απογραφή αρχείου"}"""
                        .formatted(UNIT, midnight(closed), midnight(closed.plusDays(1))))
                .post(SCHEDULE + "/exceptions").then().statusCode(201).extract().path("id").toString();
        assertThat(starts(closed)).isEmpty();
        given().auth().oauth2(admin).delete(SCHEDULE + "/exceptions/" + closure).then().statusCode(204);
        assertThat(starts(closed)).isNotEmpty();

        String citizen = token("citizens", "citizen-nikos", "portal");
        Demo.cancelUpcomingBookings(citizen, SERVICE);
        String reference = given().auth().oauth2(citizen).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "%s", "mode": "PHONE", "start": "%s",
                         "person": {"fullName": "Νίκος Γεωργίου", "email": "nikos-%s@example.gr", "phone": "6987654321"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el"}"""
                        .formatted(SERVICE, starts(booked).get(0), UUID.randomUUID()))
                .post(GATEWAY + "/api/bookings").then().statusCode(201).extract().path("reference");

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                        {"kind": "LEAVE", "employeeId": "thessaloniki-emp-08", "start": "%s", "end": "%s", "reason": "Άδεια"}"""
                        .formatted(midnight(booked), midnight(booked.plusDays(1))))
                .post(SCHEDULE + "/exceptions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/schedule-conflict"))
                .body("bookings.bookingReference", hasItem(reference));
        given().auth().oauth2(citizen).post(GATEWAY + "/api/bookings/" + reference + "/cancel").then().statusCode(200);
    }

    /** The first weekday from the given one that has free slots (skips weekends and holidays). */
    private static LocalDate dayWithSlots(LocalDate from) {
        for (LocalDate day = from; day.isBefore(from.plusDays(20)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !starts(day).isEmpty()) {
                return day;
            }
        }
        throw new AssertionError("no day with free slots from " + from);
    }

    private static String midnight(LocalDate day) {
        return day.atStartOfDay(ATHENS).toOffsetDateTime().toString();
    }

    private static List<String> starts(LocalDate day) {
        Response answer = given().queryParams("municipality", "thessaloniki", "service", SERVICE, "mode", "PHONE",
                "from", day.toString(), "to", day.toString()).get(GATEWAY + "/api/availability/slots");
        return answer.then().statusCode(200).extract().jsonPath().getList("start");
    }

    private static String token(String realm, String user, String client) {
        return Demo.token(realm, user, client);
    }
}
