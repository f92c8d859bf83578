package gr.mydimos.notification.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gr.mydimos.events.BookingEvent;
import gr.mydimos.problems.Outages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Hands each booking event to the {@link Planner}. The event id is recorded in the same transaction as the plan, so a
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
    @Inject
    Planner planner;

    void start(@Observes StartupEvent started) {
        Outages.countsPassedOver("booking-events");
    }

    @Incoming("booking-events")
    public Uni<Void> consume(String payload) {
        BookingEvent event;
        try {
            event = json.readValue(payload, BookingEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) { // not JSON, or no value at all
            return Outages.unreadable("booking-events", e.getMessage());
        }
        if (event == null || event.eventId() == null || event.type() == null || event.booking() == null
                || event.booking().reference() == null) {
            return Outages.unreadable("booking-events", "a booking event without eventId or booking, type "
                    + (event == null ? null : event.type()));
        }
        Instant now = clock.instant();
        // the event is read again, delayed but never lost, if the database stays out of reach for long
        return Outages.waitedOut("booking-events", "Booking " + event.booking().reference() + ": " + event.type() + " " + event.eventId(),
                        () -> Panache.withTransaction(() -> Panache.getSession()
                                .flatMap(session -> session.createNativeQuery(MARK_PROCESSED)
                                        .setParameter("id", event.eventId()).setParameter("now", now).executeUpdate())
                                .flatMap(firstTime -> {
                                    if (firstTime != 1) {
                                        LOG.infof("Booking %s: %s %s already handled", event.booking().reference(),
                                                event.type(), event.eventId());
                                        return Uni.createFrom().voidItem();
                                    }
                                    LOG.infof("Booking %s: planning the messages of %s", event.booking().reference(),
                                            event.type());
                                    return planner.plan(event, payload, now);
                                })))
                .invoke(dispatcher::wakeUp);
    }
}
