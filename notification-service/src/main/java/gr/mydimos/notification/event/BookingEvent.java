package gr.mydimos.notification.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What notification reads of a booking event (docs/events.md); unknown fields are ignored. */
public record BookingEvent(UUID eventId, String type, int schemaVersion, Instant occurredAt, Booking booking) {

    public record Named(String code, String nameEl, String nameEn) {}

    public record Service(String id, String nameEl, String nameEn) {}

    public record Person(String fullName, String email) {}

    public record Document(String nameEl, String nameEn, boolean exOfficio) {}

    public record Booking(String reference, String status, Named municipality, Service service, String unitId,
                          String mode, OffsetDateTime start, OffsetDateTime end, String language, Person person,
                          String videoLink, List<Document> documents) {}

    public static final String CONFIRMED = "BookingConfirmed";
}
