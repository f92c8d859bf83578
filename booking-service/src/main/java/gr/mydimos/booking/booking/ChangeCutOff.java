package gr.mydimos.booking.booking;

import gr.mydimos.booking.Problems;
import java.time.Duration;
import java.time.Instant;

/**
 * BK-6: the person changes or cancels a booking online until this long before it starts (one hour by default,
 * {@code booking.change-cut-off}); after that only the municipality's staff, for a caller, until it starts.
 */
public record ChangeCutOff(Duration before) {

    /** Until when the person may change the booking themselves. */
    public Instant until(Booking booking) {
        return booking.startsAt.minus(before);
    }

    /** Refuses a change the person makes at or after the cut-off. */
    public void requireOpen(Booking booking, Instant now) {
        if (!now.isBefore(until(booking))) {
            throw Problems.cutOffPassed(before.toMinutes());
        }
    }
}
