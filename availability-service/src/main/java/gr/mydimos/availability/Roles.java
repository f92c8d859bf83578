package gr.mydimos.availability;

/** The roles of callers that are services, not people. */
public final class Roles {

    /**
     * booking-service's own account: it takes, confirms and releases an employee's time for a booking, and looks up
     * staff; who may book what is its decision.
     */
    public static final String RESERVATION_HOLDER = "reservation-holder";

    private Roles() {
    }
}
