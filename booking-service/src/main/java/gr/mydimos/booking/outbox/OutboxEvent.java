package gr.mydimos.booking.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** An event waiting in the outbox until the relay has handed it to Kafka. */
@Entity
public class OutboxEvent extends PanacheEntityBase {
    @Id
    public UUID id;
    /** The Kafka record key: the booking reference. */
    public String eventKey;
    public String type;
    public String payload;
    public Instant createdAt;
    public Instant publishedAt;
}
