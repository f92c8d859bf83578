package gr.mydimos.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** Time zone in which appointment times are written in messages. */
    @WithDefault("Europe/Athens")
    ZoneId zone();

    /** How long before the start reminders are sent (NT-2); offsets already past when a booking is made are skipped. */
    @WithDefault("PT24H,PT1H")
    List<Duration> reminders();

    /** Until how long before the start people may change or cancel online (booking-service's booking.change-cut-off). */
    @WithDefault("PT1H")
    Duration changeCutOff();

    /** The citizen portal's address: messages link to the booking's page there ({portal-url}/bookings/{reference}). */
    Optional<String> portalUrl();

    /** Domain of the calendar entries' UIDs ({reference}@domain), stable for the life of a booking. */
    @WithDefault("mydimos.gov.gr")
    String calendarDomain();

    /** How long after an appointment its messages (and the personal data in them) are kept. */
    @WithDefault("P90D")
    Duration keepFor();

    Dispatch dispatch();

    Smtp smtp();

    Registry registry();

    interface Dispatch {
        /**
         * How often the dispatcher checks whether a message has fallen due that a wake-up did not send (at least 1s):
         * in memory, against the due time it last read; the database is read only when one has.
         */
        @WithDefault("1s")
        String every();

        /**
         * Longest the dispatcher trusts the due time it last read. It learns of new messages from the database's
         * notifications and of retries from its own rounds, so this is a safety net only.
         */
        @WithDefault("PT1M")
        Duration lookEvery();

        /** Most messages claimed in one round. */
        @WithDefault("200")
        int batchSize();

        /** Messages of a round handed to the mail server at the same time, each over an SMTP connection of its own. */
        @WithDefault("16")
        int concurrentSends();

        /**
         * Attempts before a message is marked FAILED for an operator to look at; with the default back-off, 20
         * attempts ride out about seven hours of mail-server outage.
         */
        @WithDefault("20")
        int maxAttempts();

        /** Wait before the first retry; it doubles with every attempt. */
        @WithDefault("PT30S")
        Duration firstRetryDelay();

        /**
         * How long composing a message, and each step of the dialogue with the mail server (connecting, every reply),
         * may take before the send counts as failed: a hanging mail server must not hold the round.
         */
        @WithDefault("PT30S")
        Duration sendTimeout();

        /** How long a stopping instance waits for its dispatch rounds to finish (within Kubernetes' 30 s grace). */
        @WithDefault("PT20S")
        Duration shutdownWait();

        /** Longest wait between two attempts. */
        @WithDefault("PT30M")
        Duration maxRetryDelay();
    }

    /** The mail server every message goes through (a relay of the platform). */
    interface Smtp {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("25")
        int port();

        /** STARTTLS: DISABLED, OPTIONAL (used when the server offers it) or REQUIRED (no mail goes out in clear). */
        @WithDefault("OPTIONAL")
        StartTls startTls();

        /** TLS from the first byte (SMTPS, usually port 465) instead of STARTTLS. */
        @WithDefault("false")
        boolean tls();

        Optional<String> username();

        Optional<String> password();

        /** The sender of every mail, also the organizer of its calendar entry. */
        @WithDefault("myDimos <no-reply@mydimos.gov.gr>")
        String from();

        /** The platform's host name: in the SMTP greeting and the domain of every Message-ID (never "localhost"). */
        @WithDefault("mydimos.gov.gr")
        String ownHostName();

        /**
         * How long a connection with nothing to send stays open for the next mail; servers close theirs after some
         * minutes (RFC 5321 asks at least five), so a connection older than this is not tried but replaced.
         */
        @WithDefault("PT30S")
        Duration keepAlive();

        enum StartTls { DISABLED, OPTIONAL, REQUIRED }
    }

    interface Registry {
        /** How long a municipality's contact details are used before they are read again. */
        @WithDefault("PT10M")
        Duration refreshAfter();
    }
}
