package gr.mydimos.availability.slot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;

import gr.mydimos.availability.RegistryStub;
import gr.mydimos.availability.Tokens;
import gr.mydimos.testing.MovableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * AV-3 while the slot search answers from memory (SlotCache): the same search asked again right after a booking, a
 * cancellation, a change of hours, a holiday or the passing of time gives what a search computed afresh gives.
 */
@QuarkusTest
@QuarkusTestResource(RegistryStub.class)
class SlotFreshnessTest {

    private static final String BASE = "/api/availability/municipalities/thessaloniki";
    private static final String SERVICE = "thessaloniki-birth-registration";
    private static final String DAY = "2027-01-26";
    private static final String TEN = DAY + "T10:00:00+02:00";
    private static final String EMPLOYEE = "thessaloniki-emp-04";

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBookingAndItsCancellationShowInTheNextSearch() {
        List<String> before = starts(EMPLOYEE);
        assertThat(starts(EMPLOYEE)).isEqualTo(before).contains(TEN);

        String reservation = given().auth().oauth2(Tokens.bookingService()).contentType(ContentType.JSON).body("""
                        {"bookingReference": "TEST-FRESH", "municipality": "thessaloniki", "service": "%s", "mode": "PHONE",
                         "start": "%s", "employee": "%s"}""".formatted(SERVICE, TEN, EMPLOYEE))
                .post("/api/availability/reservations").then().statusCode(201).extract().path("id");
        assertThat(starts(EMPLOYEE)).doesNotContain(TEN).isSubsetOf(before);

        given().auth().oauth2(Tokens.bookingService()).queryParam("booking", "TEST-FRESH")
                .delete("/api/availability/reservations/" + reservation).then().statusCode(204);
        assertThat(starts(EMPLOYEE)).isEqualTo(before);
    }

    @Test
    void aChangeOfHoursAndAHolidayShowInTheNextSearchAndTheirRemovalToo() {
        List<String> before = starts(null);
        assertThat(before).contains(TEN);

        Object closure = admin().body("""
                        {"kind": "CLOSURE", "unitId": "thessaloniki-civil-registry", "start": "%sT09:00:00+02:00",
                         "end": "%sT11:00:00+02:00", "reason": "Απολύμανση χώρων"}""".formatted(DAY, DAY))
                .post(BASE + "/exceptions").then().statusCode(201).extract().path("id");
        assertThat(starts(null)).isNotEmpty()
                .noneMatch(s -> s.compareTo(DAY + "T09:00") >= 0 && s.compareTo(DAY + "T11:00") < 0);
        admin().delete(BASE + "/exceptions/" + closure).then().statusCode(204);
        assertThat(starts(null)).isEqualTo(before);

        Object holiday = admin().body("{\"month\": 1, \"day\": 26, \"nameEl\": \"Τοπική εορτή δοκιμής\"}")
                .post(BASE + "/local-holidays").then().statusCode(201).extract().path("id");
        assertThat(starts(null)).isEmpty();
        admin().delete(BASE + "/local-holidays/" + holiday).then().statusCode(204);
        assertThat(starts(null)).isEqualTo(before);
    }

    /** A reservation plans with what the day's last reservation planned with (Planning) only while nothing changed. */
    @Test
    void aReservationIsRefusedInATimeClosedJustBeforeAndTakenOnceTheClosureIsLifted() {
        String taken = reserve("TEST-PLAN1").statusCode(201).extract().path("id");
        release(taken, "TEST-PLAN1");

        Object closure = admin().body("""
                        {"kind": "CLOSURE", "unitId": "thessaloniki-civil-registry", "start": "%sT09:00:00+02:00",
                         "end": "%sT11:00:00+02:00", "reason": "Απολύμανση χώρων"}""".formatted(DAY, DAY))
                .post(BASE + "/exceptions").then().statusCode(201).extract().path("id");
        reserve("TEST-PLAN2").statusCode(409);

        admin().delete(BASE + "/exceptions/" + closure).then().statusCode(204);
        String again = reserve("TEST-PLAN3").statusCode(201).extract().path("id");
        release(again, "TEST-PLAN3");
    }

    private static io.restassured.response.ValidatableResponse reserve(String booking) {
        return given().auth().oauth2(Tokens.bookingService()).contentType(ContentType.JSON).body("""
                        {"bookingReference": "%s", "municipality": "thessaloniki", "service": "%s", "mode": "PHONE",
                         "start": "%s", "employee": "%s"}""".formatted(booking, SERVICE, TEN, EMPLOYEE))
                .post("/api/availability/reservations").then();
    }

    private static void release(String reservation, String booking) {
        given().auth().oauth2(Tokens.bookingService()).queryParam("booking", booking)
                .delete("/api/availability/reservations/" + reservation).then().statusCode(204);
    }

    @Test
    void timesThatFallWithinTheMinimumNoticeLeaveTheAnswerAsTheClockMoves() {
        clock.setAthens("2027-01-24T08:00");
        assertThat(starts(null)).contains(DAY + "T08:00:00+02:00", TEN);

        clock.setAthens(DAY + "T07:30");
        List<String> later = starts(null);
        assertThat(later).doesNotContain(DAY + "T08:00:00+02:00").isNotEmpty();

        clock.setAthens(DAY + "T14:00");
        assertThat(starts(null)).isEmpty();
    }

    @Test
    void anUnchangedAnswerIsNotSentAgainAndAChangedOneIs() {
        Response first = search(null).get("/api/availability/slots");
        first.then().statusCode(200).header("Cache-Control", "no-cache");
        String tag = first.header("ETag");
        assertThat(tag).isNotBlank();

        search(null).header("If-None-Match", tag).get("/api/availability/slots")
                .then().statusCode(304).header("ETag", tag).body(emptyString());

        Object closure = admin().body("""
                        {"kind": "CLOSURE", "unitId": "thessaloniki-civil-registry", "start": "%sT12:00:00+02:00",
                         "end": "%sT13:00:00+02:00", "reason": "Απολύμανση χώρων"}""".formatted(DAY, DAY))
                .post(BASE + "/exceptions").then().statusCode(201).extract().path("id");
        try {
            Response changed = search(null).header("If-None-Match", tag).get("/api/availability/slots");
            changed.then().statusCode(200);
            assertThat(changed.header("ETag")).isNotEqualTo(tag);
        } finally {
            admin().delete(BASE + "/exceptions/" + closure).then().statusCode(204);
        }
    }

    private static List<String> starts(String employee) {
        return search(employee).get("/api/availability/slots").then().statusCode(200).extract().jsonPath().getList("start");
    }

    private static RequestSpecification search(String employee) {
        RequestSpecification request = given().queryParams("municipality", "thessaloniki", "service", SERVICE,
                "mode", "PHONE", "from", DAY, "to", DAY);
        return employee == null ? request : request.queryParam("employee", employee);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON);
    }
}
