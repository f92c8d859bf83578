package gr.mydimos.booking.booking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import gr.mydimos.booking.PeerServicesStub;
import gr.mydimos.booking.PublishedEvents;
import gr.mydimos.testing.MovableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BK-6, BK-8 and the per-person limit against the real PostgreSQL, Kafka and Keycloak (peers stubbed; the system
 * tests run the same against the real availability-service). "Now" is the tests' clock: 1 December 2026, 09:00.
 */
@QuarkusTest
@QuarkusTestResource(PeerServicesStub.class)
class BookingLifecycleTest {

    private static final String MARIA_AFM = "094259216";
    private static PublishedEvents events;

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;
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

    /** Each test starts at the tests' "now", whatever time an earlier one moved to. */
    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theCitizenReschedulesKeepingTheEmployeeAndCannotChangeAnythingAfterTheCutOff() {
        String maria = citizen("citizen-maria");
        String reference = book(maria, "2026-12-01T11:00:00+02:00", "");

        given().auth().oauth2(maria).contentType(ContentType.JSON).body("{\"start\": \"2026-12-01T11:20:00+02:00\"}")
                .post("/api/bookings/" + reference + "/reschedule")
                .then().statusCode(200).body("start", equalTo("2026-12-01T11:20:00+02:00")).body("status", equalTo("CONFIRMED"))
                .body("documents.nameEl", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty())); // what to bring, as in any answer
        given().auth().oauth2(maria).get("/api/bookings").then().statusCode(200)
                .body("find { it.reference == '" + reference + "' }.documents.nameEl", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
        PeerServicesStub.server.verify(postRequestedFor(urlPathEqualTo("/api/availability/reservations"))
                .withRequestBody(matchingJsonPath("$.preferredEmployee",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("thessaloniki-emp-01"))));
        JsonPath moved = event(reference, "BookingRescheduled");
        assertThat(moved.getString("previous.start")).isEqualTo("2026-12-01T11:00:00+02:00");
        assertThat(moved.getString("booking.start")).isEqualTo("2026-12-01T11:20:00+02:00");
        PeerServicesStub.server.verify(deleteRequestedFor(urlPathEqualTo(
                "/api/availability/reservations/" + moved.getString("previous.reservationId"))));

        clock.setAthens("2026-12-01T10:21"); // 59 minutes before the start
        given().auth().oauth2(maria).contentType(ContentType.JSON).body("{\"start\": \"2026-12-01T12:00:00+02:00\"}")
                .post("/api/bookings/" + reference + "/reschedule")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/change-cut-off-passed"));
        given().auth().oauth2(maria).post("/api/bookings/" + reference + "/cancel")
                .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/change-cut-off-passed"));

        // the municipality's clerk can still cancel it
        given().auth().oauth2(employee("clerk-thessaloniki")).post("/api/bookings/" + reference + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(event(reference, "BookingCancelled").getString("booking.reservationId"))
                .isEqualTo(moved.getString("booking.reservationId"));
        given().auth().oauth2(employee("clerk-thessaloniki")).post("/api/bookings/" + reference + "/cancel")
                .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/booking-status"));
    }

    @Test
    void aClerkReschedulesAndCancelsForACallerSayingHowTheCallerAsked() {
        String maria = citizen("citizen-maria");
        String clerk = employee("clerk-thessaloniki");
        String reference = book(maria, "2027-01-11T10:00:00+02:00", "");
        given().auth().oauth2(clerk).get("/api/bookings/" + reference).then().statusCode(200)
                .body("bookedBy.staff", equalTo(false)).body("bookedBy.onBehalfOfOther", equalTo(false))
                .body("channel", equalTo("ONLINE")).body("person.taxId", equalTo("094259216"));

        // the call centre finds the caller's bookings by the tax number they give, in its own municipality only
        given().auth().oauth2(clerk).queryParam("taxId", "094259216").get("/api/bookings/of-person")
                .then().statusCode(200).body("reference", hasItem(reference));
        given().auth().oauth2(employee("clerk-thermaikos")).queryParam("taxId", "094259216").get("/api/bookings/of-person")
                .then().statusCode(200).body("reference", not(hasItem(reference)));
        given().auth().oauth2(clerk).queryParam("taxId", "123456789").get("/api/bookings/of-person")
                .then().statusCode(400).body("field", equalTo("taxId"));
        given().auth().oauth2(maria).queryParam("taxId", "094259216").get("/api/bookings/of-person").then().statusCode(403);

        // staff say how the caller asked; another municipality's clerk may not touch it at all
        given().auth().oauth2(clerk).contentType(ContentType.JSON).body("{\"start\": \"2027-01-11T10:20:00+02:00\"}")
                .post("/api/bookings/" + reference + "/reschedule")
                .then().statusCode(400).body("field", equalTo("channel"));
        given().auth().oauth2(employee("clerk-thermaikos")).contentType(ContentType.JSON)
                .body("{\"start\": \"2027-01-11T10:20:00+02:00\", \"channel\": \"PHONE\"}")
                .post("/api/bookings/" + reference + "/reschedule").then().statusCode(403);

        // after the citizen's cut-off, a caller on the phone is still helped
        clock.setAthens("2027-01-11T09:30");
        given().auth().oauth2(maria).contentType(ContentType.JSON).body("{\"start\": \"2027-01-11T10:20:00+02:00\"}")
                .post("/api/bookings/" + reference + "/reschedule").then().statusCode(409);
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body("{\"start\": \"2027-01-11T10:20:00+02:00\", \"channel\": \"PHONE\"}")
                .post("/api/bookings/" + reference + "/reschedule")
                .then().statusCode(200).body("start", equalTo("2027-01-11T10:20:00+02:00")).body("lastChangedVia", equalTo("PHONE"));
        assertThat(event(reference, "BookingRescheduled").getString("booking.start")).isEqualTo("2027-01-11T10:20:00+02:00");

        given().auth().oauth2(clerk).queryParam("channel", "ONLINE")
                .post("/api/bookings/" + reference + "/cancel").then().statusCode(400).body("field", equalTo("channel"));
        given().auth().oauth2(clerk).queryParam("channel", "FAX")
                .post("/api/bookings/" + reference + "/cancel").then().statusCode(400).body("field", equalTo("channel"));
        given().auth().oauth2(clerk).queryParam("channel", "COUNTER")
                .post("/api/bookings/" + reference + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("lastChangedVia", equalTo("COUNTER"));
        event(reference, "BookingCancelled"); // the caller gets the same mail as online
    }

    @Test
    void aCallersAnswerToAProposedTransferIsRecordedWithTheClerkWhoTookItAndHow() {
        String maria = citizen("citizen-maria");
        String clerk = employee("clerk-thessaloniki");
        String admin = employee("admin-thessaloniki");
        String reference = book(maria, "2027-01-12T10:00:00+02:00", "");
        String proposal = """
                {"start": "%s", "reason": "Απουσία υπαλλήλου"}""";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(proposal.formatted("2027-01-12T11:00:00+02:00"))
                .post("/api/bookings/" + reference + "/transfer").then().statusCode(201);

        // the admin who proposed it cannot answer for the applicant; a clerk must say how the answer came
        given().auth().oauth2(admin).queryParam("channel", "PHONE")
                .post("/api/bookings/" + reference + "/transfer/accept").then().statusCode(403);
        given().auth().oauth2(clerk).post("/api/bookings/" + reference + "/transfer/accept")
                .then().statusCode(400).body("field", equalTo("channel"));
        given().auth().oauth2(employee("clerk-thermaikos")).queryParam("channel", "PHONE")
                .post("/api/bookings/" + reference + "/transfer/accept").then().statusCode(403);
        given().auth().oauth2(clerk).queryParam("channel", "PHONE")
                .post("/api/bookings/" + reference + "/transfer/accept")
                .then().statusCode(200).body("start", equalTo("2027-01-12T11:00:00+02:00")).body("lastChangedVia", equalTo("PHONE"));
        event(reference, "BookingTransferred");

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(proposal.formatted("2027-01-12T12:00:00+02:00"))
                .post("/api/bookings/" + reference + "/transfer").then().statusCode(201);
        given().auth().oauth2(clerk).queryParam("channel", "COUNTER")
                .post("/api/bookings/" + reference + "/transfer/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED")).body("decidedVia", equalTo("COUNTER"));

        // what the person can download says how each answer was given
        JsonPath mine = given().auth().oauth2(maria).get("/api/bookings/my-data").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("bookings.find { it.reference == '" + reference + "' }.transfers.decidedVia"))
                .containsExactlyInAnyOrder("PHONE", "COUNTER");
        given().auth().oauth2(maria).post("/api/bookings/" + reference + "/cancel").then().statusCode(200);
    }

