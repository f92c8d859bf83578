package gr.mydimos.availability.reservation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * An employee's time taken by one appointment, from its start to the end of the buffer after it.
 * Rows are written only through {@link Reservations}, whose insert the database's exclusion constraint guards.
 */
@Entity
public class Reservation extends PanacheEntityBase {

    /** CONFIRMED: the time is taken for its booking; RELEASED: given back. */
    public enum Status { CONFIRMED, RELEASED }

    @Id
    public UUID id;
    public String employeeId;
    public String municipalityCode;
    public String unitId;
    public String serviceId;
    public String mode;
    public Instant startsAt;
    public Instant endsAt;
    public Instant blockedUntil;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String bookingReference;
    public Instant createdAt;
}
