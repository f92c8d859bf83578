package gr.mydimos.booking.booking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
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
}
