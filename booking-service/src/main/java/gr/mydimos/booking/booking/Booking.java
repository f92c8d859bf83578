package gr.mydimos.booking.booking;

import gr.mydimos.booking.Mode;
import gr.mydimos.booking.Problems;
import gr.mydimos.booking.ShortDigest;
import gr.mydimos.events.BookingEvent;
import gr.mydimos.problems.Problem;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** An appointment of a person with a municipality, served by one employee at one time. */
@Entity
public class Booking extends PanacheEntityBase {

    public enum Status {
        CONFIRMED("επιβεβαιωμένο", "confirmed"),
        CANCELLED("ακυρωμένο", "cancelled"),
        CHECKED_IN("σε εξυπηρέτηση (έχει γίνει η προσέλευση)", "checked in"),
        COMPLETED("ολοκληρωμένο", "completed"),
        NO_SHOW("καταγεγραμμένο ως μη προσέλευση", "recorded as a no-show");

        private final String greek;
        private final String english;

        Status(String greek, String english) {
            this.greek = greek;
            this.english = english;
        }

        /** The refusal of a change that a booking in this status does not allow. */
        public Problem conflict() {
            return Problems.statusConflict("Το ραντεβού είναι " + greek + ".", "The booking is " + english + ".");
        }
    }

    /** Where the booking came from (BK-1). */
    public enum Channel { ONLINE, PHONE, COUNTER }

    @Id
    public UUID id;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String municipalityCode;
    public String serviceId;
    public String unitId;
    @Enumerated(EnumType.STRING)
    public Mode mode;
    public String employeeId;
    public UUID reservationId;
    public Instant startsAt;
    public Instant endsAt;
    public String personFullName;
    public String personEmail;
    /** Who booked for another person, so that they get a copy of the notices; null otherwise. */
    public String bookerEmail;
    public String personPhone;
    public boolean onBehalfOfOther;
    public boolean signLanguage;
    public boolean lipReading;
    public String thirdPartyEmail;
    public String language;
    public String videoLink;
    /** The applicant's entry to the video call: the last part of videoLink (VC-1). */
    public String videoToken;
    /** An invited third person's own entry to the call (seed 004 Art.2§12); null without one. */
    public String thirdPartyVideoToken;
    /** A sign-language interpreter's entry, where one was asked for; null otherwise. */
    public String interpreterVideoToken;
    /** A colleague of the same unit the admin named to take the video call instead (a staff record), or null. */
    public String callStandIn;
    /** The identity check on camera (seed 004 Art.3§1): its outcome and who recorded it, never an image. */
    public Instant identityCheckedAt;
    public String identityCheckedBy;
    public Boolean identityDocumentShown;
    public Boolean authorisationShown;
    public String declarationVersion;
    public Instant declarationAcceptedAt;
    public String createdBy;
    public String createdByRealm;
    public String ownerTaxId;
    /** The business a representative booked for (business-rep), else null. */
    public String businessTaxId;
    public String idempotencyKey;
    public Instant createdAt;
    public Instant statusChangedAt;
    public String statusChangedBy;
    /** How the last change came: ONLINE (the person), PHONE or COUNTER (a clerk for them). */
    @Enumerated(EnumType.STRING)
    public Channel statusChangedVia;
    public String requestHash;
    public String limitOverrideReason;
    /** Why the municipality cancelled it (a closure, a suspension); null when the person cancelled or it stands. */
    public String cancellationReason;
    /** When the personal data was erased (X-1); the booking stays for statistics. */
    public Instant anonymisedAt;
    @Version
    public int version;

    /**
     * The video call's room (VC-1): the booking at its time, the same for everyone admitted to it, another after a
     * reschedule, and telling nothing of the booking to whoever sees it; null for a booking without a call.
     */
    public String callRoom() {
        if (mode != Mode.VIDEO) {
            return null;
        }
        return ShortDigest.of(id + "@" + startsAt.getEpochSecond());
    }

    /** Refuses anything but what a booking in this status allows. */
    public void requireStatus(Status expected) {
        if (status != expected) {
            throw status.conflict();
        }
    }

