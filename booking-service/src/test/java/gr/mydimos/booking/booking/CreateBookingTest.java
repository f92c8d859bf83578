package gr.mydimos.booking.booking;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import gr.mydimos.booking.PeerServicesStub;
import gr.mydimos.booking.PublishedEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creating bookings against the real PostgreSQL, Kafka and Keycloak; registry and availability are stubbed. */
@QuarkusTest
@QuarkusTestResource(PeerServicesStub.class)
class CreateBookingTest {

    private static final AtomicInteger MINUTE = new AtomicInteger();
    private static PublishedEvents events;

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;

    @BeforeAll
    static void listen() {
        events = new PublishedEvents();
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void citizenBooksAndTheConfirmedEventIsPublished() {
        JsonPath booking = given().auth().oauth2(token("citizens", "citizen-maria", "portal"))
                .contentType(ContentType.JSON).body(body(nextStart(), "IN_PERSON", "maria@example.gr", "6912345678"))
                .post("/api/bookings")
                .then().statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("reference", matchesPattern("[A-HJKMNP-TW-Z2-9]{4}-[A-HJKMNP-TW-Z2-9]{4}"))
                .body("channel", equalTo("ONLINE"))
                .body("unit.id", equalTo("thessaloniki-municipal-registry"))
                .body("employee", equalTo("thessaloniki-emp-01"))
                .body("person.phone", equalTo("+306912345678"))
                .body("documents.nameEn", hasItem("Identity card or passport"))
                .extract().jsonPath();
        String reference = booking.getString("reference");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events.records())
                .map(ConsumerRecord::key).contains(reference));
        String event = events.records().stream().filter(r -> reference.equals(r.key())).findFirst().orElseThrow().value();
        JsonPath published = JsonPath.from(event);
        assertThat(published.getString("type")).isEqualTo("BookingConfirmed");
        assertThat(published.getString("booking.person.email")).isEqualTo("maria@example.gr");
        assertThat(published.getString("booking.service.nameEl")).isEqualTo("Έκδοση πιστοποιητικού δημοτολογίου");
        assertThat(published.getBoolean("booking.onBehalfOfOther")).isFalse();
        assertThat(published.getString("booking.bookerEmail")).isNull(); // booked for herself: no copy to send

