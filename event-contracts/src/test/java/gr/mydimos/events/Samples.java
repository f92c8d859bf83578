package gr.mydimos.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Booking events that keep the contract, for consumers' tests: an appointment of Thessaloniki's registry office. */
public final class Samples {

    private Samples() {
    }

    /** A booking of fifteen minutes at {@code start}; a VIDEO one has its link and its room {@code callRoom}. */
    public static BookingEvent.Booking booking(String reference, BookingEvent.Mode mode, BookingEvent.Status status,
                                               OffsetDateTime start, UUID reservationId, String callRoom) {
        boolean video = mode == BookingEvent.Mode.VIDEO;
        return new BookingEvent.Booking(reference, status, BookingEvent.Channel.ONLINE,
                new BookingEvent.Municipality("thessaloniki", "Δήμος Θεσσαλονίκης", "Municipality of Thessaloniki"),
                new BookingEvent.Service("thessaloniki-registry-certificate", "Έκδοση πιστοποιητικού δημοτολογίου",
                        "Municipal registry certificate"),
                "thessaloniki-municipal-registry", "thessaloniki-emp-01", mode, start, start.plusMinutes(15), "el",
                new BookingEvent.Person("Μαρία Παπαδοπούλου", "maria@example.gr"),
                video ? "https://mydimos.example/call/" + reference : null, null, null,
                List.of(new BookingEvent.Document("Αστυνομική ταυτότητα ή διαβατήριο", "Identity card or passport", false)),
                reservationId, false, null, video ? callRoom : null);
    }

    public static BookingEvent event(String type, BookingEvent.Booking booking, BookingEvent.Previous previous,
                                     BookingEvent.Proposal proposal) {
        return new BookingEvent(UUID.randomUUID(), type, BookingEvent.SCHEMA_VERSION, Instant.parse("2026-12-01T07:00:00Z"),
                booking, previous, proposal, null);
    }

    /** The time a booking had before a move. */
    public static BookingEvent.Previous previous(OffsetDateTime start, UUID reservationId, String callRoom) {
        return new BookingEvent.Previous(start, start.plusMinutes(15), "thessaloniki-emp-01", reservationId, callRoom);
    }

    /** A transfer to {@code start} the applicant may accept for two days. */
    public static BookingEvent.Proposal proposal(OffsetDateTime start, UUID reservationId) {
        return new BookingEvent.Proposal(start, start.plusMinutes(15), "thessaloniki-emp-02", start.minusDays(2),
                reservationId, "Ανακαίνιση του γραφείου", false);
    }
}
