package gr.mydimos.availability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Booking-window and hold parameters; per-municipality and per-service overrides come with the schedule admin API. */
@ConfigMapping(prefix = "availability")
public interface AvailabilityConfig {

    /** Time zone in which opening hours are read and slots are shown. */
    @WithDefault("Europe/Athens")
    ZoneId zone();

    /** How long before its start a slot can still be booked. */
    @WithDefault("PT2H")
    Duration minimumNotice();

    /** How far ahead slots can be booked. */
    @WithDefault("P60D")
    Duration horizon();

    /** How long a slot stays held while a booking is completed (AV-6). */
    @WithDefault("PT5M")
    Duration holdLifetime();

    /** The widest date range one slot search may ask for. */
    @WithDefault("62")
    int maxSearchDays();
}
