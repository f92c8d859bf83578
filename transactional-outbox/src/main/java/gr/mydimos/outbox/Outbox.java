package gr.mydimos.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} publishes it once that transaction commits, told so
 * by the database: there is nothing to call afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    /** Call inside the transaction of the change the event reports. */
    public Uni<Void> add(String topic, String key, String type, UUID eventId, Instant occurredAt, Object event) {
        OutboxEvent row = new OutboxEvent();
        row.id = eventId;
        row.topic = topic;
        row.eventKey = key;
        row.type = type;
        row.createdAt = occurredAt;
        row.traceparent = traceparent();
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Event not serialisable: " + type, e));
        }
        return row.persist().replaceWithVoid();
    }

    /** The current trace context in W3C form ({@code 00-trace-span-flags}), or null outside a trace. */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }
}
