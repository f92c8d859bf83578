package gr.mydimos.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** Time zone in which appointment times are written in messages. */
    @WithDefault("Europe/Athens")
    ZoneId zone();

    Dispatch dispatch();

    interface Dispatch {
        /** How often the dispatcher looks for due messages a wake-up did not send (at least 1s). */
        @WithDefault("1s")
        String every();

        /** Most messages claimed in one round. */
        @WithDefault("50")
        int batchSize();

        /** Attempts before a message is marked FAILED for an operator to look at. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait before the first retry; it doubles with every attempt. */
        @WithDefault("PT30S")
        Duration firstRetryDelay();
    }
}
