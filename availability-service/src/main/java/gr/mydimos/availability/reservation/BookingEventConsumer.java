package gr.mydimos.availability.reservation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gr.mydimos.events.BookingEvent;
import gr.mydimos.problems.Outages;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Gives back the time a committed booking change no longer uses (docs/events.md): booking-service releases it itself
 * right after the change, and this releases it again from the event, so a lost call cannot leave an employee's time
 * taken by a booking that no longer uses it; the time of a proposal that lapsed, and of a suspended municipality's
 * bookings, is released only here. Only the reservation the event names is touched; releasing twice changes nothing,
 * so redelivery is harmless.
 */
@ApplicationScoped
public class BookingEventConsumer {

    @Inject
    ObjectMapper json;
    @Inject
    Reservations reservations;

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
        UUID released = event == null || event.booking() == null || event.type() == null ? null : event.releasedReservation();
        if (released == null) {
            return Uni.createFrom().voidItem(); // a change that gives no time back
        }
        return Outages.waitedOut("booking-events", "Booking " + event.booking().reference() + ": " + event.type(),
                () -> reservations.release(released, event.booking().reference()));
    }
}
