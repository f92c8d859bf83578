package gr.mydimos.booking.closure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * An emergency closure (a strike, a sick colleague, a broken building) of a unit, an employee or the whole
 * municipality, and what was done with the bookings it stranded: new times proposed or the bookings cancelled.
 */
@Entity
public class Closure extends PanacheEntityBase {

    public enum Handling { PROPOSE_NEW_TIMES, CANCEL }

    @Id
    public UUID id;
    public String municipalityCode;
    /** The closure or leave in force in availability; null until availability has answered. */
    public Long availabilityExceptionId;
    public String unitId;
    public String employeeId;
    public Instant startsAt;
    public Instant endsAt;
    public String reason;
    @Enumerated(EnumType.STRING)
    public Handling handling;
    /** PROPOSE_NEW_TIMES: a proposal not accepted by then is cancelled with the reason. */
    public Instant answerBy;
    public String declaredBy;
    public Instant declaredAt;
}
