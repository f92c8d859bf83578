package gr.mydimos.availability.reservation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Gives back the time a committed booking change no longer uses (docs/events.md): booking-service releases it itself
 * right after the change, and this releases it again from the event, so a lost call cannot leave an employee's time
 * taken by a booking that no longer uses it; the time of a proposal that lapsed, and of a suspended municipality's
 * bookings, is released only here. Only the reservation the event names is touched; releasing twice changes nothing,
 * so redelivery is harmless.
 */
@ApplicationScoped
public class BookingEventConsumer {

    private static final Logger LOG = Logger.getLogger(BookingEventConsumer.class);

    record Booking(String reference, UUID reservationId) {}

    record Previous(UUID reservationId) {}

    record Proposal(UUID reservationId) {}

    record Event(UUID eventId, String type, Booking booking, Previous previous, Proposal proposal) {}

    @Inject
    ObjectMapper json;
    @Inject
    Reservations reservations;

    @Incoming("booking-events")
    public Uni<Void> consume(String payload) {
        Event event;
        try {
            event = json.readValue(payload, Event.class);
        } catch (JsonProcessingException e) {
            LOG.errorf("Unreadable booking event skipped: %s", e.getOriginalMessage());
            return Uni.createFrom().voidItem();
        }
        if (event.booking() == null) {
            return Uni.createFrom().voidItem();
        }
        UUID released = switch (event.type()) {
            case "BookingCancelled" -> event.booking().reservationId();
            case "BookingRescheduled", "BookingTransferred" -> event.previous() == null ? null : event.previous().reservationId();
            case "BookingTransferExpired", "BookingTransferDeclined" -> event.proposal() == null ? null : event.proposal().reservationId();
            default -> null; // other types do not change reservations
        };
        if (released == null) {
            return Uni.createFrom().voidItem();
        }
        return reservations.release(released, event.booking().reference()).replaceWithVoid();
    }
}
