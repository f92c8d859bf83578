package gr.mydimos.booking.booking;

import gr.mydimos.booking.BookingConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The booking rules, each made once from its configuration (BookingConfig) for the operations that apply it. */
public class Policies {

    @Produces
    @Singleton
    ChangeCutOff changeCutOff(BookingConfig config) {
        return new ChangeCutOff(config.changeCutOff());
    }

    @Produces
    @Singleton
    PerPersonLimit perPersonLimit(BookingConfig config) {
        return new PerPersonLimit(config.maxActivePerService());
    }
}
