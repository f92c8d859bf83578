package gr.mydimos.availability.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A closure of a unit or of the whole municipality (no unit), or an employee's leave, from start to end. */
@Entity
public class ScheduleException extends PanacheEntityBase {

    public enum Kind { CLOSURE, LEAVE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String municipalityCode;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String unitId;
    public String employeeId;
    public Instant startsAt;
    public Instant endsAt;
    public String reason;
    /** The emergency closure of booking-service this is, if it is one. */
    public java.util.UUID closureId;

    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && endsAt.isAfter(start);
    }
}
