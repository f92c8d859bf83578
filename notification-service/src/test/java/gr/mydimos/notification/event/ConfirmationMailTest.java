package gr.mydimos.notification.event;

import static org.assertj.core.api.Assertions.assertThat;

import gr.mydimos.notification.Inbox;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Booking events from the real Kafka become emails in the real (GreenMail) mail server, each exactly once. */
@QuarkusTest
class ConfirmationMailTest {

    @ConfigProperty(name = "mp.messaging.incoming.booking-events.topic")
    String topic;
    @ConfigProperty(name = "greenmail.api", defaultValue = "http://127.0.0.1:8025")
    String mailApi;

    @Test
    void aConfirmedBookingIsMailedInGreekWithWhatToBring() {
        String email = "maria-" + UUID.randomUUID() + "@example.gr";
        publish(event(UUID.randomUUID(), "ABCD-2345", email, "el"));

        Inbox.Mail mail = inbox().await(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Επιβεβαίωση ραντεβού ABCD-2345");
        assertThat(mail.text()).contains("Κωδικός ραντεβού: ABCD-2345")
                .contains("Ημερομηνία και ώρα: Τρίτη 8 Δεκεμβρίου 2026, 09:10")
                .contains("Υπηρεσία: Έκδοση πιστοποιητικού δημοτολογίου")
                .contains("Δήμος: Δήμος Θεσσαλονίκης")
                .contains("- Αστυνομική ταυτότητα ή διαβατήριο");
        assertThat(mail.html()).contains("<strong>ABCD-2345</strong>");
    }

    @Test
    void aRedeliveredEventSendsNoSecondEmail() {
        String email = "nikos-" + UUID.randomUUID() + "@example.gr";
        UUID eventId = UUID.randomUUID();
        publish(event(eventId, "KXQ7-M4PA", email, "en"));
        publish(event(eventId, "KXQ7-M4PA", email, "en"));
        publish(event(UUID.randomUUID(), "KXQ7-M4PB", "other-" + email, "en"));

        inbox().await("other-" + email, 1); // the later event went through, so both copies of the first were handled
        List<Inbox.Mail> mails = inbox().read(email);
        assertThat(mails).extracting(Inbox.Mail::subject).containsExactly("Appointment confirmed KXQ7-M4PA");
        assertThat(mails.get(0).text()).contains("Date and time: Tuesday 8 December 2026, 09:10");
    }

    private Inbox inbox() {
        return new Inbox(mailApi);
    }

    private void publish(String json) {
        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, "key", json)).awaitCompletion();
        }
    }

    private static String event(UUID eventId, String reference, String email, String language) {
        return """
                {"eventId": "%s", "type": "BookingConfirmed", "schemaVersion": 1, "occurredAt": "2026-12-01T10:00:00Z",
                 "booking": {"reference": "%s", "status": "CONFIRMED", "channel": "ONLINE",
                   "municipality": {"code": "thessaloniki", "nameEl": "Δήμος Θεσσαλονίκης", "nameEn": "Municipality of Thessaloniki"},
                   "service": {"id": "thessaloniki-registry-certificate", "nameEl": "Έκδοση πιστοποιητικού δημοτολογίου",
                               "nameEn": "Municipal registry certificate"},
                   "unitId": "thessaloniki-municipal-registry", "employeeId": "thessaloniki-emp-01", "mode": "IN_PERSON",
                   "start": "2026-12-08T09:10:00+02:00", "end": "2026-12-08T09:25:00+02:00", "language": "%s",
                   "person": {"fullName": "Μαρία Παπαδοπούλου", "email": "%s"}, "videoLink": null,
                   "documents": [{"nameEl": "Αστυνομική ταυτότητα ή διαβατήριο", "nameEn": "Identity card or passport", "exOfficio": false}],
                   "somethingNew": "ignored"}}""".formatted(eventId, reference, language, email);
    }
}
