package gr.mydimos.availability.reservation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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

    public enum Status { HELD, CONFIRMED, RELEASED, EXPIRED }

    @Id
    public UUID id;
    @Column(name = "employee_id")
    public String employeeId;
    @Column(name = "municipality_code")
    public String municipalityCode;
    @Column(name = "service_id")
    public String serviceId;
    public String mode;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "blocked_until")
    public Instant blockedUntil;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;
    @Column(name = "booking_reference")
    public String bookingReference;
    @Column(name = "created_at")
    public Instant createdAt;
}
