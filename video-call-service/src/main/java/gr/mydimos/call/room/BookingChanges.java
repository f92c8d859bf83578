package gr.mydimos.call.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gr.mydimos.events.BookingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A booking that no longer takes place at its time closes its call's room for those already in it (booking-service
 * refuses new admissions by itself): cancelled, moved to another time (the room was the booking at its old time),
 * completed or recorded as a no-show. Which room a change ends is the events' contract's to say
 * ({@link BookingEvent#endedCallRoom()}); anything else is ignored.
 */
@ApplicationScoped
public class BookingChanges {

    @Inject
    Rooms rooms;
    @Inject
    ObjectMapper json;

    @Incoming("booking-events")
    public void changed(String payload) {
        BookingEvent event;
        try {
            event = json.readValue(payload, BookingEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) { // not JSON, or no value at all
            return; // not an event of ours: nothing in a room depends on it
        }
        String room = event == null || event.type() == null || event.booking() == null ? null : event.endedCallRoom();
        if (room != null) {
            rooms.end(room, switch (event.type()) {
                case BookingEvent.CANCELLED -> "cancelled";
                case BookingEvent.RESCHEDULED, BookingEvent.TRANSFERRED -> "moved";
                default -> "completed";
            });
        }
    }
}
