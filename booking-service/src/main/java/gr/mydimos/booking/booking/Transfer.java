package gr.mydimos.booking.booking;

import gr.mydimos.booking.Problems;
import gr.mydimos.problems.AthensTime;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A proposed move of a booking (BK-7); ACCEPTED records the applicant's consent, who and when. */
@Entity
public class Transfer extends PanacheEntityBase {

    public enum Status { PROPOSED, ACCEPTED, DECLINED, EXPIRED }

    @Id
    public UUID id;
    public UUID bookingId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant startsAt;
    public Instant endsAt;
    public String employeeId;
    public UUID reservationId;
    public String reason;
    public String proposedBy;
    public Instant proposedAt;
    public Instant expiresAt;
    public String decidedBy;
    /** How the answer came: ONLINE (the applicant), PHONE or COUNTER (their consent taken by a clerk, decidedBy). */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Booking.Channel decidedVia;
    public Instant decidedAt;
    /** The emergency closure that proposed it: declined or unanswered, the booking is cancelled with its reason. */
    public UUID closureId;

    /**
     * A proposal to move the booking to the time held by the reservation, answered by {@code expiresAt}: the policy's
     * time ({@code validFor} from now, or for a closure's proposal its deadline, before the closed time), never after
     * the new time's own cut-off.
     */
    public static Transfer propose(Booking b, Instant start, Instant end, String employee, UUID reservation, String reason,
                                   String by, Instant now, UUID closure, Instant answerBy, ChangeCutOff cutOff, Duration validFor) {
        requireTransferable(b, now);
        Transfer t = new Transfer();
        t.id = UUID.randomUUID();
        t.bookingId = b.id;
        t.status = Status.PROPOSED;
        t.startsAt = start;
        t.endsAt = end;
        t.employeeId = employee;
        t.reservationId = reservation;
        t.reason = reason;
        t.proposedBy = by;
        t.proposedAt = now;
        t.closureId = closure;
        Instant lapse = start.minus(cutOff.before());
        Instant byPolicy = closure == null ? now.plus(validFor) : (answerBy.isBefore(b.startsAt) ? answerBy : b.startsAt);
        t.expiresAt = lapse.isBefore(byPolicy) ? lapse : byPolicy;
        return t;
    }

    /** Only an upcoming confirmed booking is proposed another time. */
    public static void requireTransferable(Booking b, Instant now) {
        if (b.status != Booking.Status.CONFIRMED || !b.startsAt.isAfter(now)) {
            throw Problems.statusConflict("Μεταφέρεται μόνο επιβεβαιωμένο ραντεβού που δεν έχει ακόμη γίνει.",
                    "Only an upcoming confirmed booking can be transferred.");
        }
    }

    /** The applicant agreed (online, or to a clerk who took it): refused once lapsed or answered. */
    public void accept(String by, Booking.Channel via, Instant now) {
        if (status == Status.EXPIRED || status == Status.PROPOSED && !now.isBefore(expiresAt)) {
            throw Problems.transferExpired(AthensTime.readable(expiresAt));
        }
        requireOpen();
        decide(Status.ACCEPTED, by, via, now);
    }

    /** The applicant declined: the booking stays as it is. */
    public void decline(String by, Booking.Channel via, Instant now) {
        requireOpen();
        decide(Status.DECLINED, by, via, now);
    }

    /** Lapsed, or withdrawn because the booking changed otherwise: nobody decided. */
    public void expire(Instant now) {
        status = Status.EXPIRED;
        decidedAt = now;
    }

    /** A closure's proposal declined or lapsed cancels the booking. */
    public boolean cancelsIfUnanswered() {
        return closureId != null;
    }

    private void requireOpen() {
        if (status != Status.PROPOSED) {
            throw Problems.statusConflict("Δεν εκκρεμεί πρόταση μεταφοράς αυτού του ραντεβού.",
                    "No transfer of this booking awaits an answer.");
        }
    }

    private void decide(Status answer, String by, Booking.Channel via, Instant now) {
        status = answer;
        decidedBy = by;
        decidedVia = via;
        decidedAt = now;
    }
}