        given().auth().oauth2(token("citizens", "citizen-maria", "portal")).get("/api/bookings/" + reference)
                .then().statusCode(200).body("reference", equalTo(reference));
        given().auth().oauth2(token("citizens", "citizen-maria", "portal")).get("/api/bookings")
                .then().statusCode(200).body("reference", hasItem(reference));
        cancel(reference);
    }

    /** Seed 004 Art.2§2: whoever books for another person gets a copy of the notices, at their sign-in's address. */
    @Test
    void aBookingForAnotherPersonNamesWhoBookedItSoThatTheyGetACopy() {
        String reference = given().auth().oauth2(token("citizens", "citizen-maria", "portal"))
                .contentType(ContentType.JSON).body(body(nextStart(), "IN_PERSON", "kostas@example.gr", "6912345678")
                        .replace("\"onBehalfOfOther\": false", "\"onBehalfOfOther\": true"))
                .post("/api/bookings").then().statusCode(201).extract().path("reference");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events.records())
                .map(ConsumerRecord::key).contains(reference));
        JsonPath published = JsonPath.from(events.records().stream().filter(r -> reference.equals(r.key())).findFirst()
                .orElseThrow().value());
        assertThat(published.getBoolean("booking.onBehalfOfOther")).isTrue();
        assertThat(published.getString("booking.person.email")).isEqualTo("kostas@example.gr");
        assertThat(published.getString("booking.bookerEmail")).isEqualTo("maria@example.gr");
        cancel(reference);
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeyMakesOneBooking() {
        String start = nextStart();
        String key = UUID.randomUUID().toString();
        String token = token("citizens", "citizen-maria", "portal");
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body(start, "IN_PERSON", "maria@example.gr", "2310123456")).post("/api/bookings")
                .then().statusCode(201).extract().path("reference");
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body(start, "IN_PERSON", "maria@example.gr", "2310123456")).post("/api/bookings")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("reference", equalTo(first));
        // the same key for a different request is refused rather than answered with the first booking
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body(nextStart(), "IN_PERSON", "maria@example.gr", "2310123456")).post("/api/bookings")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/idempotency-key-reused"));

        PeerServicesStub.server.verify(1, postRequestedFor(urlPathEqualTo("/api/availability/reservations"))
                .withRequestBody(matchingJsonPath("$.start",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(start).atZoneSameInstant(java.time.ZoneId.of("Europe/Athens")))))));
        // the time is held for this booking, under booking-service's own identity, never with the person's token
        PeerServicesStub.server.verify(1, postRequestedFor(urlPathEqualTo("/api/availability/reservations"))
                .withRequestBody(matchingJsonPath("$.bookingReference", com.github.tomakehurst.wiremock.client.WireMock.equalTo(first)))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.notMatching("Bearer " + token)));
        cancel(first);
    }

    @Test
    void videoBookingsGetAnUnguessableLinkThatAnInvitedPersonIsSentToo() {
        var created = given().auth().oauth2(token("citizens", "citizen-maria", "portal"))
                .contentType(ContentType.JSON).body(body(nextStart(), "VIDEO", "maria@example.gr", "+44 20 7946 0958")
                        .replace("\"lipReading\": true}", "\"lipReading\": true, \"thirdPartyEmail\": \"giorgos@example.gr\"}"))
                .post("/api/bookings")
                .then().statusCode(201)
                .body("videoLink", matchesPattern("http://127\\.0\\.0\\.1:8080/call/[A-Za-z0-9_-]{43}"))
                .body("specialRequirements.thirdPartyEmail", equalTo("giorgos@example.gr"))
                // the invited person enters by a link of their own, which only their invitation carries (each link
                // enters as whom it belongs to); no interpreter was asked for
                .body("videoCall.thirdPartyLink", nullValue())
                .body("videoCall.interpreterLink", nullValue())
                .extract().jsonPath();
        String reference = created.getString("reference");
        // notification-service reads the invited person's address and link from the event (docs/events.md)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events.records())
                .anySatisfy(r -> assertThat(r.key()).isEqualTo(reference)));
        JsonPath event = JsonPath.from(events.records().stream().filter(r -> reference.equals(r.key())).findFirst().orElseThrow().value());
        assertThat(event.getString("booking.thirdPartyEmail")).isEqualTo("giorgos@example.gr");
        assertThat(event.getString("booking.mode")).isEqualTo("VIDEO");
        String invitation = event.getString("booking.thirdPartyVideoLink");
        assertThat(invitation).matches("http://127\\.0\\.0\\.1:8080/call/[A-Za-z0-9_-]{43}").isNotEqualTo(created.getString("videoLink"));
        cancel(reference);
    }

    @Test
    void aBusinessRepresentativeBooksForTheBusinessWhoseTaxNumberTheTokenCarries() {
        String eleni = token("citizens", "business-eleni", "portal");
        String reference = given().auth().oauth2(eleni).contentType(ContentType.JSON)
                .body(body(nextStart(), "IN_PERSON", "eleni@example.gr", "6912345678"))
                .post("/api/bookings")
                .then().statusCode(201).body("businessTaxId", equalTo("996423102"))
                .extract().path("reference");
        given().auth().oauth2(eleni).get("/api/bookings/" + reference)
                .then().statusCode(200).body("businessTaxId", equalTo("996423102"));
        given().auth().oauth2(eleni).get("/api/bookings/my-data")
                .then().statusCode(200).body("bookings.find { it.reference == '" + reference + "' }.businessTaxId",
                        equalTo("996423102"));
        cancel(reference);
    }

    @Test
    void aSlotTakenMeanwhileIsAConflict() {
        given().auth().oauth2(token("citizens", "citizen-maria", "portal"))
                .contentType(ContentType.JSON).body(body(nextStart(), "IN_PERSON", "maria@example.gr", "6912345678")
                        .replace("\"language\"", "\"employee\": \"thessaloniki-emp-busy\", \"language\""))
                .post("/api/bookings")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/slot-unavailable"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String token = token("citizens", "citizen-maria", "portal");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body(nextStart(), "IN_PERSON", "not-an-email", "6912345678")).post("/api/bookings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("person.email"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body(nextStart(), "IN_PERSON", "maria@example.gr", "12")).post("/api/bookings")
                .then().statusCode(400).body("field", equalTo("person.phone"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body(nextStart(), "IN_PERSON", "maria@example.gr", "6912345678").replace("\"declarationAccepted\": true",
                        "\"declarationAccepted\": false")).post("/api/bookings")
                .then().statusCode(400).body("violations.field", hasItem("declarationAccepted"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body(nextStart(), "PHONE", "maria@example.gr", "6912345678")).post("/api/bookings")
                .then().statusCode(400).body("field", equalTo("mode"));
    }

    /** One bad enum or a number for a time no longer hides the other mistakes of the form (issue 18, item 1). */
    @Test
    void everyInvalidFieldOfABodyIsReportedTogetherInTheCallersLanguage() {
        String token = token("citizens", "citizen-maria", "portal");
        String body = """
                {"municipality": "thessaloniki", "service": "thessaloniki-registry-certificate", "mode": "FAX",
                 "start": 12345, "person": {"fullName": "", "email": "not-an-email", "phone": "6912345678"},
                 "onBehalfOfOther": false, "declarationAccepted": false, "language": "el"}""";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/bookings")
                .then().statusCode(400).contentType("application/problem+json").header("Content-Language", "el")
                .body("type", equalTo("https://mydimos.gov.gr/problems/invalid-field"))
                .body("title", equalTo("Μη έγκυρα στοιχεία"))
                .body("instance", equalTo("/api/bookings"))
                .body("violations.field", containsInAnyOrder("declarationAccepted", "mode", "person.email",
                        "person.fullName", "start"))
                .body("violations.find { it.field == 'start' }.message",
                        equalTo("δεν έχει τον τύπο ή τη μορφή που δέχεται αυτή η διεύθυνση"))
                .body("violations.find { it.field == 'person.email' }.message",
                        equalTo("πρέπει να είναι έγκυρη διεύθυνση email"))
                .body("field", equalTo("declarationAccepted"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en-GB,en;q=0.8")
                .body(body).post("/api/bookings")
                .then().statusCode(400).header("Content-Language", "en")
                .body("title", equalTo("Invalid input"))
                .body("violations.find { it.field == 'mode' }.message", equalTo("not the type or format this address takes"))
                .body("violations.find { it.field == 'person.email' }.message",
                        equalTo("must be a well-formed email address"))
                .body("violations.find { it.field == 'declarationAccepted' }.message",
                        equalTo("the declaration must be accepted"));
        // a time given as a number is never read as a moment of 1970
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body(nextStart(), "IN_PERSON", "maria@example.gr", "6912345678")
                        .replaceFirst("\"start\": \"[^\"]+\"", "\"start\": 12345"))
                .post("/api/bookings")
                .then().statusCode(400).body("field", equalTo("start")).body("violations.field", contains("start"));
    }

    @Test
    void onlyTheOwnerOrTheMunicipalitysStaffSeeABooking() {
        String reference = given().auth().oauth2(token("citizens", "citizen-maria", "portal"))
                .contentType(ContentType.JSON).body(body(nextStart(), "IN_PERSON", "maria@example.gr", "6912345678"))
                .post("/api/bookings").then().statusCode(201).extract().path("reference");

        given().auth().oauth2(token("citizens", "citizen-nikos", "portal")).get("/api/bookings/" + reference)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(token("employees", "clerk-thermaikos", "backoffice")).get("/api/bookings/" + reference)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(token("employees", "clerk-thessaloniki", "backoffice")).get("/api/bookings/" + reference)
                .then().statusCode(200);
        given().get("/api/bookings/" + reference).then().statusCode(401);
        cancel(reference);
    }

    @Test
    void aClerkBooksForACallerByPhoneOnlyInTheirMunicipality() {
        String clerk = token("employees", "clerk-thessaloniki", "backoffice");
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(body(nextStart(), "IN_PERSON", "caller@example.gr", "6998765432").replace("\"language\"", "\"channel\": \"PHONE\", \"language\""))
                .post("/api/bookings")
                .then().statusCode(201).body("channel", equalTo("PHONE"));
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(body(nextStart(), "IN_PERSON", "caller@example.gr", "6998765432"))
                .post("/api/bookings")
                .then().statusCode(400).body("field", equalTo("channel"));
        given().auth().oauth2(token("employees", "clerk-thermaikos", "backoffice")).contentType(ContentType.JSON)
                .body(body(nextStart(), "IN_PERSON", "caller@example.gr", "6998765432").replace("\"language\"", "\"channel\": \"PHONE\", \"language\""))
                .post("/api/bookings")
                .then().statusCode(403).body("field", equalTo("municipality"));
    }

    /** Distinct start times two weeks after the tests' "now" (1 December 2026), so that tests never share a slot. */
    private static String nextStart() {
        int minutes = MINUTE.getAndIncrement() * 20;
        return "2026-12-15T%02d:%02d:00+02:00".formatted(8 + minutes / 60, minutes % 60);
    }

    /** Each test leaves no upcoming booking behind: a person may hold one per service at a time. */
    private void cancel(String reference) {
        given().auth().oauth2(token("employees", "clerk-thessaloniki", "backoffice")).post("/api/bookings/" + reference + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    private static String body(String start, String mode, String email, String phone) {
        return """
                {"municipality": "thessaloniki", "service": "thessaloniki-registry-certificate", "mode": "%s",
                 "start": "%s", "person": {"fullName": "Μαρία Παπαδοπούλου", "email": "%s", "phone": "%s"},
                 "onBehalfOfOther": false, "specialRequirements": {"signLanguage": false, "lipReading": true},
                 "declarationAccepted": true, "language": "el"}""".formatted(mode, start, email, phone);
    }

    private String token(String realm, String user, String client) {
        return new KeycloakTestClient(keycloakUrl + "/realms/" + realm).getAccessToken(user, user, client);
    }
}
