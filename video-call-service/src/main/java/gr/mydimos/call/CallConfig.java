package gr.mydimos.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "call")
public interface CallConfig {

    /** Checks the tickets booking-service signs (the same secret there; 32 characters or more). */
    String ticketSecret();

    /** A room holds the applicant, the employee, a third person, an interpreter, and room to rejoin. */
    @WithDefault("6")
    int maxParticipants();

    /** How long a connection may stay without presenting its ticket. */
    @WithDefault("PT10S")
    Duration joinWithin();

    /** The largest message relayed (a session description is a few KiB). */
    @WithDefault("65536")
    int maxMessageBytes();

    /** More from one connection in a second closes it (candidates come in bursts of a few dozen). */
    @WithDefault("100")
    int maxMessagesPerSecond();

    Turn turn();

    /** The TURN server (coturn with use-auth-secret): its addresses and the secret its credentials are derived from. */
    interface Turn {
        /** e.g. turn:turn.example.gr:3478?transport=udp; none: the browsers try only direct connections. */
        Optional<List<String>> urls();

        Optional<String> secret();

        /** How long a participant's credentials last at most: they end with the room anyway. */
        @WithDefault("PT2H")
        Duration credentialsValidFor();
    }
}
