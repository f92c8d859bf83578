package gr.mydimos.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event on topic {@value #TOPIC}: the one definition booking-service writes and every consumer reads
 * (docs/events.md explains each field). Consumers ignore fields they do not know, so adding one is compatible;
 * {@link #problems()} says what a valid event carries, and both sides' tests hold their events to it.
 */
public record BookingEvent(UUID eventId, String type, int schemaVersion, Instant occurredAt, Booking booking,
                           Previous previous, Proposal proposal, String reason) {

    public static final String TOPIC = "booking-events";
    public static final int SCHEMA_VERSION = 1;

    public static final String CONFIRMED = "BookingConfirmed";
    public static final String RESCHEDULED = "BookingRescheduled";
    public static final String CANCELLED = "BookingCancelled";
    public static final String CHECKED_IN = "BookingCheckedIn";
    public static final String COMPLETED = "BookingCompleted";
    public static final String NO_SHOW = "BookingNoShow";
    public static final String TRANSFER_PROPOSED = "BookingTransferProposed";
    public static final String TRANSFERRED = "BookingTransferred";
    /** Nobody accepted the proposal in time, or the booking was moved or cancelled meanwhile. */
    public static final String TRANSFER_EXPIRED = "BookingTransferExpired";
    public static final String TRANSFER_DECLINED = "BookingTransferDeclined";

    public static final List<String> TYPES = List.of(CONFIRMED, RESCHEDULED, CANCELLED, CHECKED_IN, COMPLETED, NO_SHOW,
            TRANSFER_PROPOSED, TRANSFERRED, TRANSFER_EXPIRED, TRANSFER_DECLINED);

    /** The booking's status after each type that sets one (the answers to a proposal leave it as it was). */
    private static final Map<String, Status> STATUS_AFTER = Map.of(CONFIRMED, Status.CONFIRMED,
            RESCHEDULED, Status.CONFIRMED, CANCELLED, Status.CANCELLED, CHECKED_IN, Status.CHECKED_IN,
            COMPLETED, Status.COMPLETED, NO_SHOW, Status.NO_SHOW, TRANSFER_PROPOSED, Status.CONFIRMED,
            TRANSFERRED, Status.CONFIRMED);

    private static final List<String> WITH_PREVIOUS = List.of(RESCHEDULED, TRANSFERRED);
    private static final List<String> WITH_PROPOSAL = List.of(TRANSFER_PROPOSED, TRANSFER_EXPIRED, TRANSFER_DECLINED);

    public enum Status { CONFIRMED, CANCELLED, CHECKED_IN, COMPLETED, NO_SHOW }

    /** Where the booking came from. */
    public enum Channel { ONLINE, PHONE, COUNTER }

    public enum Mode { IN_PERSON, PHONE, VIDEO }

    public record Municipality(String code, String nameEl, String nameEn) {}

    public record Service(String id, String nameEl, String nameEn) {}

    /** Only what messages need: no tax number, no phone. */
    public record Person(String fullName, String email) {}

    /** What to bring ({@code exOfficio} false) or what the office retrieves itself (true). */
    public record Document(String nameEl, String nameEn, boolean exOfficio) {}

    /** The booking after the change. */
    public record Booking(String reference, Status status, Channel channel, Municipality municipality, Service service,
                          String unitId, String employeeId, Mode mode, OffsetDateTime start, OffsetDateTime end,
                          String language, Person person, String videoLink, String thirdPartyEmail,
                          String thirdPartyVideoLink, List<Document> documents, UUID reservationId,
                          boolean onBehalfOfOther, String bookerEmail, String callRoom) {}

    /** The booking as it was before a reschedule or transfer; callRoom: its video call's room then, which closes. */
    public record Previous(OffsetDateTime start, OffsetDateTime end, String employeeId, UUID reservationId,
                           String callRoom) {}

    /**
     * A proposed transfer the applicant may accept until expiresAt, and why; reservationId: the time availability
     * keeps for it; cancelsIfUnanswered: a closure's proposal, whose booking is cancelled if it is declined or lapses.
     */
    public record Proposal(OffsetDateTime start, OffsetDateTime end, String employeeId, OffsetDateTime expiresAt,
                           UUID reservationId, String reason, boolean cancelsIfUnanswered) {}

    public BookingEvent withProposal(Proposal proposal) {
        return new BookingEvent(eventId, type, schemaVersion, occurredAt, booking, previous, proposal, reason);
    }

    /** The reservation whose time this change gives back, if any: the one availability frees on it. */
    public UUID releasedReservation() {
        return switch (type) {
            case CANCELLED -> booking.reservationId();
            case RESCHEDULED, TRANSFERRED -> previous == null ? null : previous.reservationId();
            case TRANSFER_EXPIRED, TRANSFER_DECLINED -> proposal == null ? null : proposal.reservationId();
            default -> null;
        };
    }

    /** The video call's room this change ends for those in it, if any: the call no longer takes place at its time. */
    public String endedCallRoom() {
        return switch (type) {
            case CANCELLED, COMPLETED, NO_SHOW -> booking.callRoom();
            case RESCHEDULED, TRANSFERRED -> previous == null ? null : previous.callRoom();
            default -> null;
        };
    }

    /** What makes the event break the contract, in words; empty when it keeps it. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        require(problems, eventId != null, "eventId is missing");
        require(problems, schemaVersion == SCHEMA_VERSION, "schemaVersion is not " + SCHEMA_VERSION);
        require(problems, occurredAt != null, "occurredAt is missing");
        if (type == null || !TYPES.contains(type)) {
            problems.add("type " + type + " is not a booking event");
            return problems;
        }
        if (booking == null) {
            problems.add("booking is missing");
            return problems;
        }
        require(problems, booking.reference() != null, "booking.reference is missing");
        require(problems, booking.status() != null, "booking.status is missing");
        require(problems, !STATUS_AFTER.containsKey(type) || STATUS_AFTER.get(type) == booking.status(),
                "booking.status " + booking.status() + " does not follow a " + type);
        require(problems, booking.municipality() != null && booking.municipality().code() != null,
                "booking.municipality.code is missing");
        require(problems, booking.service() != null && booking.service().id() != null, "booking.service.id is missing");
        require(problems, booking.mode() != null, "booking.mode is missing");
        require(problems, booking.start() != null && booking.end() != null && booking.start().isBefore(booking.end()),
                "booking.start and end do not make a time");
        require(problems, "el".equals(booking.language()) || "en".equals(booking.language()),
                "booking.language is neither el nor en");
        require(problems, booking.person() != null && booking.person().email() != null, "booking.person.email is missing");
        require(problems, booking.reservationId() != null, "booking.reservationId is missing");
        require(problems, booking.documents() != null, "booking.documents is missing (an empty list if none)");
        require(problems, booking.mode() != Mode.VIDEO || booking.videoLink() != null && booking.callRoom() != null,
                "a VIDEO booking's videoLink or callRoom is missing");
        require(problems, booking.thirdPartyEmail() == null || booking.thirdPartyVideoLink() != null,
                "the invited person's thirdPartyVideoLink is missing");
        require(problems, WITH_PREVIOUS.contains(type) == (previous != null),
                WITH_PREVIOUS.contains(type) ? "previous is missing" : "previous belongs to a move only");
        require(problems, previous == null || previous.reservationId() != null && previous.start() != null,
                "previous.reservationId or start is missing");
        require(problems, WITH_PROPOSAL.contains(type) == (proposal != null),
                WITH_PROPOSAL.contains(type) ? "proposal is missing" : "proposal belongs to a transfer only");
        require(problems, proposal == null || proposal.reservationId() != null && proposal.expiresAt() != null,
                "proposal.reservationId or expiresAt is missing");
        require(problems, reason == null || CANCELLED.equals(type), "reason belongs to a cancellation only");
        return problems;
    }

    private static void require(List<String> problems, boolean kept, String problem) {
        if (!kept) {
            problems.add(problem);
        }
    }
}
