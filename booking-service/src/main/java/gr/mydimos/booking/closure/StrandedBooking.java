package gr.mydimos.booking.closure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A booking a closure stranded, with the time it had then. */
@Entity
@Table(name = "closure_booking")
public class StrandedBooking extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID closureId;
    public UUID bookingId;
    public Instant originalStart;
    public Instant originalEnd;
}
