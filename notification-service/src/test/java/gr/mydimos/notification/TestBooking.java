package gr.mydimos.notification;

import gr.mydimos.events.BookingEvent;
import gr.mydimos.events.EventContract;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A booking as booking-service describes it on Kafka (the events' contract), to publish its events to the real broker.
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

    /** Publishes an event with the given id, the time before a move and a transfer proposal (or null). */
    public UUID publish(String type, UUID eventId, TestBooking previous, BookingEvent.Proposal proposal) {
        return publish(type, eventId, previous, proposal, null);
    }

    /** ... and the municipality's reason (a cancellation it decided). */
    public UUID publish(String type, UUID eventId, TestBooking previous, BookingEvent.Proposal proposal, String reason) {
        String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.booking-events.topic", String.class);
        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, reference, json(type, eventId, previous,
                    proposal, reason))).awaitCompletion();
        }
        return eventId;
    }

    public String json(String type, UUID eventId, TestBooking previous, BookingEvent.Proposal proposal) {
        return json(type, eventId, previous, proposal, null);
    }

    /** The event as booking-service writes it (it keeps the events' contract), with a field this version does not know. */
    public String json(String type, UUID eventId, TestBooking previous, BookingEvent.Proposal proposal, String reason) {
        BookingEvent.Status status = switch (type) {
            case BookingEvent.CANCELLED -> BookingEvent.Status.CANCELLED;
            case BookingEvent.COMPLETED -> BookingEvent.Status.COMPLETED;
            case BookingEvent.CHECKED_IN -> BookingEvent.Status.CHECKED_IN;
            case BookingEvent.NO_SHOW -> BookingEvent.Status.NO_SHOW;
            default -> BookingEvent.Status.CONFIRMED;
        };
        BookingEvent.Mode mode = BookingEvent.Mode.valueOf(this.mode);
        boolean video = mode == BookingEvent.Mode.VIDEO;
        BookingEvent.Booking booking = new BookingEvent.Booking(reference, status, BookingEvent.Channel.ONLINE,
                new BookingEvent.Municipality("thessaloniki", "Δήμος Θεσσαλονίκης", "Municipality of Thessaloniki"),
                new BookingEvent.Service("thessaloniki-registry-certificate", "Έκδοση πιστοποιητικού δημοτολογίου",
                        "Municipal registry certificate"),
                "thessaloniki-municipal-registry", "thessaloniki-emp-01", mode, start, start.plusMinutes(15), language,
                new BookingEvent.Person("Μαρία Παπαδοπούλου", email),
                video ? "https://meet.mydimos.gov.gr/" + reference : null, thirdPartyEmail,
                thirdPartyEmail == null ? null : "https://meet.mydimos.gov.gr/invited-" + reference,
                List.of(new BookingEvent.Document("Αστυνομική ταυτότητα ή διαβατήριο", "Identity card or passport", false),
                        new BookingEvent.Document("Πιστοποιητικό γέννησης", "Birth certificate", true)),
                UUID.randomUUID(), onBehalfOfOther, bookerEmail(), video ? "room-" + reference : null);
        BookingEvent event = new BookingEvent(eventId, type, BookingEvent.SCHEMA_VERSION,
                Instant.parse("2026-12-01T07:00:00Z"), booking,
                previous == null ? null : new BookingEvent.Previous(previous.start(), previous.start().plusMinutes(15),
                        "thessaloniki-emp-01", UUID.randomUUID(), null),
                proposal, reason);
        return EventContract.json(event).replace("\"reference\":", "\"somethingNew\":\"ignored\",\"reference\":");
    }

    /** A transfer to a local time in Athens, to be accepted by another, with the municipality's reason if any. */
    public static BookingEvent.Proposal proposal(String localStart, String localExpiry, String reason,
                                                 boolean cancelsIfUnanswered) {
        return new BookingEvent.Proposal(athens(localStart), athens(localStart).plusMinutes(15), "thessaloniki-emp-02",
                athens(localExpiry), UUID.randomUUID(), reason, cancelsIfUnanswered);
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
