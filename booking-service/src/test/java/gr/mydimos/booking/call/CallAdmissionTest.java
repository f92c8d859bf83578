package gr.mydimos.booking.call;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import gr.mydimos.booking.PeerServicesStub;
import gr.mydimos.booking.PublishedEvents;
import gr.mydimos.calls.CallTicket;
import gr.mydimos.calls.CallTickets;
import gr.mydimos.testing.MovableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who enters a video call, and when (VC-1), and the identity check on camera (VC-2), against the real PostgreSQL, Kafka
 * and Keycloak. "Now" is the tests' clock: 1 December 2026, 09:00 in Athens.
 */
@QuarkusTest
@QuarkusTestResource(PeerServicesStub.class)
class CallAdmissionTest {

    private static PublishedEvents events;

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;
    @ConfigProperty(name = "booking.call.ticket-secret")
    String secret;
    @Inject
    MovableClock clock;

    @BeforeAll
    static void listen() {
        events = new PublishedEvents();
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void eachParticipantEntersByTheirOwnLinkOnlyWhileTheRoomIsOpen() {
        JsonPath booked = bookVideo("2026-12-01T11:00:00+02:00", true);
        String reference = booked.getString("reference");
        // each link enters as whom it belongs to, so each is shown to them alone: the applicant sees theirs, the
        // employee taking the call the interpreter's (to pass on), the invited person's is in their invitation only
        assertThat(booked.getString("videoCall.thirdPartyLink")).isNull();
        assertThat(booked.getString("videoCall.interpreterLink")).isNull();
        JsonPath asTakingTheCall = given().auth().oauth2(employee("clerk-thessaloniki")).get("/api/bookings/" + reference)
                .then().statusCode(200).body("videoLink", nullValue()).body("videoCall.thirdPartyLink", nullValue())
                .extract().jsonPath();
        given().auth().oauth2(employee("admin-thessaloniki")).get("/api/bookings/" + reference)
                .then().statusCode(200).body("videoLink", nullValue()).body("videoCall.interpreterLink", nullValue());
        String applicant = token(booked.getString("videoLink"));
        String thirdParty = token(events.latest(reference, "BookingConfirmed").getString("booking.thirdPartyVideoLink"));
        String interpreter = token(asTakingTheCall.getString("videoCall.interpreterLink"));
        assertThat(java.util.Set.of(applicant, thirdParty, interpreter)).hasSize(3);

        // ten minutes before the start it opens; until then the page can say when
        byLink(applicant).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/call-not-open"))
                .body("reason", equalTo("not-yet")).body("opensAt", equalTo("2026-12-01T10:50+02:00"))
                .body("detail", equalTo("Η τηλεδιάσκεψη ανοίγει στις 01/12/2026 10:50 (ώρα Ελλάδας)."));

        clock.setAthens("2026-12-01T10:50");
        JsonPath asApplicant = byLink(applicant).statusCode(200).body("role", equalTo("APPLICANT"))
                .body("reference", equalTo(reference))
                .body("start", equalTo("2026-12-01T11:00:00+02:00"))
                .body("closesAt", equalTo("2026-12-01T11:45:00+02:00")) // the end and half an hour
                .extract().jsonPath();
        // an invited person learns nothing of the booking but the room
        JsonPath asThirdParty = byLink(thirdParty).statusCode(200).body("role", equalTo("THIRD_PARTY"))
                .body("reference", nullValue()).extract().jsonPath();
        JsonPath asInterpreter = byLink(interpreter).statusCode(200).body("role", equalTo("INTERPRETER")).extract().jsonPath();
        String room = asApplicant.getString("room");
        assertThat(asThirdParty.getString("room")).isEqualTo(room);
        // the events name the room, so that video-call-service closes it when the booking is cancelled or moved
        assertThat(events.latest(reference, "BookingConfirmed").getString("booking.callRoom")).isEqualTo(room);
        assertThat(asInterpreter.getString("room")).isEqualTo(room);

        // the ticket is what the video-call service checks: this room, this role, for two minutes, until the room closes
        CallTickets tickets = new CallTickets(secret);
        CallTicket ticket = tickets.check(asThirdParty.getString("ticket"), Instant.parse("2026-12-01T08:50:00Z")).orElseThrow();
        assertThat(ticket.room()).isEqualTo(room);
        assertThat(ticket.role()).isEqualTo(CallTicket.Role.THIRD_PARTY);
        assertThat(ticket.closesAt()).isEqualTo(Instant.parse("2026-12-01T09:45:00Z"));
        assertThat(tickets.check(asThirdParty.getString("ticket"), Instant.parse("2026-12-01T08:52:01Z"))).isEmpty();
        // a person is one participant, however often they enter (the room lets the newer connection take the place)
        String participant = ticket.participant();
        assertThat(tickets.check(byLink(thirdParty).statusCode(200).extract().path("ticket"), Instant.parse("2026-12-01T08:50:00Z"))
                .orElseThrow().participant()).isEqualTo(participant);
        assertThat(tickets.check(asApplicant.getString("ticket"), Instant.parse("2026-12-01T08:50:00Z")).orElseThrow().participant())
                .isNotEqualTo(participant);

        // a link that is none of ours, or no link
        byLink(UUID.randomUUID().toString().replace("-", "") + "abcdefghijk").statusCode(404).body("field", equalTo("link"));
        byLink("../../etc/passwd").statusCode(404).body("field", equalTo("link"));
        given().contentType(ContentType.JSON).body("{}").post("/api/bookings/calls/admissions")
                .then().statusCode(400).body("field", equalTo("link"));

        clock.setAthens("2026-12-01T11:45");
        byLink(applicant).statusCode(409).body("reason", equalTo("ended"));
        given().auth().oauth2(employee("clerk-thessaloniki")).post("/api/bookings/" + reference + "/cancel")
                .then().statusCode(200);
    }

    @Test
    void theAssignedEmployeeEntersSignedInRecordsTheIdentityCheckAndCompletesTheCall() {
        JsonPath booked = bookVideo("2026-12-01T12:00:00+02:00", false);
        String reference = booked.getString("reference");
        clock.setAthens("2026-12-01T11:55");
        String clerk = employee("clerk-thessaloniki"); // the staff record the booking is assigned to (thessaloniki-emp-08)

        String room = byLink(token(booked.getString("videoLink"))).statusCode(200).extract().path("room");
        employeeAdmission(clerk, reference).statusCode(200).body("role", equalTo("EMPLOYEE"))
                .body("room", equalTo(room)).body("reference", equalTo(reference));
        // nobody else on the staff: another municipality's clerk, an admin who is not the assigned employee
        employeeAdmission(employee("clerk-thermaikos"), reference).statusCode(403);
        employeeAdmission(employee("admin-thessaloniki"), reference).statusCode(403).body("field", equalTo("reference"));
        employeeAdmission(citizen("citizen-maria"), reference).statusCode(403);
        given().contentType(ContentType.JSON).body("{\"reference\": \"" + reference + "\"}")
                .post("/api/bookings/calls/employee-admissions").then().statusCode(401);

        // the identity check: what was shown on camera, recorded by the employee in the call only
        String check = "{\"reference\": \"" + reference + "\", \"identityDocumentShown\": true}";
        given().auth().oauth2(citizen("citizen-maria")).contentType(ContentType.JSON).body(check)
                .post("/api/bookings/calls/identity-checks").then().statusCode(403);
        given().auth().oauth2(employee("clerk-thermaikos")).contentType(ContentType.JSON).body(check)
                .post("/api/bookings/calls/identity-checks").then().statusCode(403);
        given().auth().oauth2(clerk).contentType(ContentType.JSON).body("{\"reference\": \"" + reference + "\"}")
                .post("/api/bookings/calls/identity-checks").then().statusCode(400).body("field", equalTo("identityDocumentShown"));
        given().auth().oauth2(clerk).contentType(ContentType.JSON).body(check)
                .post("/api/bookings/calls/identity-checks").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN"))
                .body("videoCall.identityCheck.identityDocumentShown", equalTo(true))
                .body("videoCall.identityCheck.authorisationShown", nullValue())
                .body("videoCall.identityCheck.checkedAt", equalTo("2026-12-01T11:55:00+02:00"));
        assertThat(events.latest(reference, "BookingCheckedIn").getString("booking.status")).isEqualTo("CHECKED_IN");

        given().auth().oauth2(clerk).post("/api/bookings/" + reference + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        byLink(token(booked.getString("videoLink"))).statusCode(409).body("reason", equalTo("ended"));
        employeeAdmission(clerk, reference).statusCode(409).body("reason", equalTo("ended"));
    }

    @Test
    void theAdminNamesAColleagueOfTheUnitToTakeTheCallInsteadOfTheAssignedEmployee() {
        String clerk = employee("clerk-thessaloniki"); // staff record thessaloniki-emp-08
        String admin = employee("admin-thessaloniki");
        // a caller's VIDEO booking that the clerk gave thessaloniki-emp-07
        String reference = given().auth().oauth2(clerk).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "thessaloniki-registry-certificate", "mode": "VIDEO",
                         "start": "2026-12-01T14:00:00+02:00", "employee": "thessaloniki-emp-07", "channel": "PHONE",
                         "person": {"fullName": "Ελένη Αθανασίου", "email": "eleni@example.gr", "phone": "6912345678"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el"}""")
                .post("/api/bookings").then().statusCode(201).body("employee", equalTo("thessaloniki-emp-07"))
                .extract().path("reference");
        clock.setAthens("2026-12-01T13:55");
        employeeAdmission(clerk, reference).statusCode(403).body("field", equalTo("reference"));

        // only the municipality's admin names, and only a colleague of the booking's unit
        standIn(clerk, reference, "thessaloniki-emp-08").statusCode(403);
        standIn(employee("clerk-thermaikos"), reference, "thessaloniki-emp-08").statusCode(403);
        standIn(admin, reference, "thessaloniki-emp-04").statusCode(400).body("field", equalTo("employee"));
        standIn(admin, reference, "nobody").statusCode(400).body("field", equalTo("employee"));
        standIn(admin, reference, "thessaloniki-emp-08").statusCode(200).body("videoCall.standIn", equalTo("thessaloniki-emp-08"))
                .body("employee", equalTo("thessaloniki-emp-07"));
        employeeAdmission(clerk, reference).statusCode(200).body("role", equalTo("EMPLOYEE"));
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body("{\"reference\": \"" + reference + "\", \"identityDocumentShown\": true}")
                .post("/api/bookings/calls/identity-checks").then().statusCode(200).body("status", equalTo("CHECKED_IN"));

        // taken back, the colleague is out again
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"reference\": \"" + reference + "\"}")
                .put("/api/bookings/calls/stand-ins").then().statusCode(200).body("videoCall.standIn", nullValue());
        employeeAdmission(clerk, reference).statusCode(403);
        given().auth().oauth2(clerk).post("/api/bookings/" + reference + "/complete").then().statusCode(200);
    }

    private static ValidatableResponse standIn(String bearer, String reference, String employee) {
        return given().auth().oauth2(bearer).contentType(ContentType.JSON)
                .body("{\"reference\": \"" + reference + "\", \"employee\": \"" + employee + "\"}")
                .put("/api/bookings/calls/stand-ins").then();
    }

    @Test
    void aCancelledBookingsRoomNeverOpensAndAnInPersonBookingHasNone() {
        JsonPath booked = bookVideo("2026-12-01T13:00:00+02:00", false);
        given().auth().oauth2(citizen("citizen-maria")).post("/api/bookings/" + booked.getString("reference") + "/cancel")
                .then().statusCode(200);
        clock.setAthens("2026-12-01T12:55");
        byLink(token(booked.getString("videoLink"))).statusCode(409).body("reason", equalTo("cancelled"))
                .body("detail", equalTo("Το ραντεβού ακυρώθηκε· η τηλεδιάσκεψή του δεν θα γίνει."));
    }

    private JsonPath bookVideo(String start, boolean invites) {
        String requirements = invites
                ? "{\"signLanguage\": true, \"lipReading\": false, \"thirdPartyEmail\": \"giorgos@example.gr\"}"
                : "{\"signLanguage\": false, \"lipReading\": false}";
        return given().auth().oauth2(citizen("citizen-maria")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "thessaloniki-registry-certificate", "mode": "VIDEO",
                         "start": "%s", "person": {"fullName": "Μαρία Παπαδοπούλου", "email": "maria@example.gr", "phone": "6912345678"},
                         "onBehalfOfOther": false, "specialRequirements": %s, "declarationAccepted": true, "language": "el",
                         "limitOverrideReason": null}""".formatted(start, requirements))
                .post("/api/bookings").then().statusCode(201).extract().jsonPath();
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private static ValidatableResponse byLink(String link) {
        return given().contentType(ContentType.JSON).body("{\"link\": \"" + link + "\"}").post("/api/bookings/calls/admissions").then();
    }

    private static ValidatableResponse employeeAdmission(String bearer, String reference) {
        return given().auth().oauth2(bearer).contentType(ContentType.JSON).body("{\"reference\": \"" + reference + "\"}")
                .post("/api/bookings/calls/employee-admissions").then();
    }

    private String citizen(String user) {
        return new KeycloakTestClient(keycloakUrl + "/realms/citizens").getAccessToken(user, user, "portal");
    }

    private String employee(String user) {
        return new KeycloakTestClient(keycloakUrl + "/realms/employees").getAccessToken(user, user, "backoffice");
    }
}