    /** Refuses a change by staff once the appointment has started (until then they may, for a caller). */
    public void requireNotStarted(Instant now) {
        if (!now.isBefore(startsAt)) {
            throw Problems.statusConflict("Το ραντεβού έχει ήδη αρχίσει.", "The appointment has already started.");
        }
    }

    /** Cancelled, by the person or the municipality (reason: the municipality's, told to the person; null otherwise). */
    public String cancel(String reason) {
        requireStatus(Status.CONFIRMED);
        status = Status.CANCELLED;
        cancellationReason = reason;
        return BookingEvent.CANCELLED;
    }

    /** The front desk: the person arrived, on the appointment's day (BK-8). */
    public String checkIn(Instant now, ZoneId zone) {
        requireStatus(Status.CONFIRMED);
        if (!LocalDate.ofInstant(now, zone).equals(LocalDate.ofInstant(startsAt, zone))) {
            throw Problems.statusConflict("Η προσέλευση καταγράφεται μόνο την ημέρα του ραντεβού.",
                    "Check-in is possible on the appointment's day only.");
        }
        status = Status.CHECKED_IN;
        return BookingEvent.CHECKED_IN;
    }

    /** The front desk: the appointment took place. */
    public String complete() {
        requireStatus(Status.CHECKED_IN);
        status = Status.COMPLETED;
        return BookingEvent.COMPLETED;
    }

    /** The front desk: the person did not come, which is known once the appointment has started. */
    public String recordNoShow(Instant now) {
        requireStatus(Status.CONFIRMED);
        if (now.isBefore(startsAt)) {
            throw Problems.statusConflict("Η μη προσέλευση καταγράφεται αφού περάσει η ώρα έναρξης του ραντεβού.",
                    "A no-show can be recorded once the appointment has started.");
        }
        status = Status.NO_SHOW;
        return BookingEvent.NO_SHOW;
    }

    /**
     * The identity check on camera (seed 004 Art.3§1): its outcome, never an image. The person has arrived: a
     * confirmed booking is checked in, which is its event; otherwise there is none.
     */
    public String identityChecked(boolean documentShown, Boolean authorisationShown, Instant now, String by) {
        if (authorisationShown == null && (onBehalfOfOther || businessTaxId != null)) {
            throw Problem.invalidField("authorisationShown", "απαιτείται: το ραντεβού είναι για λογαριασμό άλλου προσώπου ή επιχείρησης",
                    "is required: the booking is for another person or a business");
        }
        identityCheckedAt = now;
        identityCheckedBy = by;
        identityDocumentShown = documentShown;
        this.authorisationShown = authorisationShown;
        if (status != Status.CONFIRMED) {
            return null;
        }
        status = Status.CHECKED_IN;
        return BookingEvent.CHECKED_IN;
    }

    /** To another time, with the employee and the reservation that hold it (a reschedule, an accepted transfer). */
    public void moveTo(Instant start, Instant end, String employee, UUID reservation) {
        startsAt = start;
        endsAt = end;
        employeeId = employee;
        reservationId = reservation;
    }

    /** Who changed it last, when, and how it came (null: the municipality's own decision). */
    public void changedBy(String subject, Instant at, Channel via) {
        statusChangedBy = subject;
        statusChangedAt = at;
        statusChangedVia = via;
    }

    /**
     * X-1: erases what tells who the person is — name, contacts, tax number, who booked, checked and changed it, the
     * call's links, the request it came from — once its time is long past; what statistics count stays. Idempotent.
     */
    public void anonymise(Instant now) {
        if (anonymisedAt != null) {
            return;
        }
        personFullName = "";
        personEmail = "";
        personPhone = "";
        bookerEmail = null;
        thirdPartyEmail = null;
        ownerTaxId = null;
        createdBy = null;
        identityCheckedBy = null;
        statusChangedBy = null;
        idempotencyKey = null;
        requestHash = null;
        limitOverrideReason = null;
        videoLink = null;
        videoToken = null;
        thirdPartyVideoToken = null;
        interpreterVideoToken = null;
        anonymisedAt = now;
    }

    /** The call's link that enters with this token: the applicant's link with its last part replaced; null without. */
    public String callLink(String token) {
        return token == null || videoLink == null ? null : videoLink.substring(0, videoLink.lastIndexOf('/') + 1) + token;
    }
}
