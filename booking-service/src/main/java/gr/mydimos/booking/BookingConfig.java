package gr.mydimos.booking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    /** How often the upcoming-bookings metric is read from the database. */
    @WithDefault("30s")
    String metricsEvery();

    /** Time zone in which appointment times are shown. */
    @WithDefault("Europe/Athens")
    ZoneId zone();

    /** Video-call links are this base (the portal's call page) followed by an unguessable token (BK-5). */
    String videoBaseUrl();

    /** Version of the declaration text (truthfulness and privacy terms) the applicant accepts (BK-3). */
    @WithDefault("2026-01")
    String declarationVersion();

    /** Until how long before the start a citizen may still reschedule or cancel (BK-6). */
    @WithDefault("PT60M")
    Duration changeCutOff();

    /** How long an applicant has to accept a proposed transfer (it also lapses at the cut-off before the new time). */
    @WithDefault("P2D")
    Duration transferValidFor();

    /** How many days from today an emergency closure looks for new times to propose (availability allows up to 62). */
    @WithDefault("31")
    int relocationSearchDays();

    /** How often proposals past their time are expired (their reserved time released). */
    @WithDefault("60s")
    String transferExpiryEvery();

    /** How long after the appointment its personal data is kept. */
    @WithDefault("P90D")
    Duration keepPersonalDataFor();

    /** How often the erasure of expired personal data runs. */
    @WithDefault("1h")
    String anonymiseEvery();

    /** How often confirmed reservations no booking uses are looked for and released (ReservationReconciliation). */
    @WithDefault("10m")
    String reconcileEvery();

    /** How long after start-up the first reconciliation runs. */
    @WithDefault("1m")
    String reconcileDelay();

    /** How far back reservations are reconciled. */
    @WithDefault("PT24H")
    Duration reconcileLookback();

    /** Reservations younger than this are left alone: their booking may be committing right now. */
    @WithDefault("PT2M")
    Duration reconcileGrace();

    /** How many upcoming bookings of one service a person may hold at once, so that nobody hoards slots. */
    @WithDefault("1")
    int maxActivePerService();

    /** The video call behind a VIDEO booking (VC-1). */
    Call call();

    interface Call {
        /** How long before the start the room opens (people test their sound and wait for the others). */
        @WithDefault("PT10M")
        Duration opensBefore();

        /** How long after the booked end the room stays open, for a call that runs late. */
        @WithDefault("PT30M")
        Duration closesAfter();

        /** How long an admission's ticket may be used to connect to the room. */
        @WithDefault("PT2M")
        Duration ticketValidFor();

        /** Signs the tickets the video-call service checks (the same secret there; 32 characters or more). */
        String ticketSecret();
    }
}
