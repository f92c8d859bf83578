package gr.mydimos.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in the outbox until the relay has handed it to Kafka, kept a while after. The table is the
 * library's own migration ({@code db/outbox}, which a service adds to {@code quarkus.flyway.locations}).
 */
@Entity
public class OutboxEvent extends PanacheEntityBase {
    @Id
    public UUID id;
    public String topic;
    /** The Kafka record key: events with the same key stay in order. */
    public String eventKey;
    public String type;
    public String payload;
    public Instant createdAt;
    public Instant publishedAt;
    /** W3C trace context of the request that wrote the event, if it was traced. */
    public String traceparent;
}
