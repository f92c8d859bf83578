package gr.mydimos.availability.schedule;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import gr.mydimos.availability.RegistryStub;
import gr.mydimos.availability.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** AV-1, AV-5, AV-7: admins change schedules through the API; changes that strand bookings are refused. */
@QuarkusTest
@QuarkusTestResource(RegistryStub.class)
class ScheduleAdminTest {

    private static final String BASE = "/api/availability/municipalities/thessaloniki";
    private static final String UNIT = "thessaloniki-civil-registry";
    private static final String SERVICE = "thessaloniki-birth-registration";

    @Inject
    DataSource database;

    @Test
    void clerksReadTheirOwnMunicipalitysScheduleAndOnlyAdminsChangeIt() {
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(BASE + "/schedule")
                .then().statusCode(200).body("units", hasItem(UNIT)).body("templates.unitId", hasItem(UNIT))
                .body("localHolidays.nameEl", hasItem("Εορτή Αγίου Δημητρίου"));
        given().auth().oauth2(Tokens.employee("clerk-thermaikos")).get(BASE + "/schedule")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).contentType(ContentType.JSON)
                .body(closure("2027-01-11T09:00:00+02:00", "2027-01-11T10:00:00+02:00")).post(BASE + "/exceptions")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.citizen("citizen-maria")).get(BASE + "/schedule").then().statusCode(403);
        given().get(BASE + "/schedule").then().statusCode(401);
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON)
                .body(closure("2027-01-11T09:00:00+02:00", "2027-01-11T10:00:00+02:00"))
                .post("/api/availability/municipalities/thermaikos/exceptions")
                .then().statusCode(403).body("field", equalTo("code"));
    }

    @Test
    void aClosureRemovesItsHoursFromTheSlotsAndItsRemovalBringsThemBack() {
        String closure = admin().body(closure("2027-01-12T09:00:00+02:00", "2027-01-12T11:00:00+02:00"))
                .post(BASE + "/exceptions").then().statusCode(201).extract().path("id").toString();
        assertThat(slotStarts("2027-01-12", null)).contains("2027-01-12T08:45:00+02:00", "2027-01-12T11:00:00+02:00")
                .noneMatch(s -> s.compareTo("2027-01-12T09:00") >= 0 && s.compareTo("2027-01-12T11:00") < 0);

        admin().delete(BASE + "/exceptions/" + closure).then().statusCode(204);
        assertThat(slotStarts("2027-01-12", null)).contains("2027-01-12T09:00:00+02:00");
    }

    @Test
    void aChangeThatWouldStrandABookedAppointmentIsRefusedWithItAndNotApplied() {
        book("2027-01-13T10:00:00+02:00", "thessaloniki-emp-04", "TEST-LEAVE");

        refused(admin().body("""
                {"kind": "LEAVE", "employeeId": "thessaloniki-emp-04", "start": "2027-01-13T08:00:00+02:00",
                 "end": "2027-01-13T14:00:00+02:00", "reason": "Άδεια"}""").post(BASE + "/exceptions"), "employee-leave");
        refused(admin().body("""
                {"month": 1, "day": 13, "nameEl": "Τοπική εορτή"}""").post(BASE + "/local-holidays"), "holiday");
        refused(admin().body(template(null, "2027-01-13", "11:00", "14:00")).post(BASE + "/templates"), "outside-opening-hours");

        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).get(BASE + "/schedule").then().statusCode(200)
                .body("exceptions.reason", not(hasItem("Άδεια")))
                .body("localHolidays.nameEl", not(hasItem("Τοπική εορτή")))
                .body("templates.validFrom", not(hasItem("2027-01-13")));
        // the same leave on a free day is accepted
        admin().body("""
                {"kind": "LEAVE", "employeeId": "thessaloniki-emp-04", "start": "2027-01-14T08:00:00+02:00",
                 "end": "2027-01-14T14:00:00+02:00", "reason": "Άδεια"}""").post(BASE + "/exceptions")
                .then().statusCode(201);
        assertThat(slotStarts("2027-01-14", "thessaloniki-emp-04")).isEmpty();
    }

    @Test
    void anAppointmentThatAlreadyDidNotFitDoesNotBlockUnrelatedChanges() throws Exception {
        book("2027-01-08T13:45:00+02:00", "thessaloniki-emp-05", "TEST-OLD");
        // hours shortened behind the API's back, as a registry declaration would: TEST-OLD no longer fits
        try (Connection c = database.getConnection(); Statement sql = c.createStatement()) {
            sql.executeUpdate("""
                    INSERT INTO schedule_template (unit_id, valid_from, valid_until, week, declared_by_registry)
                    VALUES ('%s', '2027-01-08', '2027-01-08',
                            '{"periods": [{"day": 5, "opens": "08:00", "closes": "13:00"}]}', true)""".formatted(UNIT));
        }
        try {
            admin().body("""
                    {"kind": "LEAVE", "employeeId": "thessaloniki-emp-04", "start": "2027-01-07T08:00:00+02:00",
                     "end": "2027-01-07T14:00:00+02:00", "reason": "Εκπαίδευση"}""").post(BASE + "/exceptions")
                    .then().statusCode(201);
        } finally {
            try (Connection c = database.getConnection(); Statement sql = c.createStatement()) {
                sql.executeUpdate("DELETE FROM schedule_template WHERE valid_from = '2027-01-08' AND valid_until = '2027-01-08'");
            }
        }
    }

    @Test
    void anEmployeesOwnHoursAndANewUnitTemplateApplyFromTheirFirstDay() {
        String own = admin().body(template("thessaloniki-emp-05", "2027-01-18", "08:00", "10:00")).post(BASE + "/templates")
                .then().statusCode(201).extract().path("id").toString();
        String winter = admin().body(template(null, "2027-01-25", "09:00", "13:00")).post(BASE + "/templates")
                .then().statusCode(201).extract().path("id").toString();
        try {
            assertThat(slotStarts("2027-01-15", "thessaloniki-emp-05")).contains("2027-01-15T13:00:00+02:00");
            assertThat(slotStarts("2027-01-18", "thessaloniki-emp-05")).isNotEmpty()
                    .allMatch(s -> s.compareTo("2027-01-18T09:50") <= 0);
            assertThat(slotStarts("2027-01-22", null).get(0)).isEqualTo("2027-01-22T08:00:00+02:00");
            assertThat(slotStarts("2027-01-25", "thessaloniki-emp-04")).startsWith("2027-01-25T09:00:00+02:00")
                    .allMatch(s -> s.compareTo("2027-01-25T12:46") <= 0);
        } finally {
            admin().delete(BASE + "/templates/" + own).then().statusCode(204);
            admin().delete(BASE + "/templates/" + winter).then().statusCode(204);
        }
    }

    @Test
    void workPositionsLimitHowManyAreReceivedInPersonAtOnce() {
        admin().body("""
                {"unitId": "%s", "validFrom": "2027-01-19", "validUntil": "2027-01-19", "positions": 1}""".formatted(UNIT))
                .post(BASE + "/positions").then().statusCode(201);
        String bookingService = Tokens.bookingService();
        List<Integer> statuses = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.supplyAsync(() -> given()
                        .auth().oauth2(bookingService).contentType(ContentType.JSON).body(reservation("IN_PERSON", "2027-01-19T10:05:00+02:00", null))
                        .post("/api/availability/reservations").statusCode()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        // in person every 25 minutes (20 + 5): 10:05 is taken although an employee is free; a call needs no desk
        assertThat(slotStarts("2027-01-19", null, "IN_PERSON")).contains("2027-01-19T09:40:00+02:00")
                .doesNotContain("2027-01-19T10:05:00+02:00");
        assertThat(slotStarts("2027-01-19", null, "PHONE")).contains("2027-01-19T10:00:00+02:00", "2027-01-19T10:15:00+02:00");
    }

    @Test
    void bookingWindowsPerServiceAndTheChoiceOfEmployeePerMunicipality() {
        admin().body("{\"horizonDays\": 10}").put(BASE + "/services/" + SERVICE + "/policy")
                .then().statusCode(200).body("horizonDays", equalTo(10));
        try {
            assertThat(given().queryParams("municipality", "thessaloniki", "service", SERVICE, "mode", "PHONE",
                            "from", "2026-12-01", "to", "2026-12-31").get("/api/availability/slots")
                    .then().statusCode(200).extract().jsonPath().<String>getList("start"))
                    .isNotEmpty().allMatch(s -> s.compareTo("2026-12-11T09:01") <= 0);
            given().queryParams("municipality", "thessaloniki", "service", SERVICE).get("/api/availability/slots/employees")
                    .then().statusCode(200).body("employeeChoiceAllowed", equalTo(true))
                    .body("employees.id", org.hamcrest.Matchers.contains("thessaloniki-emp-04", "thessaloniki-emp-05"))
                    .body("employees[0].displayName", equalTo("Δ. Μαυρίδου"));
            admin().body("{\"employeeChoiceAllowed\": false}").put(BASE + "/policy").then().statusCode(200);
            given().queryParams("municipality", "thessaloniki", "service", SERVICE).get("/api/availability/slots/employees")
                    .then().statusCode(200).body("employeeChoiceAllowed", equalTo(false)).body("employees", org.hamcrest.Matchers.empty());
            given().queryParams("municipality", "thessaloniki", "service", SERVICE, "mode", "PHONE",
                            "from", "2026-12-07", "to", "2026-12-07", "employee", "thessaloniki-emp-04")
                    .get("/api/availability/slots").then().statusCode(400).body("field", equalTo("employee"));
            // the person cannot choose, but the municipality's admin assigns (a transfer they propose: booking-service
            // says the choice is the staff's)
            given().auth().oauth2(Tokens.bookingService()).contentType(ContentType.JSON)
                    .body(reservation("PHONE", "2026-12-07T12:00:00+02:00", "thessaloniki-emp-05")).post("/api/availability/reservations")
                    .then().statusCode(400).body("field", equalTo("employee"));
            given().auth().oauth2(Tokens.bookingService()).contentType(ContentType.JSON)
                    .body(reservation("PHONE", "2026-12-07T12:00:00+02:00", "thessaloniki-emp-05")
                            .replace("{", "{\"staffChoice\": true, ")).post("/api/availability/reservations")
                    .then().statusCode(201).body("employee", equalTo("thessaloniki-emp-05"));
        } finally {
            // back to the municipality's window (another municipality's admin or a clerk may not); removing it twice finds none
            given().auth().oauth2(Tokens.employee("admin-neapoli-sykies")).delete(BASE + "/services/" + SERVICE + "/policy")
                    .then().statusCode(403);
            given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).delete(BASE + "/services/" + SERVICE + "/policy")
                    .then().statusCode(403);
            admin().delete(BASE + "/services/" + SERVICE + "/policy").then().statusCode(204);
            admin().delete(BASE + "/services/" + SERVICE + "/policy").then().statusCode(404);
            admin().body("{\"employeeChoiceAllowed\": true}").put(BASE + "/policy").then().statusCode(200);
        }
        assertThat(given().queryParams("municipality", "thessaloniki", "service", SERVICE, "mode", "PHONE",
                        "from", "2026-12-01", "to", "2026-12-31").get("/api/availability/slots")
                .then().statusCode(200).extract().jsonPath().<String>getList("start"))
                .anyMatch(s -> s.compareTo("2026-12-12") > 0);
    }

    @Test
    void badChangesAreProblemsNamingTheField() {
        admin().body(template(null, null, "14:00", "08:00")).post(BASE + "/templates")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("hours[0].closes"));
        admin().body(template(null, null, "08:00", "14:00").replace(UNIT, "thermaikos-citizens-service")).post(BASE + "/templates")
                .then().statusCode(400).body("field", equalTo("unitId"));
        admin().body("""
                {"unitId": "%s", "serviceId": "thessaloniki-registry-certificate", "hours": [{"day": 1, "opens": "08:00", "closes": "09:00"}]}"""
                .formatted(UNIT)).post(BASE + "/templates").then().statusCode(400).body("field", equalTo("serviceId"));
        admin().body("""
                {"kind": "LEAVE", "start": "2027-01-13T08:00:00+02:00", "end": "2027-01-13T14:00:00+02:00", "reason": "x"}""")
                .post(BASE + "/exceptions").then().statusCode(400).body("field", equalTo("employeeId"));
        admin().body(closure("2027-01-13T10:00:00+02:00", "2027-01-13T09:00:00+02:00")).post(BASE + "/exceptions")
                .then().statusCode(400).body("field", equalTo("end"));
        admin().body("{\"month\": 2, \"day\": 30, \"nameEl\": \"x\"}").post(BASE + "/local-holidays")
                .then().statusCode(400).body("field", equalTo("day"));
        admin().body("{\"horizonDays\": 0}").put(BASE + "/policy").then().statusCode(400);
    }

    @Test
    void bookingServiceClosesWithTheBookingsItHandlesOnceAndNobodyElseMay() {
        book("2027-01-27T10:00:00+02:00", "thessaloniki-emp-04", "TEST-STRIKE");
        String closureId = java.util.UUID.randomUUID().toString();
        String request = """
                {"closureId": "%s", "closure": {"kind": "LEAVE", "employeeId": "thessaloniki-emp-04",
                  "start": "2027-01-27T08:00:00+02:00", "end": "2027-01-27T14:00:00+02:00", "reason": "Ασθένεια"},
                 "handledBookings": %s}""";
        String internal = "/api/availability/internal/municipalities/thessaloniki/closures";
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON)
                .body(request.formatted(closureId, "[\"TEST-STRIKE\"]")).post(internal).then().statusCode(403);
        // a booking it does not name still refuses it
        given().auth().oauth2(Tokens.bookingService()).contentType(ContentType.JSON)
                .body(request.formatted(closureId, "[]")).post(internal).then().statusCode(409)
                .body("bookings[0].bookingReference", equalTo("TEST-STRIKE"));
        Object id = given().auth().oauth2(Tokens.bookingService()).contentType(ContentType.JSON)
                .body(request.formatted(closureId, "[\"TEST-STRIKE\"]")).post(internal).then().statusCode(200)
                .body("kind", equalTo("LEAVE")).extract().path("id");
        // asked again (an answer lost on the way): the same closure, not a second one
        given().auth().oauth2(Tokens.bookingService()).contentType(ContentType.JSON)
                .body(request.formatted(closureId, "[\"TEST-STRIKE\"]")).post(internal).then().statusCode(200)
                .body("id", equalTo(id));
        admin().delete(BASE + "/exceptions/" + id).then().statusCode(204);
    }

    private static void refused(io.restassured.response.Response answer, String reason) {
        answer.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/schedule-conflict"))
                .body("bookings[0].bookingReference", equalTo("TEST-LEAVE"))
                .body("bookings[0].employee", equalTo("thessaloniki-emp-04"))
                .body("bookings[0].reason", equalTo(reason));
    }

    private static void book(String start, String employee, String reference) {
        String bookingService = Tokens.bookingService();
        given().auth().oauth2(bookingService).contentType(ContentType.JSON)
                .body(reservation("PHONE", start, employee).replace("TEST-SCHEDULE", reference))
                .post("/api/availability/reservations").then().statusCode(201);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON);
    }

    private static List<String> slotStarts(String date, String employee) {
        return slotStarts(date, employee, "PHONE");
    }

    private static List<String> slotStarts(String date, String employee, String mode) {
        io.restassured.specification.RequestSpecification request = given().queryParams("municipality", "thessaloniki",
                "service", SERVICE, "mode", mode, "from", date, "to", date);
        if (employee != null) {
            request.queryParam("employee", employee);
        }
        ValidatableResponse answer = request.get("/api/availability/slots").then().statusCode(200);
        return answer.extract().jsonPath().getList("start");
    }

    private static String reservation(String mode, String start, String employee) {
        return """
                {"bookingReference": "TEST-SCHEDULE", "municipality": "thessaloniki", "service": "%s", "mode": "%s",
                 "start": "%s", "employee": %s}"""
                .formatted(SERVICE, mode, start, employee == null ? "null" : "\"" + employee + "\"");
    }

    private static String closure(String start, String end) {
        return """
                {"kind": "CLOSURE", "unitId": "%s", "start": "%s", "end": "%s", "reason": "Απολύμανση χώρων"}"""
                .formatted(UNIT, start, end);
    }

    private static String template(String employee, String validFrom, String opens, String closes) {
        StringBuilder hours = new StringBuilder();
        for (int day = 1; day <= 5; day++) {
            hours.append(day > 1 ? "," : "").append("{\"day\": %d, \"opens\": \"%s\", \"closes\": \"%s\"}".formatted(day, opens, closes));
        }
        return """
                {"unitId": "%s", "employeeId": %s, "validFrom": %s, "hours": [%s]}""".formatted(UNIT,
                employee == null ? "null" : "\"" + employee + "\"", validFrom == null ? "null" : "\"" + validFrom + "\"", hours);
    }
}
