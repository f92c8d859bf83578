package gr.mydimos.booking.closure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Emergency closures (issue 21 item 4) against the real PostgreSQL, Kafka and Keycloak, availability stubbed (the
 * system and browser tests run them against the real one). "Now" is the tests' clock: 1 December 2026, 09:00.
 */
@QuarkusTest
@QuarkusTestResource(PeerServicesStub.class)
class ClosuresTest {

    private static final String CLOSURES = "/api/availability/internal/municipalities/thessaloniki/closures";
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

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aStrikeProposesNewTimesAndCancelsWhatIsDeclinedOrUnansweredByTheDeadline() {
        String clerk = employee("clerk-thessaloniki");
        String admin = employee("admin-thessaloniki");
        List<String> booked = List.of(book(clerk, "2026-12-29T09:00:00+02:00"), book(clerk, "2026-12-29T09:20:00+02:00"),
                book(clerk, "2026-12-29T09:40:00+02:00"));
        String movesItself = book(clerk, "2026-12-29T10:00:00+02:00");
        String closure = """
                {"municipality": "thessaloniki", "unitId": "thessaloniki-municipal-registry",
                 "start": "2026-12-29T08:00:00+02:00", "end": "2026-12-29T15:00:00+02:00",
                 "reason": "Στάση εργασίας", "handling": "PROPOSE_NEW_TIMES"%s}""";
        StubMapping inForce = PeerServicesStub.server.stubFor(post(urlPathEqualTo(CLOSURES))
                .willReturn(json(200, "{\"id\": 77}")));
        StubMapping freeTimes = PeerServicesStub.server.stubFor(get(urlPathEqualTo("/api/availability/slots")).willReturn(json(200, """
                [{"start": "2026-12-01T09:30:00+02:00", "end": "2026-12-01T09:50:00+02:00"},
                 {"start": "2026-12-30T10:00:00+02:00", "end": "2026-12-30T10:20:00+02:00"},
                 {"start": "2026-12-30T10:20:00+02:00", "end": "2026-12-30T10:40:00+02:00"},
                 {"start": "2026-12-30T10:40:00+02:00", "end": "2026-12-30T11:00:00+02:00"},
                 {"start": "2026-12-30T11:00:00+02:00", "end": "2026-12-30T11:20:00+02:00"}]""")));
        try {
            // only the municipality's admins, and every bad field named
            given().auth().oauth2(clerk).contentType(ContentType.JSON).body(closure.formatted(", \"answerBy\": \"2026-12-20T12:00:00+02:00\""))
                    .post("/api/bookings/closures").then().statusCode(403);
            given().auth().oauth2(employee("admin-neapoli-sykies")).contentType(ContentType.JSON)
                    .body(closure.formatted(", \"answerBy\": \"2026-12-20T12:00:00+02:00\""))
                    .post("/api/bookings/closures").then().statusCode(403).body("field", equalTo("municipality"));
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(closure.formatted(""))
                    .post("/api/bookings/closures").then().statusCode(400).body("field", equalTo("answerBy"));
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(closure.formatted(", \"answerBy\": \"2026-11-30T12:00:00+02:00\""))
                    .post("/api/bookings/closures").then().statusCode(400).body("field", equalTo("answerBy"));
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(closure.formatted(", \"answerBy\": \"2026-12-20T12:00:00+02:00\", \"employeeId\": \"thessaloniki-emp-01\""))
                    .post("/api/bookings/closures").then().statusCode(400).body("field", equalTo("employeeId"));
            PeerServicesStub.server.verify(0, postRequestedFor(urlPathEqualTo(CLOSURES)));

            // before deciding, the admin sees which bookings the period strands; nothing changes
            String period = """
                    {"municipality": "thessaloniki", "unitId": "thessaloniki-municipal-registry",
                     "start": "2026-12-29T08:00:00+02:00", "end": "2026-12-29T15:00:00+02:00"}""";
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(period).post("/api/bookings/closures/stranded")
                    .then().statusCode(200).body("reference", contains(booked.get(0), booked.get(1), booked.get(2), movesItself))
                    .body("start[0]", equalTo("2026-12-29T09:00:00+02:00")).body("person[0]", equalTo("Ελένη Καλογήρου"));
            given().auth().oauth2(clerk).contentType(ContentType.JSON).body(period).post("/api/bookings/closures/stranded")
                    .then().statusCode(403);

            // one booked since the admin looked: nothing is done, and that one is named
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(closure.formatted(
                            ", \"answerBy\": \"2026-12-20T12:00:00+02:00\", \"bookings\": [\"%s\", \"%s\", \"%s\"]"
                                    .formatted(booked.get(0), booked.get(1), movesItself)))
                    .post("/api/bookings/closures").then().statusCode(409)
                    .body("type", equalTo("https://mydimos.gov.gr/problems/schedule-conflict")).body("bookings", contains(booked.get(2)));
            PeerServicesStub.server.verify(0, postRequestedFor(urlPathEqualTo(CLOSURES)));

            JsonPath declared = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(closure.formatted(", \"answerBy\": \"2026-12-20T12:00:00+02:00\", \"bookings\": [\"%s\", \"%s\", \"%s\", \"%s\"]"
                            .formatted(booked.get(0), booked.get(1), booked.get(2), movesItself)))
                    .post("/api/bookings/closures").then().statusCode(201)
                    .body("bookings.reference", contains(booked.get(0), booked.get(1), booked.get(2), movesItself))
                    .body("bookings.outcome", contains("AWAITING_ANSWER", "AWAITING_ANSWER", "AWAITING_ANSWER", "AWAITING_ANSWER"))
                    // the time before the cut-off and the person's time to answer is not offered
                    .body("bookings.newStart", contains("2026-12-30T10:00:00+02:00", "2026-12-30T10:20:00+02:00",
                            "2026-12-30T10:40:00+02:00", "2026-12-30T11:00:00+02:00"))
                    .body("bookings.answerDue[0]", equalTo("2026-12-20T12:00:00+02:00"))
                    .extract().jsonPath();
            // availability closes the unit, letting exactly these three be stranded
            PeerServicesStub.server.verify(postRequestedFor(urlPathEqualTo(CLOSURES))
                    .withRequestBody(matchingJsonPath("$.closure.kind", com.github.tomakehurst.wiremock.client.WireMock.equalTo("CLOSURE")))
                    .withRequestBody(matchingJsonPath("$.handledBookings.length()", com.github.tomakehurst.wiremock.client.WireMock.equalTo("4")))
                    .withRequestBody(matchingJsonPath("$.closureId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(declared.getString("id")))));
            JsonPath proposed = event(booked.get(0), "BookingTransferProposed");
            assertThat(proposed.getString("proposal.reason")).isEqualTo("Στάση εργασίας");
            assertThat(proposed.getBoolean("proposal.cancelsIfUnanswered")).isTrue();
            given().auth().oauth2(clerk).get("/api/bookings/" + booked.get(0)).then()
                    .body("proposedTransfer.cancelsIfUnanswered", equalTo(true));

            // the first caller accepts on the phone, the second declines: that cancels it, with the reason
            given().auth().oauth2(clerk).queryParam("channel", "PHONE").post("/api/bookings/" + booked.get(0) + "/transfer/accept")
                    .then().statusCode(200).body("start", equalTo("2026-12-30T10:00:00+02:00"));
            given().auth().oauth2(clerk).queryParam("channel", "PHONE").post("/api/bookings/" + booked.get(1) + "/transfer/decline")
                    .then().statusCode(200).body("status", equalTo("DECLINED"));
            given().auth().oauth2(clerk).get("/api/bookings/" + booked.get(1)).then()
                    .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("Στάση εργασίας"));
            JsonPath cancelled = event(booked.get(1), "BookingCancelled");
            assertThat(cancelled.getString("reason")).isEqualTo("Στάση εργασίας");
            PeerServicesStub.server.verify(deleteRequestedFor(urlPathEqualTo(
                    "/api/availability/reservations/" + cancelled.getString("booking.reservationId"))));

            // the fourth moves itself (through a clerk) to a time of its own: its closure's proposal no longer applies
            given().auth().oauth2(clerk).contentType(ContentType.JSON)
                    .body("{\"start\": \"2027-01-04T10:00:00+02:00\", \"channel\": \"PHONE\"}")
                    .post("/api/bookings/" + movesItself + "/reschedule").then().statusCode(200)
                    .body("proposedTransfer", org.hamcrest.Matchers.nullValue());

            // the third never answers: at the deadline it is cancelled, with the reason
            clock.setAthens("2026-12-20T12:01");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(clerk)
                    .get("/api/bookings/" + booked.get(2)).then().body("status", equalTo("CANCELLED")));
            assertThat(event(booked.get(2), "BookingCancelled").getString("reason")).isEqualTo("Στάση εργασίας");
            assertThat(event(booked.get(2), "BookingTransferExpired").getString("proposal.reservationId")).isNotBlank();
            given().auth().oauth2(clerk).get("/api/bookings/" + movesItself).then().body("status", equalTo("CONFIRMED"));

            // the admin sees who answered, how, and what became of each
            given().auth().oauth2(admin).queryParam("municipality", "thessaloniki").get("/api/bookings/closures").then()
                    .statusCode(200)
                    .body("find { it.id == '" + declared.getString("id") + "' }.bookings.outcome",
                            contains("MOVED", "DECLINED", "UNANSWERED", "RESCHEDULED_BY_PERSON"))
                    .body("find { it.id == '" + declared.getString("id") + "' }.bookings[0].answeredVia", equalTo("PHONE"));
            given().auth().oauth2(employee("admin-neapoli-sykies")).queryParam("municipality", "thessaloniki")
                    .get("/api/bookings/closures").then().statusCode(403);
        } finally {
            PeerServicesStub.server.removeStub(inForce);
            PeerServicesStub.server.removeStub(freeTimes);
            given().auth().oauth2(clerk).post("/api/bookings/" + booked.get(0) + "/cancel");
            given().auth().oauth2(clerk).post("/api/bookings/" + movesItself + "/cancel");
        }
    }

    @Test
    void aClosureThatCancelsTellsEachPersonWhyAndNothingClosesWhenBookingsWereMadeMeanwhile() {
        String clerk = employee("clerk-thessaloniki");
        String admin = employee("admin-thessaloniki");
        String reference = book(clerk, "2026-12-31T10:00:00+02:00");
        String reason = "Ασθένεια υπαλλήλου " + System.nanoTime();
        String closure = """
                {"municipality": "thessaloniki", "employeeId": "thessaloniki-emp-01",
                 "start": "2026-12-31T08:00:00+02:00", "end": "2026-12-31T15:00:00+02:00",
                 "reason": "%s", "handling": "CANCEL"}""".formatted(reason);

        StubMapping bookedMeanwhile = PeerServicesStub.server.stubFor(post(urlPathEqualTo(CLOSURES)).willReturn(json(409, """
                {"type": "https://mydimos.gov.gr/problems/schedule-conflict", "status": 409,
                 "bookings": [{"bookingReference": "MD-NEWONE", "start": "2026-12-31T11:00:00+02:00"}]}""")));
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(closure).post("/api/bookings/closures")
                    .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/schedule-conflict"))
                    .body("bookings.bookingReference", contains("MD-NEWONE"));
            given().auth().oauth2(clerk).get("/api/bookings/" + reference).then().body("status", equalTo("CONFIRMED"));
            // availability refused it: nothing of it is kept
            given().auth().oauth2(admin).queryParam("municipality", "thessaloniki").get("/api/bookings/closures").then()
                    .statusCode(200).body("reason", not(hasItem(reason)));
        } finally {
            PeerServicesStub.server.removeStub(bookedMeanwhile);
        }

        StubMapping inForce = PeerServicesStub.server.stubFor(post(urlPathEqualTo(CLOSURES)).willReturn(json(200, "{\"id\": 78}")));
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(closure).post("/api/bookings/closures")
                    .then().statusCode(201).body("bookings.reference", hasItem(reference))
                    .body("bookings.outcome", not(hasItem("NOT_HANDLED"))).body("bookings.outcome", not(empty()));
            PeerServicesStub.server.verify(postRequestedFor(urlPathEqualTo(CLOSURES))
                    .withRequestBody(matchingJsonPath("$.closure.kind", com.github.tomakehurst.wiremock.client.WireMock.equalTo("LEAVE"))));
            given().auth().oauth2(clerk).get("/api/bookings/" + reference).then()
                    .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo(reason));
            JsonPath cancelled = event(reference, "BookingCancelled");
            assertThat(cancelled.getString("reason")).isEqualTo(reason);
            PeerServicesStub.server.verify(deleteRequestedFor(urlPathEqualTo(
                    "/api/availability/reservations/" + cancelled.getString("booking.reservationId"))));
        } finally {
            PeerServicesStub.server.removeStub(inForce);
        }
    }

    @Test
    void aSuspensionCancelsEveryUpcomingBookingWithTheReasonAndWithdrawsItsProposals() {
        String clerk = employee("clerk-thessaloniki");
        String reference = book(clerk, "2027-01-05T10:00:00+02:00");
        given().auth().oauth2(employee("admin-thessaloniki")).contentType(ContentType.JSON)
                .body("{\"start\": \"2027-01-05T11:00:00+02:00\", \"reason\": \"Αλλαγή βάρδιας\"}")
                .post("/api/bookings/" + reference + "/transfer").then().statusCode(201);
        String suspension = "/api/bookings/municipalities/thessaloniki/suspension";

        given().auth().oauth2(employee("admin-thessaloniki")).contentType(ContentType.JSON)
                .body("{\"reason\": \"Αναστολή\"}").post(suspension).then().statusCode(403);
        given().auth().oauth2(employee("central-admin")).contentType(ContentType.JSON).body("{\"reason\": \" \"}")
                .post(suspension).then().statusCode(400).body("field", equalTo("reason"));
        given().auth().oauth2(employee("central-admin")).contentType(ContentType.JSON)
                .body("{\"reason\": \"Αναστολή της συμμετοχής του δήμου\"}").post(suspension)
                .then().statusCode(200).body("cancelled", hasItem(reference));

        given().auth().oauth2(clerk).get("/api/bookings/" + reference).then().body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("Αναστολή της συμμετοχής του δήμου"))
                .body("proposedTransfer", org.hamcrest.Matchers.nullValue());
        assertThat(event(reference, "BookingCancelled").getString("reason")).isEqualTo("Αναστολή της συμμετοχής του δήμου");
        assertThat(event(reference, "BookingTransferExpired").getString("proposal.reservationId")).isNotBlank();
        // a second call finds nothing more to cancel
        given().auth().oauth2(employee("central-admin")).contentType(ContentType.JSON)
                .body("{\"reason\": \"Αναστολή της συμμετοχής του δήμου\"}").post(suspension)
                .then().statusCode(200).body("cancelled", not(hasItem(reference)));
    }

    private static JsonPath event(String reference, String type) {
        return events.latest(reference, type);
    }

    private String book(String clerk, String start) {
        return given().auth().oauth2(clerk).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "thessaloniki-registry-certificate", "mode": "IN_PERSON",
                         "start": "%s", "person": {"fullName": "Ελένη Καλογήρου", "email": "eleni@example.gr", "phone": "6912345678"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el", "channel": "PHONE"}"""
                        .formatted(start))
                .post("/api/bookings").then().statusCode(201).extract().path("reference");
    }

    private String employee(String user) {
        return new KeycloakTestClient(keycloakUrl + "/realms/employees").getAccessToken(user, user, "backoffice");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
