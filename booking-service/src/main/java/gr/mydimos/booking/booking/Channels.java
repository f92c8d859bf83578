package gr.mydimos.booking.booking;

import gr.mydimos.problems.Problem;
import java.util.Locale;

/** The channel a clerk states in an address (?channel=PHONE): read strictly, a wrong one named as the field in error. */
final class Channels {

    private Channels() {
    }

    static Booking.Channel stated(String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        try {
            return Booking.Channel.valueOf(channel.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Problem.invalidField("channel", "PHONE (τηλεφωνικά) ή COUNTER (στο γκισέ)", "PHONE or COUNTER");
        }
    }
}
