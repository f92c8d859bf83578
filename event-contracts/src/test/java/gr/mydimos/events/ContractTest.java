package gr.mydimos.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract's own rules: what an event must carry, what it gives back, and how strictly producers are read. */
class ContractTest {

    private static final OffsetDateTime NINE = OffsetDateTime.parse("2026-12-08T09:00:00+02:00");
    private static final UUID RESERVATION = UUID.randomUUID();
    private static final UUID OLD = UUID.randomUUID();

    @Test
    void eachTypeGivesBackTheTimeItNoLongerUsesAndEndsTheCallThatNoLongerTakesPlace() {
        BookingEvent.Booking confirmed = booking(BookingEvent.Status.CONFIRMED);
        BookingEvent.Previous previous = Samples.previous(NINE.minusDays(1), OLD, "old-room");
        UUID proposed = UUID.randomUUID();
        BookingEvent.Proposal proposal = Samples.proposal(NINE.plusDays(1), proposed);

        assertThat(Samples.event(BookingEvent.CANCELLED, booking(BookingEvent.Status.CANCELLED), null, null))
                .returns(RESERVATION, BookingEvent::releasedReservation).returns("room", BookingEvent::endedCallRoom);
        assertThat(Samples.event(BookingEvent.RESCHEDULED, confirmed, previous, null))
                .returns(OLD, BookingEvent::releasedReservation).returns("old-room", BookingEvent::endedCallRoom);
        assertThat(Samples.event(BookingEvent.TRANSFER_DECLINED, confirmed, null, proposal))
                .returns(proposed, BookingEvent::releasedReservation).returns(null, BookingEvent::endedCallRoom);
        assertThat(Samples.event(BookingEvent.COMPLETED, booking(BookingEvent.Status.COMPLETED), null, null))
                .returns(null, BookingEvent::releasedReservation).returns("room", BookingEvent::endedCallRoom);
        assertThat(Samples.event(BookingEvent.CONFIRMED, confirmed, null, null))
                .returns(null, BookingEvent::releasedReservation).returns(null, BookingEvent::endedCallRoom);
    }

    @Test
    void anEventMissingWhatItsTypeNeedsBreaksTheContract() {
        BookingEvent.Booking confirmed = booking(BookingEvent.Status.CONFIRMED);
        assertThat(Samples.event(BookingEvent.CONFIRMED, confirmed, null, null).problems()).isEmpty();
        assertThat(Samples.event(BookingEvent.RESCHEDULED, confirmed, null, null).problems()).contains("previous is missing");
        assertThat(Samples.event(BookingEvent.TRANSFER_EXPIRED, confirmed, null, null).problems()).contains("proposal is missing");
        assertThat(Samples.event(BookingEvent.CANCELLED, confirmed, null, null).problems())
                .contains("booking.status CONFIRMED does not follow a BookingCancelled");
        assertThat(Samples.event("BookingLost", confirmed, null, null).problems()).containsExactly("type BookingLost is not a booking event");
        assertThat(new BookingEvent(null, null, 2, null, null, null, null, null).problems())
                .contains("eventId is missing", "schemaVersion is not 1", "occurredAt is missing", "type null is not a booking event");
        BookingEvent.Booking noRoom = Samples.booking("K7QX-M4PA", BookingEvent.Mode.VIDEO, BookingEvent.Status.CONFIRMED,
                NINE, RESERVATION, null);
        assertThat(Samples.event(BookingEvent.CONFIRMED, noRoom, null, null).problems())
                .containsExactly("a VIDEO booking's videoLink or callRoom is missing");

        RegistryEvent removed = RegistryEvent.of(RegistryEvent.EMPLOYEE_REMOVED, Instant.now(),
                new RegistryEvent.Employee("thessaloniki-emp-09", "thessaloniki", "thessaloniki-civil-registry", "Ε. Ιωάννου",
                        List.of("thessaloniki-birth-registration"), true));
        assertThat(removed.problems()).containsExactly("a removed employee is not active");
        assertThat(RegistryEvent.of(RegistryEvent.SERVICE_CHANGED, Instant.now(), new RegistryEvent.Service(
                "thessaloniki-transparency-information", "thessaloniki", "thessaloniki-transparency", List.of(), 5)).problems())
                .containsExactly("a service event carries its id, municipality, unitId and modes");
    }

    @Test
    void aProducersEventIsReadStrictlyAndAWellFormedOneComesBackAsItWasWritten() {
        BookingEvent event = Samples.event(BookingEvent.TRANSFER_PROPOSED, booking(BookingEvent.Status.CONFIRMED), null,
                Samples.proposal(NINE.plusDays(1), UUID.randomUUID()));
        String json = EventContract.json(event);
        assertThat(json).contains("\"start\":\"2026-12-08T09:00:00+02:00\"", "\"occurredAt\":\"2026-12-01T07:00:00Z\"");
        assertThat(EventContract.bookingEvent(json)).isEqualTo(event);

        assertThatThrownBy(() -> EventContract.bookingEvent(json.replace("\"reference\"", "\"taxNumber\":\"123456789\",\"reference\"")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("taxNumber");
        assertThatThrownBy(() -> EventContract.json(Samples.event(BookingEvent.RESCHEDULED, booking(BookingEvent.Status.CONFIRMED), null, null)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("previous is missing");
    }

    private static BookingEvent.Booking booking(BookingEvent.Status status) {
        return Samples.booking("K7QX-M4PA", BookingEvent.Mode.VIDEO, status, NINE, RESERVATION, "room");
    }
}
