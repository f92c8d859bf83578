package gr.mydimos.notification.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What notification reads of a booking event (docs/events.md); unknown fields are ignored. */
public record BookingEvent(UUID eventId, String type, int schemaVersion, Instant occurredAt, Booking booking,
                           Previous previous, Proposal proposal, String reason) {

    public record Named(String code, String nameEl, String nameEn) {}

    public record Service(String id, String nameEl, String nameEn) {}

    public record Person(String fullName, String email) {}

    public record Document(String nameEl, String nameEn, boolean exOfficio) {}

    public record Booking(String reference, String status, Named municipality, Service service, String unitId,
                          String mode, OffsetDateTime start, OffsetDateTime end, String language, Person person,
                          String videoLink, String thirdPartyEmail, String thirdPartyVideoLink, List<Document> documents,
                          boolean onBehalfOfOther, String bookerEmail) {}

    /** The booking's time before a reschedule or transfer. */
    public record Previous(OffsetDateTime start, OffsetDateTime end) {}

    /**
     * A proposed transfer: the new time, until when the applicant may accept it and why; cancelsIfUnanswered: the
     * office is closed at the booked time, so declined or unanswered the booking is cancelled.
     */
    public record Proposal(OffsetDateTime start, OffsetDateTime end, OffsetDateTime expiresAt, String reason,
                           boolean cancelsIfUnanswered) {}

    public static final String CONFIRMED = "BookingConfirmed";
    public static final String RESCHEDULED = "BookingRescheduled";
    public static final String CANCELLED = "BookingCancelled";
    public static final String CHECKED_IN = "BookingCheckedIn";
    public static final String COMPLETED = "BookingCompleted";
    public static final String NO_SHOW = "BookingNoShow";
    public static final String TRANSFER_PROPOSED = "BookingTransferProposed";
    public static final String TRANSFERRED = "BookingTransferred";
}
