package gr.mydimos.call.room;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A booking that no longer takes place at its time closes its call's room for those already in it (booking-service
 * refuses new admissions by itself): cancelled, moved to another time (the room was the booking at its old time),
 * completed or recorded as a no-show. Reads the room from the event (docs/events.md); anything else is ignored.
 */
@ApplicationScoped
public class BookingChanges {

    @Inject
    Rooms rooms;

    @Incoming("booking-events")
    public void changed(String payload) {
        JsonObject event;
        try {
            event = new JsonObject(payload);
        } catch (DecodeException | ClassCastException e) {
            return; // not an event of ours: nothing in a room depends on it
        }
        String type = event.getValue("type") instanceof String t ? t : "";
        switch (type) {
            case "BookingCancelled" -> rooms.end(room(event, "booking"), "cancelled");
            case "BookingCompleted", "BookingNoShow" -> rooms.end(room(event, "booking"), "completed");
            case "BookingRescheduled", "BookingTransferred" -> rooms.end(room(event, "previous"), "moved");
            default -> { }
        }
    }

    private static String room(JsonObject event, String part) {
        return event.getValue(part) instanceof JsonObject booking && booking.getValue("callRoom") instanceof String room ? room : null;
    }
}