    @Test
    void aReleaseThatAvailabilityCannotTakeNowIsLeftToTheCommittedEvent() {
        String maria = citizen("citizen-maria");
        String reference = book(maria, "2026-12-23T10:00:00+02:00", "");
        String before = event(reference, "BookingConfirmed").getString("booking.reservationId");
        var unavailable = PeerServicesStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .delete(urlPathMatching("/api/availability/reservations/.*")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        try {
            // the move stands, and its event names the old time for availability to free (BookingEventsTest there)
            given().auth().oauth2(maria).contentType(ContentType.JSON).body("{\"start\": \"2026-12-23T11:00:00+02:00\"}")
                    .post("/api/bookings/" + reference + "/reschedule").then().statusCode(200)
                    .body("start", equalTo("2026-12-23T11:00:00+02:00"));
            assertThat(event(reference, "BookingRescheduled").getString("previous.reservationId")).isEqualTo(before);
        } finally {
            PeerServicesStub.server.removeStub(unavailable);
        }
        given().auth().oauth2(maria).post("/api/bookings/" + reference + "/cancel").then().statusCode(200);
    }

    @Test
    void aReservationNoBookingUsesIsReleasedByTheReconciliationOnItsOwn() {
        String maria = citizen("citizen-maria");
        String reference = book(maria, "2026-12-17T08:00:00+02:00", "");
        String used = event(reference, "BookingConfirmed").getString("booking.reservationId");
        String orphan = java.util.UUID.randomUUID().toString();
        // availability still keeps one reservation for a booking that was never committed
        var listed = PeerServicesStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(urlPathEqualTo("/api/availability/reservations")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        [{"id": "%s", "bookingReference": "%s", "createdAt": "2026-12-01T09:00:00+02:00"},
                         {"id": "%s", "bookingReference": "LOST-0001", "createdAt": "2026-12-01T09:00:00+02:00"}]"""
                        .formatted(used, reference, orphan))));
        try {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> PeerServicesStub.server.verify(
                    deleteRequestedFor(urlPathEqualTo("/api/availability/reservations/" + orphan))
                            .withQueryParam("booking", com.github.tomakehurst.wiremock.client.WireMock.equalTo("LOST-0001"))));
            PeerServicesStub.server.verify(0, deleteRequestedFor(urlPathEqualTo("/api/availability/reservations/" + used)));
        } finally {
            PeerServicesStub.server.removeStub(listed);
        }
        given().auth().oauth2(maria).post("/api/bookings/" + reference + "/cancel").then().statusCode(200);
    }

    @Test
    void aPersonHoldsOneUpcomingBookingPerServiceUnlessAClerkRecordsWhy() {
        String maria = citizen("citizen-maria");
        String first = book(maria, "2026-12-16T08:00:00+02:00", "");
        given().auth().oauth2(maria).contentType(ContentType.JSON).body(body("2026-12-16T08:20:00+02:00", ""))
                .post("/api/bookings")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/booking-limit-reached")).body("field", equalTo("service"));
        // a time someone has just taken as well: the limit is still what she is told
        given().auth().oauth2(maria).contentType(ContentType.JSON)
                .body(body("2026-12-16T08:20:00+02:00", ", \"employee\": \"thessaloniki-emp-busy\""))
                .post("/api/bookings")
                .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/booking-limit-reached"));

        String clerk = employee("clerk-thessaloniki");
        String byPhone = ", \"channel\": \"PHONE\"";
        String forMaria = "\"phone\": \"6912345678\", \"taxId\": \"" + MARIA_AFM + "\"";
        // a tax number the clerk mistyped (wrong check digit) is refused, not booked for nobody
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(body("2026-12-16T08:40:00+02:00", byPhone).replace("\"phone\": \"6912345678\"",
                        forMaria.replace(MARIA_AFM, "094259217")))
                .post("/api/bookings").then().statusCode(400).body("violations.field", hasItem("person.taxId"));
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(body("2026-12-16T08:40:00+02:00", byPhone).replace("\"phone\": \"6912345678\"", forMaria))
                .post("/api/bookings").then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/booking-limit-reached"));
        String overridden = given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(body("2026-12-16T08:40:00+02:00", byPhone + ", \"limitOverrideReason\": \"Απώλεια ταυτότητας, επείγον\"")
                        .replace("\"phone\": \"6912345678\"", forMaria))
                .post("/api/bookings").then().statusCode(201).extract().path("reference");
        // a phone booking with her tax number is hers: she sees it among her own
        given().auth().oauth2(maria).get("/api/bookings").then().statusCode(200).body("reference", hasItem(overridden));

        given().auth().oauth2(maria).post("/api/bookings/" + first + "/cancel").then().statusCode(200);
        given().auth().oauth2(clerk).post("/api/bookings/" + overridden + "/cancel").then().statusCode(200);
        String again = book(maria, "2026-12-16T09:00:00+02:00", "");
        given().auth().oauth2(maria).post("/api/bookings/" + again + "/cancel").then().statusCode(200);
    }

    @Test
    void aTransferMovesTheBookingOnlyWhenTheApplicantAcceptsAndOtherwiseExpires() {
        String maria = citizen("citizen-maria");
        String admin = employee("admin-thessaloniki");
        String reference = book(maria, "2026-12-18T10:00:00+02:00", "");
        String proposal = """
                {"start": "%s", "employee": "thessaloniki-emp-02", "reason": "Αλλαγή βάρδιας"}""";

        given().auth().oauth2(employee("clerk-thessaloniki")).contentType(ContentType.JSON)
                .body(proposal.formatted("2026-12-18T11:00:00+02:00")).post("/api/bookings/" + reference + "/transfer")
                .then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(proposal.formatted("2026-12-18T11:00:00+02:00"))
                .post("/api/bookings/" + reference + "/transfer")
                .then().statusCode(201).body("status", equalTo("PROPOSED")).body("start", equalTo("2026-12-18T11:00:00+02:00"))
                .body("expiresAt", equalTo("2026-12-03T09:00:00+02:00"));
        assertThat(event(reference, "BookingTransferProposed").getString("proposal.start")).isEqualTo("2026-12-18T11:00:00+02:00");
        // not moved until the applicant agrees, who sees the proposal on the booking
        given().auth().oauth2(maria).get("/api/bookings/" + reference).then().body("start", equalTo("2026-12-18T10:00:00+02:00"))
                .body("changeableUntil", equalTo("2026-12-18T09:00:00+02:00"))
                .body("proposedTransfer.start", equalTo("2026-12-18T11:00:00+02:00"))
                .body("proposedTransfer.reason", equalTo("Αλλαγή βάρδιας"))
                .body("proposedTransfer.expiresAt", equalTo("2026-12-03T09:00:00+02:00"));
        given().auth().oauth2(citizen("citizen-nikos")).post("/api/bookings/" + reference + "/transfer/accept").then().statusCode(404);

        given().auth().oauth2(maria).post("/api/bookings/" + reference + "/transfer/accept")
                .then().statusCode(200).body("start", equalTo("2026-12-18T11:00:00+02:00"))
                .body("proposedTransfer", org.hamcrest.Matchers.nullValue());
        assertThat(event(reference, "BookingTransferred").getString("previous.start")).isEqualTo("2026-12-18T10:00:00+02:00");
        given().auth().oauth2(maria).post("/api/bookings/" + reference + "/transfer/accept")
                .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/booking-status"));

        // a second proposal nobody accepts lapses after two days and gives its reserved time back
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(proposal.formatted("2026-12-18T12:00:00+02:00"))
                .post("/api/bookings/" + reference + "/transfer").then().statusCode(201);
        clock.setAthens("2026-12-03T09:01");
        given().auth().oauth2(maria).get("/api/bookings").then()
                .body("find { it.reference == '" + reference + "' }.proposedTransfer", org.hamcrest.Matchers.nullValue());
        JsonPath lapsed = event(reference, "BookingTransferExpired"); // availability releases the proposal's time on it
        assertThat(lapsed.getString("proposal.start")).isEqualTo("2026-12-18T12:00:00+02:00");
        assertThat(lapsed.getString("proposal.reservationId")).isNotBlank();
        given().auth().oauth2(maria).post("/api/bookings/" + reference + "/transfer/accept")
                .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/transfer-expired"));
        given().auth().oauth2(maria).get("/api/bookings/" + reference).then().body("start", equalTo("2026-12-18T11:00:00+02:00"));

        // a third one the applicant declines: the booking stays, and the time the proposal held is freed at once
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(proposal.formatted("2026-12-18T12:30:00+02:00"))
                .post("/api/bookings/" + reference + "/transfer").then().statusCode(201);
        given().auth().oauth2(admin).post("/api/bookings/" + reference + "/transfer/decline").then().statusCode(403);
        given().auth().oauth2(maria).post("/api/bookings/" + reference + "/transfer/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        JsonPath declined = event(reference, "BookingTransferDeclined");
        assertThat(declined.getString("proposal.start")).isEqualTo("2026-12-18T12:30:00+02:00");
        PeerServicesStub.server.verify(deleteRequestedFor(urlPathEqualTo(
                "/api/availability/reservations/" + declined.getString("proposal.reservationId"))));
        given().auth().oauth2(maria).post("/api/bookings/" + reference + "/transfer/accept")
                .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/booking-status"));
        given().auth().oauth2(maria).post("/api/bookings/" + reference + "/transfer/decline").then().statusCode(409);
        given().auth().oauth2(maria).get("/api/bookings/" + reference).then().body("start", equalTo("2026-12-18T11:00:00+02:00"));
        given().auth().oauth2(maria).post("/api/bookings/" + reference + "/cancel").then().statusCode(200);
    }

    @Test
    void adminsCountTheirMunicipalitysBookingsAndTheCentralAdminAll() {
        String clerk = employee("clerk-thessaloniki");
        book(clerk, "2026-12-21T09:00:00+02:00", ", \"channel\": \"PHONE\"");
        String cancelled = book(clerk, "2026-12-21T09:20:00+02:00", ", \"channel\": \"COUNTER\"");
        given().auth().oauth2(clerk).post("/api/bookings/" + cancelled + "/cancel").then().statusCode(200);

        given().auth().oauth2(employee("admin-thessaloniki")).queryParams("from", "2026-12-21", "to", "2026-12-21")
                .get("/api/bookings/stats")
                .then().statusCode(200).body("municipality", equalTo("thessaloniki")).body("total", equalTo(2))
                .body("byStatus.CONFIRMED", equalTo(1)).body("byStatus.CANCELLED", equalTo(1))
                .body("byService.thessaloniki-registry-certificate", equalTo(2)).body("byMode.IN_PERSON", equalTo(2))
                .body("byDay.2026-12-21", equalTo(2)).body("byUnit.thessaloniki-municipal-registry", equalTo(2));
        given().auth().oauth2(employee("central-admin")).queryParams("from", "2026-12-21", "to", "2026-12-21")
                .get("/api/bookings/stats").then().statusCode(200).body("byMunicipality.thessaloniki", equalTo(2));
        given().auth().oauth2(employee("admin-thessaloniki"))
                .queryParams("municipality", "thermaikos", "from", "2026-12-21", "to", "2026-12-21")
                .get("/api/bookings/stats").then().statusCode(403).body("field", equalTo("municipality"));
        given().auth().oauth2(clerk).queryParams("from", "2026-12-21", "to", "2026-12-21").get("/api/bookings/stats")
                .then().statusCode(403);
        given().auth().oauth2(employee("admin-thessaloniki")).queryParams("from", "2026-12-21", "to", "21/12/2026")
                .get("/api/bookings/stats").then().statusCode(400).body("field", equalTo("to"));
    }

    @Test
    void theFrontDeskRecordsArrivalCompletionAndNoShowOnTheDay() {
        String clerk = employee("clerk-thessaloniki");
        String arrives = book(clerk, "2026-12-01T12:00:00+02:00", ", \"channel\": \"COUNTER\"");
        String absent = book(clerk, "2026-12-01T12:20:00+02:00", ", \"channel\": \"COUNTER\"");

        given().auth().oauth2(clerk).post("/api/bookings/" + arrives + "/complete")
                .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/booking-status"));
        given().auth().oauth2(citizen("citizen-maria")).post("/api/bookings/" + arrives + "/check-in").then().statusCode(403);
        given().auth().oauth2(clerk).post("/api/bookings/" + arrives + "/check-in")
                .then().statusCode(200).body("status", equalTo("CHECKED_IN"));
        given().auth().oauth2(clerk).post("/api/bookings/" + arrives + "/complete")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        event(arrives, "BookingCompleted");

        given().auth().oauth2(clerk).post("/api/bookings/" + absent + "/no-show").then().statusCode(409); // not started yet
        clock.setAthens("2026-12-01T12:35");
        given().auth().oauth2(clerk).post("/api/bookings/" + absent + "/no-show")
                .then().statusCode(200).body("status", equalTo("NO_SHOW"));
        given().auth().oauth2(employee("clerk-thermaikos")).post("/api/bookings/" + absent + "/check-in").then().statusCode(403);
    }

    @Test
    void theAgendaShowsADaysAppointmentsOfTheClerksOwnMunicipalityOnly() {
        String clerk = employee("clerk-thessaloniki");
        String reference = book(clerk, "2026-12-17T10:00:00+02:00", ", \"channel\": \"PHONE\"");

        given().auth().oauth2(clerk).queryParam("date", "2026-12-17").get("/api/bookings/agenda")
                .then().statusCode(200).body("reference", hasItem(reference))
                .body("find { it.reference == '" + reference + "' }.specialRequirements.lipReading", equalTo(true))
                // the clerk sees what the person brings and what the office retrieves itself
                .body("find { it.reference == '" + reference + "' }.documents.nameEl",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
        given().auth().oauth2(clerk).queryParams("date", "2026-12-17", "employee", "thessaloniki-emp-02").get("/api/bookings/agenda")
                .then().statusCode(200).body("reference", not(hasItem(reference)));
        given().auth().oauth2(employee("admin-thessaloniki")).queryParams("date", "2026-12-17", "unit", "thessaloniki-municipal-registry")
                .get("/api/bookings/agenda").then().statusCode(200).body("reference", hasItem(reference));
        given().auth().oauth2(employee("clerk-thermaikos")).queryParams("date", "2026-12-17", "municipality", "thessaloniki")
                .get("/api/bookings/agenda").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(employee("clerk-thermaikos")).queryParam("date", "2026-12-17").get("/api/bookings/agenda")
                .then().statusCode(200).body("reference", not(hasItem(reference)));
        given().auth().oauth2(employee("central-admin")).queryParam("date", "2026-12-17").get("/api/bookings/agenda")
                .then().statusCode(400).body("field", equalTo("municipality"));
        given().auth().oauth2(citizen("citizen-maria")).queryParam("date", "2026-12-17").get("/api/bookings/agenda")
                .then().statusCode(403);

        // an employee of two municipalities works in the one chosen (seed 004 Art.4§3), and only in one of theirs
        String both = employee("clerk-call-centre");
        given().auth().oauth2(both).header("Mydimos-Municipality", "thessaloniki").queryParam("date", "2026-12-17")
                .get("/api/bookings/agenda").then().statusCode(200).body("reference", hasItem(reference));
        given().auth().oauth2(both).header("Mydimos-Municipality", "thermaikos").queryParam("date", "2026-12-17")
                .get("/api/bookings/agenda").then().statusCode(200).body("reference", not(hasItem(reference)));
        given().auth().oauth2(both).header("Mydimos-Municipality", "thermaikos").get("/api/bookings/" + reference)
                .then().statusCode(403);
        given().auth().oauth2(both).queryParam("date", "2026-12-17").get("/api/bookings/agenda")
                .then().statusCode(400).body("field", equalTo("Mydimos-Municipality"));
        given().auth().oauth2(both).header("Mydimos-Municipality", "neapoli-sykies").queryParam("date", "2026-12-17")
                .get("/api/bookings/agenda").then().statusCode(403);
        given().auth().oauth2(clerk).header("Mydimos-Municipality", "thermaikos").queryParam("date", "2026-12-17")
                .get("/api/bookings/agenda").then().statusCode(403);
    }

    /**
     * A change meets another that committed while it waited for availability: it is refused as changed meanwhile
     * (not applied over the other), and the time it had taken for itself is freed.
     */
    @Test
    void aRescheduleThatMeetsACancellationCommittedMeanwhileIsRefusedAndItsNewTimeFreed() throws Exception {
        String nikos = citizen("citizen-nikos");
        String reference = book(nikos, "2026-12-01T13:00:00+02:00", "");
        String later = "2026-12-01T13:40:00+02:00";
        var slowReservation = PeerServicesStub.server.stubFor(post(urlPathEqualTo("/api/availability/reservations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.start", com.github.tomakehurst.wiremock.client.WireMock.equalTo(later)))
                .willReturn(aResponse().withStatus(201).withFixedDelay(1500).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id": "7d1f0c52-2f6e-4c57-9a57-2b0e3f1d9c11", "employee": "thessaloniki-emp-01",
                                 "start": "%s", "end": "2026-12-01T13:55:00+02:00"}""".formatted(later))));
        try {
            CompletableFuture<io.restassured.response.Response> reschedule = CompletableFuture.supplyAsync(() ->
                    given().auth().oauth2(nikos).contentType(ContentType.JSON).body("{\"start\": \"" + later + "\"}")
                            .post("/api/bookings/" + reference + "/reschedule"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> PeerServicesStub.server.verify(
                    postRequestedFor(urlPathEqualTo("/api/availability/reservations"))
                            .withRequestBody(matchingJsonPath("$.start", com.github.tomakehurst.wiremock.client.WireMock.equalTo(later)))));
            given().auth().oauth2(employee("clerk-thessaloniki")).post("/api/bookings/" + reference + "/cancel")
                    .then().statusCode(200);

            reschedule.get(20, java.util.concurrent.TimeUnit.SECONDS).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://mydimos.gov.gr/problems/changed-meanwhile"))
                    .body("title", equalTo("Το ραντεβού άλλαξε στο μεταξύ"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> PeerServicesStub.server.verify(
                    deleteRequestedFor(urlPathEqualTo("/api/availability/reservations/7d1f0c52-2f6e-4c57-9a57-2b0e3f1d9c11"))));
            given().auth().oauth2(nikos).get("/api/bookings/" + reference).then().statusCode(200)
                    .body("status", equalTo("CANCELLED")).body("start", equalTo("2026-12-01T13:00:00+02:00"));
        } finally {
            PeerServicesStub.server.removeStub(slowReservation);
        }
    }

    private static JsonPath event(String reference, String type) {
        return events.latest(reference, type);
    }

    private String book(String token, String start, String extra) {
        return given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body(start, extra)).post("/api/bookings")
                .then().statusCode(201).extract().path("reference");
    }

    private static String body(String start, String extra) {
        return """
                {"municipality": "thessaloniki", "service": "thessaloniki-registry-certificate", "mode": "IN_PERSON",
                 "start": "%s", "person": {"fullName": "Μαρία Παπαδοπούλου", "email": "maria@example.gr", "phone": "6912345678"},
                 "onBehalfOfOther": false, "specialRequirements": {"signLanguage": false, "lipReading": true},
                 "declarationAccepted": true, "language": "el"%s}""".formatted(start, extra);
    }

    private String citizen(String user) {
        return new KeycloakTestClient(keycloakUrl + "/realms/citizens").getAccessToken(user, user, "portal");
    }

    private String employee(String user) {
        return new KeycloakTestClient(keycloakUrl + "/realms/employees").getAccessToken(user, user, "backoffice");
    }
}
