package gr.mydimos.availability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Booking-window and calendar defaults; municipalities and services override the window (booking_policy). */
@ConfigMapping(prefix = "availability")
public interface AvailabilityConfig {

    /** Time zone in which opening hours are read and slots are shown. */
    @WithDefault("Europe/Athens")
    ZoneId zone();

    /** How long before its start a slot can still be booked, unless a municipality or service sets its own. */
    @WithDefault("PT2H")
    Duration minimumNotice();

    /** How far ahead slots can be booked, unless a municipality or service sets its own. */
    @WithDefault("P60D")
    Duration horizon();

    /** Whether a person may choose the employee, unless the municipality decides (AV-5). */
    @WithDefault("false")
    boolean employeeChoiceAllowed();

    /**
     * The client whose service account takes and releases reservations (its tokens name it as the
     * authorised party, azp): besides the role, so that no other client given the role by mistake, in either realm,
     * could take an employee's time.
     */
    @WithDefault("booking-service")
    String reservationHolderClient();

    /** The widest date range one slot search may ask for. */
    @WithDefault("62")
    int maxSearchDays();

    Holidays holidays();

    interface Holidays {
        /** The holiday calendar of the country (a jollyday calendar code). */
        @WithDefault("gr")
        String country();

        /**
         * Holidays of the calendar on which public offices still open, by the library's key: 30 January (Three
         * Hierarchs) is a school holiday only.
         */
        @WithDefault("THREE_HIERARCHS")
        Set<String> officesOpen();

        /** Days on which offices close early (ISO month-day, e.g. --12-24), and by how much. */
        @WithDefault("--12-24,--12-31")
        List<String> earlyClosingDays();

        @WithDefault("PT2H")
        Duration earlyClosingBy();
    }
}
