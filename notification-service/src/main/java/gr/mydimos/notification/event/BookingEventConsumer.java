package gr.mydimos.notification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gr.mydimos.notification.message.Dispatcher;
import gr.mydimos.notification.message.Message;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Plans the messages a booking event calls for. The event id is recorded in the same transaction as the plan, so a
 * redelivered or duplicated event plans nothing twice (NT-4); the offset is committed only after that transaction.
 */
@ApplicationScoped
public class BookingEventConsumer {

    private static final Logger LOG = Logger.getLogger(BookingEventConsumer.class);
    private static final String MARK_PROCESSED =
            "INSERT INTO processed_event (event_id, processed_at) VALUES (:id, :now) ON CONFLICT DO NOTHING";

    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    Dispatcher dispatcher;

    @Incoming("booking-events")
    public Uni<Void> consume(String payload) {
        BookingEvent event;
        try {
            event = json.readValue(payload, BookingEvent.class);
        } catch (JsonProcessingException e) {
            // A record no version of the contract can read would block the partition forever: log it and move on.
            LOG.errorf("Unreadable booking event skipped: %s", e.getOriginalMessage());
            return Uni.createFrom().voidItem();
        }
        if (event.eventId() == null || event.booking() == null) {
            LOG.errorf("Booking event without eventId or booking skipped (type %s)", event.type());
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(MARK_PROCESSED)
                                .setParameter("id", event.eventId()).setParameter("now", now).executeUpdate())
                        .flatMap(firstTime -> firstTime == 1 ? plan(event, now) : Uni.createFrom().voidItem()))
                .invoke(dispatcher::wakeUp);
    }

    private Uni<Void> plan(BookingEvent event, Instant now) {
        if (!BookingEvent.CONFIRMED.equals(event.type())) {
            return Uni.createFrom().voidItem(); // other kinds of messages come with the notification issue
        }
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.bookingReference = event.booking().reference();
        message.kind = Message.Kind.CONFIRMATION;
        message.recipient = event.booking().person().email();
        message.language = "en".equals(event.booking().language()) ? "en" : "el";
        try {
            message.booking = json.writeValueAsString(event.booking());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        message.dueAt = now;
        message.nextAttemptAt = now;
        message.status = Message.Status.PENDING;
        message.createdAt = now;
        return message.persist().replaceWithVoid();
    }
}
