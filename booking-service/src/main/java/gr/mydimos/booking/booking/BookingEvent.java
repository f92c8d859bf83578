package gr.mydimos.booking.booking;

import gr.mydimos.booking.Mode;
import gr.mydimos.booking.Topics;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A booking event on topic booking-events, exactly as docs/events.md defines it. */
public record BookingEvent(UUID eventId, String type, int schemaVersion, Instant occurredAt, Payload booking,
                           Previous previous, Proposal proposal, String reason) {

    public record Named(String code, String nameEl, String nameEn) {}

    public record Service(String id, String nameEl, String nameEn) {}

    public record Person(String fullName, String email) {}

    public record Payload(String reference, Booking.Status status, Booking.Channel channel, Named municipality,
                          Service service, String unitId, String employeeId, Mode mode, OffsetDateTime start,
                          OffsetDateTime end, String language, Person person, String videoLink,
                          String thirdPartyEmail, String thirdPartyVideoLink, List<BookingView.Document> documents, UUID reservationId,
                          boolean onBehalfOfOther, String bookerEmail, String callRoom) {}

    /** The booking as it was before a reschedule or transfer; callRoom: its video call's room then, which closes. */
    public record Previous(OffsetDateTime start, OffsetDateTime end, String employeeId, UUID reservationId, String callRoom) {}

    /**
     * A proposed transfer the applicant may accept until expiresAt, and why; cancelsIfUnanswered: a closure's proposal,
     * whose booking is cancelled if it is declined or not accepted in time.
     */
    public record Proposal(OffsetDateTime start, OffsetDateTime end, String employeeId, OffsetDateTime expiresAt,
                           UUID reservationId, String reason, boolean cancelsIfUnanswered) {}

    public static final String TOPIC = Topics.BOOKING_EVENTS;
    public static final String CONFIRMED = "BookingConfirmed";
    public static final String RESCHEDULED = "BookingRescheduled";
    public static final String CANCELLED = "BookingCancelled";
    public static final String CHECKED_IN = "BookingCheckedIn";
    public static final String COMPLETED = "BookingCompleted";
    public static final String NO_SHOW = "BookingNoShow";
    public static final String TRANSFER_PROPOSED = "BookingTransferProposed";
    public static final String TRANSFERRED = "BookingTransferred";
    public static final String TRANSFER_EXPIRED = "BookingTransferExpired";
    public static final String TRANSFER_DECLINED = "BookingTransferDeclined";

    public BookingEvent withProposal(Proposal proposal) {
        return new BookingEvent(eventId, type, schemaVersion, occurredAt, booking, previous, proposal, reason);
    }

    public static BookingEvent of(String type, Booking b, Named municipality, Service service,
                                  List<BookingView.Document> documents, Previous previous, ZoneId zone, Instant now) {
        return new BookingEvent(UUID.randomUUID(), type, 1, now, new Payload(b.reference, b.status, b.channel,
                municipality, service, b.unitId, b.employeeId, b.mode, b.startsAt.atZone(zone).toOffsetDateTime(),
                b.endsAt.atZone(zone).toOffsetDateTime(), b.language, new Person(b.personFullName, b.personEmail),
                b.videoLink, b.thirdPartyEmail, b.callLink(b.thirdPartyVideoToken), documents, b.reservationId, b.onBehalfOfOther,
                b.bookerEmail, b.callRoom()), previous,
                null, CANCELLED.equals(type) ? b.cancellationReason : null);
    }
}
