package gr.mydimos.availability.reservation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import gr.mydimos.availability.RegistryStub;
import gr.mydimos.availability.Tokens;
import gr.mydimos.events.BookingEvent;
import gr.mydimos.events.EventContract;
import gr.mydimos.events.Samples;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.mockito.InjectSpy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.pgclient.PgException;
import java.net.SocketException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** AV-7: a cancelled or rescheduled booking's reservation is released from the booking events on the real Kafka. */
@QuarkusTest
@QuarkusTestResource(RegistryStub.class)
class BookingEventsTest {

    private static final String DAY = "2026-12-17";

    @ConfigProperty(name = "mp.messaging.incoming.booking-events.topic")
    String topic;
    @InjectSpy
    Reservations reservations;

    @Test
    void aCancelledBookingsTimeIsFreeAgainAndARepeatedEventChangesNothing() {
        String start = DAY + "T08:40:00+02:00";
        String reservation = book(start, "TEST-CNCL");
        slots().then().body("start", not(hasItem(start)));

        String event = cancelled("TEST-CNCL", start, reservation);
        double passedOver = passedOver();
        publish("TEST-CNCL", "null"); // not an event, nor is a record without a value: skipped, and what follows counts
        publish("TEST-CNCL", null);
        publish("TEST-CNCL", event);
        publish("TEST-CNCL", event);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> slots().then().body("start", hasItem(start)));
        Assertions.assertEquals(passedOver + 1, passedOver(), "the record without a value, counted for the alert");
    }

    @Test
    void aRescheduledBookingReleasesOnlyItsPreviousReservation() {
        String before = DAY + "T09:20:00+02:00";
        String after = DAY + "T09:40:00+02:00";
        String old = book(before, "TEST-RSCH");
        String kept = book(after, "TEST-RSCH");

        publish("TEST-RSCH", EventContract.json(Samples.event(BookingEvent.RESCHEDULED,
                booking("TEST-RSCH", BookingEvent.Status.CONFIRMED, after, kept),
                Samples.previous(OffsetDateTime.parse(before), UUID.fromString(old), "old-room"), null)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> slots().then().body("start", hasItem(before)));
        slots().then().body("start", not(hasItem(after)));
    }

    @Test
    void aLapsedOrDeclinedTransferProposalGivesItsTimeBack() {
        String[][] answers = {{"BookingTransferExpired", "T10:20:00+02:00", "TEST-XFER"},
                              {"BookingTransferDeclined", "T10:40:00+02:00", "TEST-DECL"}};
        for (String[] answer : answers) {
            String proposed = DAY + answer[1];
            String reservation = book(proposed, answer[2]);
            slots().then().body("start", not(hasItem(proposed)));

            publish(answer[2], EventContract.json(Samples.event(answer[0],
                    booking(answer[2], BookingEvent.Status.CONFIRMED, DAY + "T08:00:00+02:00", UUID.randomUUID().toString()),
                    null, Samples.proposal(OffsetDateTime.parse(proposed), UUID.fromString(reservation)))));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> slots().then().body("start", hasItem(proposed)));
        }
    }

    @Test
    void aReleaseThatFailsForAWhileIsDoneOnceTheDatabaseAnswersAgain() {
        String start = DAY + "T11:00:00+02:00";
        String reservation = book(start, "TEST-OUTG");
        // out of reach, then a deadlock: neither is the event's fault, and a later try succeeds
        Mockito.doReturn(Uni.createFrom().failure(new SocketException("Connection reset")))
                .doReturn(Uni.createFrom().failure(new PgException("deadlock detected", "ERROR", "40P01", null)))
                .doCallRealMethod().when(reservations).release(UUID.fromString(reservation), "TEST-OUTG");

        publish("TEST-OUTG", cancelled("TEST-OUTG", start, reservation));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> slots().then().body("start", hasItem(start)));
        Mockito.verify(reservations, Mockito.times(3)).release(UUID.fromString(reservation), "TEST-OUTG");
    }

    @Test
    void anEventTheDatabaseCanNeverStoreIsPassedOverAndTheNextIsApplied() {
        String broken = DAY + "T11:20:00+02:00";
        String next = DAY + "T11:40:00+02:00";
        String brokenReservation = book(broken, "TEST-BRKN");
        String nextReservation = book(next, "TEST-NEXT");
        Mockito.doReturn(Uni.createFrom().failure(new PgException("value too long", "ERROR", "22001", null)))
                .when(reservations).release(UUID.fromString(brokenReservation), "TEST-BRKN");
        double passedOver = passedOver();

        publish("TEST-BRKN", cancelled("TEST-BRKN", broken, brokenReservation));
        publish("TEST-BRKN", cancelled("TEST-NEXT", next, nextReservation)); // same key: behind it in the partition

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> slots().then().body("start", hasItem(next)));
        slots().then().body("start", not(hasItem(broken)));
        Mockito.verify(reservations, Mockito.times(1)).release(UUID.fromString(brokenReservation), "TEST-BRKN");
        Assertions.assertEquals(passedOver + 1, passedOver(), "counted for the alert");
    }

    /** What an operator's alert reads: events_passed_over_total{channel="booking-events"}, there from the start. */
    private static double passedOver() {
        Counter counter = Metrics.globalRegistry.find("events_passed_over").tag("channel", "booking-events").counter();
        Assertions.assertNotNull(counter, "shown from the start, so that an alert sees the first increase");
        return counter.count();
    }

    private static String cancelled(String reference, String start, String reservation) {
        return EventContract.json(Samples.event(BookingEvent.CANCELLED,
                booking(reference, BookingEvent.Status.CANCELLED, start, reservation), null, null));
    }

    /** Reserves the time with thessaloniki-emp-03 and returns the reservation id. */
    private static String book(String start, String reference) {
        return given().auth().oauth2(Tokens.bookingService()).contentType(ContentType.JSON).body("""
                        {"bookingReference": "%s", "municipality": "thessaloniki", "service": "thessaloniki-registry-certificate",
                         "mode": "VIDEO", "start": "%s", "employee": "thessaloniki-emp-03"}""".formatted(reference, start))
                .post("/api/availability/reservations").then().statusCode(201).extract().path("id");
    }

    /** The booking of a video call whose time is the reservation (events as booking-service writes them). */
    private static BookingEvent.Booking booking(String reference, BookingEvent.Status status, String start, String reservation) {
        return Samples.booking(reference, BookingEvent.Mode.VIDEO, status, OffsetDateTime.parse(start),
                UUID.fromString(reservation), "room-" + reference);
    }

    private static io.restassured.response.Response slots() {
        RequestSpecification search = given().queryParams("municipality", "thessaloniki",
                "service", "thessaloniki-registry-certificate", "mode", "VIDEO", "from", DAY, "to", DAY,
                "employee", "thessaloniki-emp-03");
        return search.get("/api/availability/slots");
    }

    private void publish(String key, String json) {
        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, json)).awaitCompletion();
        }
    }
}
