package gr.mydimos.booking.booking;

import gr.mydimos.booking.Mode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking as the portal and the back-office see it. */
@Schema(description = "A booking: what, when, how and for whom; times in Athens time. `documents` lists what to bring"
        + " and what the office obtains itself (`exOfficio`). `changeableUntil`: until when the citizen may reschedule or"
        + " cancel it online (the cut-off). `proposedTransfer`: a new time the municipality proposes, awaiting the"
        + " citizen's answer. `bookedBy` and `channel`: who made it and how; `lastChangedVia`: how its last change came"
        + " (ONLINE by the person, PHONE or COUNTER by a clerk for them). `cancellationReason`: why the municipality"
        + " cancelled it (an emergency closure), absent otherwise.",
        requiredProperties = {"reference", "status", "channel", "municipality", "service", "mode", "start", "end", "documents",
                "changeableUntil", "bookedBy"})
public record BookingView(String reference, Booking.Status status, Booking.Channel channel, String municipality,
                          String service, Unit unit, String employee, Mode mode, OffsetDateTime start, OffsetDateTime end,
                          String videoLink, Person person, SpecialRequirements specialRequirements,
                          String businessTaxId, List<Document> documents, OffsetDateTime changeableUntil,
                          ProposedTransfer proposedTransfer, BookedBy bookedBy, Booking.Channel lastChangedVia,
                          String cancellationReason, VideoCall videoCall) {

    /**
     * A VIDEO booking's call (VC-1): the invited third person's and the interpreter's own links (each shown only to
     * whom it concerns: {@link #seenBy}), the outcome of the identity check on camera once the employee has recorded
     * it, and the colleague named to take the call, if any.
     */
    public record VideoCall(String thirdPartyLink, String interpreterLink, IdentityCheck identityCheck, String standIn) {}

    /** What the employee saw on camera (seed 004 Art.3§1); authorisationShown: null where none was needed. */
    @Schema(requiredProperties = {"checkedAt", "identityDocumentShown"})
    public record IdentityCheck(OffsetDateTime checkedAt, boolean identityDocumentShown, Boolean authorisationShown) {}

    /**
     * Who made the booking, for the desk: the person online (onBehalfOfOther: someone else for them, whose address gets
     * copies), or the municipality's staff (for a caller on the phone or at the counter: see channel).
     */
    public record BookedBy(boolean staff, boolean onBehalfOfOther) {}

    public record Unit(String id) {}

    /** taxId: whose booking it is (the citizen's own, or the tax number a clerk entered for a caller), if known. */
    public record Person(String fullName, String email, String phone, String taxId) {}

    public record SpecialRequirements(boolean signLanguage, boolean lipReading, String thirdPartyEmail) {}

    public record Document(String nameEl, String nameEn, boolean exOfficio) {}

    /**
     * The new time proposed, why, and until when the citizen may accept it; cancelsIfUnanswered: the municipality is
     * closed at the booked time, so declined or unanswered the booking is cancelled.
     */
    @Schema(requiredProperties = {"start", "end", "reason", "expiresAt", "cancelsIfUnanswered"})
    public record ProposedTransfer(OffsetDateTime start, OffsetDateTime end, String reason, OffsetDateTime expiresAt,
                                   boolean cancelsIfUnanswered) {}

    public static BookingView of(Booking b, ZoneId zone, List<Document> documents, Duration cutOff, Transfer proposed) {
        return new BookingView(b.reference, b.status, b.channel, b.municipalityCode, b.serviceId, new Unit(b.unitId),
                b.employeeId, b.mode, at(b.startsAt, zone), at(b.endsAt, zone),
                b.videoLink, new Person(b.personFullName, b.personEmail, b.personPhone, b.ownerTaxId),
                new SpecialRequirements(b.signLanguage, b.lipReading, b.thirdPartyEmail), b.businessTaxId, documents,
                at(new ChangeCutOff(cutOff).until(b), zone), proposed == null ? null : new ProposedTransfer(at(proposed.startsAt, zone),
                        at(proposed.endsAt, zone), proposed.reason, at(proposed.expiresAt, zone), proposed.closureId != null),
                new BookedBy(Caller.EMPLOYEES.equals(b.createdByRealm), b.onBehalfOfOther), b.statusChangedVia,
                b.cancellationReason, b.mode != Mode.VIDEO ? null : new VideoCall(b.callLink(b.thirdPartyVideoToken),
                        b.callLink(b.interpreterVideoToken), b.identityCheckedAt == null ? null
                        : new IdentityCheck(at(b.identityCheckedAt, zone), Boolean.TRUE.equals(b.identityDocumentShown),
                                b.authorisationShown), b.callStandIn));
    }

    /**
     * The booking as this caller may see it: each link to the call enters as whoever it belongs to, so each is shown
     * only to them — the applicant sees their own link; the employee who takes the call sees the interpreter's, to pass
     * on; nobody on the staff sees the applicant's, and nobody sees the invited person's, which only their mail carries.
     */
    public BookingView seenBy(Caller caller) {
        if (videoCall == null) {
            return this;
        }
        String interpreterLink = caller.takesCallOf(employee, videoCall.standIn()) ? videoCall.interpreterLink() : null;
        return new BookingView(reference, status, channel, municipality, service, unit, employee, mode, start, end,
                caller.isCitizen() ? videoLink : null, person, specialRequirements, businessTaxId, documents, changeableUntil,
                proposedTransfer, bookedBy, lastChangedVia, cancellationReason,
                new VideoCall(null, interpreterLink, videoCall.identityCheck(), videoCall.standIn()));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
