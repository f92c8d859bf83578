package gr.mydimos.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in the outbox until the relay has handed it to Kafka. Each service using the outbox creates this
 * table in its own migrations (see {@code docs/events.md}).
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
