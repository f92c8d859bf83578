package gr.mydimos.notification;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A booking as booking-service describes it on Kafka (docs/events.md), to publish its events to the real broker.
 * Times are local to Athens, as people read them.
 */
public record TestBooking(String reference, String email, String language, String mode, OffsetDateTime start,
                          String thirdPartyEmail, boolean onBehalfOfOther) {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    /** An in-person registry certificate in Thessaloniki for a unique address, starting at a local time. */
    public static TestBooking inPerson(String language, String localStart) {
        String reference = references();
        return new TestBooking(reference, reference.toLowerCase() + "@example.gr", language, "IN_PERSON",
                athens(localStart), null, false);
    }

    /** A phone appointment someone booked for the person the mail goes to (seed 004 Art.2§2). */
    public static TestBooking phoneForAnother(String language, String localStart) {
        String reference = references();
        return new TestBooking(reference, reference.toLowerCase() + "@example.gr", language, "PHONE",
                athens(localStart), null, true);
    }

    /** A video call with a third person invited. */
    public static TestBooking video(String language, String localStart) {
        String reference = references();
        return new TestBooking(reference, reference.toLowerCase() + "@example.gr", language, "VIDEO",
                athens(localStart), "guest-" + reference.toLowerCase() + "@example.gr", false);
    }

    /** Who booked for the person served, when someone did. */
    public String bookerEmail() {
        return onBehalfOfOther ? "booker-" + reference.toLowerCase() + "@example.gr" : null;
    }

    public TestBooking movedTo(String localStart) {
        return new TestBooking(reference, email, language, mode, athens(localStart), thirdPartyEmail, onBehalfOfOther);
    }

    /** Publishes an event of this booking; answers its eventId. */
    public UUID publish(String type) {
        return publish(type, UUID.randomUUID(), null, null);
    }

    /** Publishes an event with the given id, the time before a move and a transfer proposal (JSON or null). */
    public UUID publish(String type, UUID eventId, TestBooking previous, String proposal) {
        return publish(type, eventId, previous, proposal, null);
    }

    /** ... and the municipality's reason (a cancellation it decided). */
    public UUID publish(String type, UUID eventId, TestBooking previous, String proposal, String reason) {
        String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.booking-events.topic", String.class);
        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, reference, json(type, eventId, previous,
                    proposal, reason))).awaitCompletion();
        }
        return eventId;
    }

    public String json(String type, UUID eventId, TestBooking previous, String proposal) {
        return json(type, eventId, previous, proposal, null);
    }

    public String json(String type, UUID eventId, TestBooking previous, String proposal, String reason) {
        String status = switch (type) {
            case "BookingCancelled" -> "CANCELLED";
            case "BookingCompleted" -> "COMPLETED";
            default -> "CONFIRMED";
        };
        return """
                {"eventId": "%s", "type": "%s", "schemaVersion": 1, "occurredAt": "2026-12-01T07:00:00Z",
                 "booking": {"reference": "%s", "status": "%s", "channel": "ONLINE",
                   "municipality": {"code": "thessaloniki", "nameEl": "Δήμος Θεσσαλονίκης", "nameEn": "Municipality of Thessaloniki"},
                   "service": {"id": "thessaloniki-registry-certificate", "nameEl": "Έκδοση πιστοποιητικού δημοτολογίου",
                               "nameEn": "Municipal registry certificate"},
                   "unitId": "thessaloniki-municipal-registry", "employeeId": "thessaloniki-emp-01", "mode": "%s",
                   "start": "%s", "end": "%s", "language": "%s",
                   "person": {"fullName": "Μαρία Παπαδοπούλου", "email": "%s"}, "videoLink": %s, "thirdPartyEmail": %s,
                   "thirdPartyVideoLink": %s,
                   "documents": [{"nameEl": "Αστυνομική ταυτότητα ή διαβατήριο", "nameEn": "Identity card or passport", "exOfficio": false},
                                 {"nameEl": "Πιστοποιητικό γέννησης", "nameEn": "Birth certificate", "exOfficio": true}],
                   "reservationId": "%s", "onBehalfOfOther": %s, "bookerEmail": %s,
                   "somethingNew": "ignored"},
                 "previous": %s, "proposal": %s, "reason": %s}"""
                .formatted(eventId, type, reference, status, mode, start, start.plusMinutes(15), language, email,
                        "VIDEO".equals(mode) ? "\"https://meet.mydimos.gov.gr/" + reference + "\"" : "null",
                        thirdPartyEmail == null ? "null" : "\"" + thirdPartyEmail + "\"",
                        thirdPartyEmail == null ? "null" : "\"https://meet.mydimos.gov.gr/invited-" + reference + "\"",
                        UUID.randomUUID(), onBehalfOfOther,
                        bookerEmail() == null ? "null" : "\"" + bookerEmail() + "\"",
                        previous == null ? "null" : """
                                {"start": "%s", "end": "%s", "employeeId": "thessaloniki-emp-01", "reservationId": "%s"}"""
                                .formatted(previous.start(), previous.start().plusMinutes(15), UUID.randomUUID()),
                        proposal == null ? "null" : proposal, reason == null ? "null" : "\"" + reason + "\"");
    }

    public static OffsetDateTime athens(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ATHENS).toOffsetDateTime();
    }

    /** A reference in booking-service's alphabet, unique per test run. */
    private static String references() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
