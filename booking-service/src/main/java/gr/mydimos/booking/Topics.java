package gr.mydimos.booking;

/** The Kafka topic booking-service publishes on. */
public final class Topics {

    /**
     * The bookings' events, keyed by booking reference, and the requests to availability that concern a booking
     * (they ride on the same key, so they stay in order with its events).
     */
    public static final String BOOKING_EVENTS = "booking-events";

    private Topics() {
    }
}
