package gr.mydimos.availability.reservation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import gr.mydimos.availability.RegistryStub;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import gr.mydimos.availability.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Slot search and reservations against the real PostgreSQL and Keycloak; the registry peer is stubbed. */
@QuarkusTest
@QuarkusTestResource(RegistryStub.class)
class ReservationTest {

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;
    @Inject
    DataSource database;

    /** Tuesday 15 December 2026, two weeks after "now": inside the horizon, past the minimum notice. */
    private final LocalDate day = LocalDate.of(2026, 12, 15);

    @Test
    void visitorSeesFreeTimesWithinOfficeHours() {
        given().queryParams("municipality", "thessaloniki", "service", "thessaloniki-civil-marriage-licence",
                        "mode", "IN_PERSON", "from", day.toString(), "to", day.toString())
                .when().get("/api/availability/slots")
                .then().statusCode(200)
                .body("[0].start", equalTo(day + "T08:00:00+02:00"))
                // civil-marriage licences end at 13:30; every 30 minutes plus 5 of buffer from 08:00, the last starts at 12:40
                .body("[-1].start", equalTo(day + "T12:40:00+02:00"))
                .body("[-1].end", equalTo(day + "T13:10:00+02:00"));
    }

    @Test
    void twoHundredConcurrentReservationsOfOneTimeWithThreeQualifiedEmployeesGiveExactlyThree() throws Exception {
        String start = day + "T09:00:00+02:00";
        String token = Tokens.bookingService();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(reservationBody(start, null, "TEST-RACE")).post("/api/availability/reservations")));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }

            assertThat(answers).filteredOn(r -> r.statusCode() == 201).extracting(r -> r.path("employee").toString())
                    .containsExactlyInAnyOrder("thessaloniki-emp-01", "thessaloniki-emp-02", "thessaloniki-emp-03");
            assertThat(answers).filteredOn(r -> r.statusCode() != 201).hasSize(197)
                    .allSatisfy(r -> {
                        assertThat(r.statusCode()).isEqualTo(409);
                        assertThat(r.contentType()).startsWith("application/problem+json");
                        assertThat(r.<String>path("type")).isEqualTo("https://mydimos.gov.gr/problems/slot-unavailable");
                    });
        } finally {
            pool.shutdownNow();
        }
        given().queryParams("municipality", "thessaloniki", "service", "thessaloniki-registry-certificate",
                        "mode", "IN_PERSON", "from", day.toString(), "to", day.toString())
                .when().get("/api/availability/slots")
                .then().statusCode(200).body("start", not(hasItem(start)));
    }

    @Test
    void theBufferAfterAnAppointmentKeepsTheEmployeeFromTheNextOneEvenAcrossServices() throws Exception {
        // a certificate at 11:40 keeps thessaloniki-emp-01 until 12:00 (15 minutes + 5 of buffer); marriage licences
        // (30 + 5) start every 35 minutes: 11:30 would overlap, 12:05 is after the buffer
        reserve(day + "T11:40:00+02:00", "thessaloniki-emp-01", "TEST-BUFFER");
        assertThat(given().queryParams("municipality", "thessaloniki", "service", "thessaloniki-civil-marriage-licence",
                        "mode", "IN_PERSON", "from", day.toString(), "to", day.toString(), "employee", "thessaloniki-emp-01")
                .get("/api/availability/slots").then().statusCode(200).extract().jsonPath().<String>getList("start"))
                .doesNotContain(day + "T11:30:00+02:00").contains(day + "T12:05:00+02:00");

        // and the database itself refuses a reservation that starts inside the buffer, whatever the application does
        try (Connection c = database.getConnection(); Statement sql = c.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("""
                    INSERT INTO reservation (id, employee_id, municipality_code, unit_id, service_id, mode, starts_at,
                        ends_at, blocked_until, status, created_at)
                    VALUES (gen_random_uuid(), 'thessaloniki-emp-01', 'thessaloniki', 'thessaloniki-municipal-registry',
                        'thessaloniki-registry-certificate', 'IN_PERSON', '%1$sT11:58:00+02:00', '%1$sT12:13:00+02:00',
                        '%1$sT12:18:00+02:00', 'CONFIRMED', now())""".formatted(day)))
                    .isInstanceOf(SQLException.class).hasMessageContaining("exclusion constraint");
        }
    }

    @Test
    void aReleasedReservationFreesTheSlotAndAKeptOneStaysTaken() throws Exception {
        String token = Tokens.bookingService();
        String start = day + "T10:20:00+02:00";
        String released = reserve(start, "thessaloniki-emp-02", "TEST-REF2");
        for (int i = 0; i < 2; i++) { // releasing twice changes nothing
            given().auth().oauth2(token).queryParam("booking", "TEST-REF2").delete("/api/availability/reservations/" + released)
                    .then().statusCode(204);
        }
        assertThat(status(released)).isEqualTo("RELEASED");
        String kept = reserve(start, "thessaloniki-emp-02", "TEST-REF1");
        assertThat(status(kept)).isEqualTo("CONFIRMED");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(reservationBody(start, "thessaloniki-emp-02", "TEST-REF3")).post("/api/availability/reservations")
                .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/slot-unavailable"));
        given().queryParams("municipality", "thessaloniki", "service", "thessaloniki-registry-certificate",
                        "mode", "IN_PERSON", "from", day.toString(), "to", day.toString(), "employee", "thessaloniki-emp-02")
                .get("/api/availability/slots").then().statusCode(200).body("start", not(hasItem(start)));
    }

    @Test
    void onlyBookingServicesOwnIdentityReservesAndReleasesAndOnlyForTheBookingOfTheReservation() {
        String body = reservationBody(day + "T11:20:00+02:00", "thessaloniki-emp-03", "TEST-OWN");
        given().contentType(ContentType.JSON).body(body).post("/api/availability/reservations").then().statusCode(401);
        for (String token : new String[] {citizenToken(), employeeToken("clerk-thessaloniki"), employeeToken("central-admin")}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/availability/reservations")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        String reservation = reserve(day + "T11:20:00+02:00", "thessaloniki-emp-03", "TEST-OWN");
        String citizen = citizenToken();
        given().auth().oauth2(citizen).queryParam("booking", "TEST-OWN").delete("/api/availability/reservations/" + reservation)
                .then().statusCode(403);
        given().auth().oauth2(citizen).queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2027-01-01T00:00:00Z")
                .get("/api/availability/reservations").then().statusCode(403);
        // a reservation is its booking's: another reference does not release it
        String service = Tokens.bookingService();
        given().auth().oauth2(service).queryParam("booking", "PHANTOM-1").delete("/api/availability/reservations/" + reservation)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(service).delete("/api/availability/reservations/" + reservation).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("booking"));
        given().auth().oauth2(service).queryParam("from", "yesterday").get("/api/availability/reservations")
                .then().statusCode(400).body("field", equalTo("from"));
        given().auth().oauth2(service).queryParam("from", day.atStartOfDay(java.time.ZoneOffset.UTC).minusDays(400).toInstant().toString())
                .queryParam("to", java.time.Instant.now().plusSeconds(60).toString())
                .get("/api/availability/reservations").then().statusCode(200)
                .body("find { it.id == '" + reservation + "' }.bookingReference", equalTo("TEST-OWN"))
                .body("find { it.id == '" + reservation + "' }.employee", equalTo("thessaloniki-emp-03"));
    }

    @Test
    void anEmployeeWhoDoesNotServeTheServiceIsAProblemNotAnEmptyDay() {
        for (String employee : new String[] {"nobody-at-all", "thessaloniki-emp-04"}) { // unknown; of another unit
            given().queryParams("municipality", "thessaloniki", "service", "thessaloniki-registry-certificate",
                            "mode", "IN_PERSON", "from", day.toString(), "to", day.toString(), "employee", employee)
                    .get("/api/availability/slots").then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo("employee"));
        }
    }

    @Test
    void badSearchParametersAreProblemsNamingTheField() {
        given().queryParams("municipality", "thessaloniki", "service", "thessaloniki-civil-marriage-licence",
                        "mode", "IN_PERSON", "from", "21/12/2026", "to", day.toString())
                .when().get("/api/availability/slots")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("from"));
        given().queryParams("municipality", "thessaloniki", "service", "thessaloniki-civil-marriage-licence",
                        "mode", "VIDEO", "from", day.toString(), "to", day.toString())
                .when().get("/api/availability/slots")
                .then().statusCode(400).body("field", equalTo("mode"));
        given().queryParams("municipality", "atlantis", "service", "x", "mode", "VIDEO",
                        "from", day.toString(), "to", day.toString())
                .when().get("/api/availability/slots")
                .then().statusCode(400).body("type", equalTo("https://mydimos.gov.gr/problems/unknown-service"))
                .body("field", equalTo("service"));
    }

    @Test
    void aRegistryThatDoesNotAnswerIsATemporaryProblemNotAnError() {
        given().queryParams("municipality", "offline", "service", "x", "mode", "VIDEO", "from", day.toString(), "to", day.toString())
                .when().get("/api/availability/slots")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", equalTo("https://mydimos.gov.gr/problems/dependency-unavailable"));
    }

    @Test
    void adminsSeeAnEmployeesBookedAppointmentsOfTheirOwnMunicipalityOnly() {
        String start = day + "T11:00:00+02:00";
        reserve(start, "thessaloniki-emp-02", "TEST-EMP2");

        given().auth().oauth2(employeeToken("admin-thessaloniki"))
                .get("/api/availability/employees/thessaloniki-emp-02/appointments")
                .then().statusCode(200).body("bookingReference", hasItem("TEST-EMP2"));
        given().auth().oauth2(employeeToken("central-admin"))
                .get("/api/availability/employees/thessaloniki-emp-02/appointments")
                .then().statusCode(200).body("bookingReference", hasItem("TEST-EMP2"));
        given().auth().oauth2(employeeToken("admin-thessaloniki"))
                .get("/api/availability/employees/thermaikos-emp-01/appointments").then().statusCode(403);
        given().auth().oauth2(employeeToken("clerk-thessaloniki"))
                .get("/api/availability/employees/thessaloniki-emp-02/appointments").then().statusCode(403);

        // the same appointment among its service's, with its mode: what a change of the service must not strand
        String ofService = "/api/availability/municipalities/thessaloniki/services/thessaloniki-registry-certificate/appointments";
        given().auth().oauth2(employeeToken("admin-thessaloniki")).get(ofService)
                .then().statusCode(200).body("find { it.bookingReference == 'TEST-EMP2' }.mode", equalTo("IN_PERSON"));
        given().auth().oauth2(employeeToken("admin-thessaloniki"))
                .get("/api/availability/municipalities/thermaikos/services/thermaikos-registry-certificate/appointments")
                .then().statusCode(403);
        given().auth().oauth2(employeeToken("clerk-thessaloniki")).get(ofService).then().statusCode(403);
    }

    private String employeeToken(String user) {
        return new KeycloakTestClient(keycloakUrl + "/realms/employees").getAccessToken(user, user, "backoffice");
    }

    private String reserve(String start, String employee, String bookingReference) {
        return given().auth().oauth2(Tokens.bookingService()).contentType(ContentType.JSON)
                .body(reservationBody(start, employee, bookingReference))
                .post("/api/availability/reservations").then().statusCode(201).extract().path("id");
    }

    private static String reservationBody(String start, String employee, String bookingReference) {
        return """
                {"bookingReference": "%s", "municipality": "thessaloniki", "service": "thessaloniki-registry-certificate",
                 "mode": "IN_PERSON", "start": "%s", "employee": %s}"""
                .formatted(bookingReference, start, employee == null ? "null" : "\"" + employee + "\"");
    }

    private String citizenToken() {
        return new KeycloakTestClient(keycloakUrl + "/realms/citizens").getAccessToken("citizen-maria", "citizen-maria", "portal");
    }

    private String status(String reservation) throws Exception {
        try (Connection c = database.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT status FROM reservation WHERE id = ?::uuid")) {
            q.setString(1, reservation);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
