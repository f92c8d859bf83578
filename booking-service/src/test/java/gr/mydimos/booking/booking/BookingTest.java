package gr.mydimos.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gr.mydimos.booking.Mode;
import gr.mydimos.events.BookingEvent;
import gr.mydimos.problems.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A booking's own rules, on the model alone: no database, no platform, no clock but the one given. */
class BookingTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    private static Instant athens(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ATHENS).toInstant();
    }

    /** Confirmed, on Tuesday 1 December 2026 at 11:00 Athens time, for a quarter of an hour. */
    private static Booking confirmed() {
        Booking b = new Booking();
        b.id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        b.status = Booking.Status.CONFIRMED;
        b.mode = Mode.IN_PERSON;
        b.startsAt = athens("2026-12-01T11:00");
        b.endsAt = athens("2026-12-01T11:15");
        return b;
    }

    @Test
    void checkInOnlyOnTheAppointmentsDayThenCompletion() {
        Booking b = confirmed();
        assertThatThrownBy(() -> b.checkIn(athens("2026-11-30T23:30"), ATHENS)).isInstanceOf(Problem.class);
        assertThatThrownBy(b::complete).isInstanceOf(Problem.class); // not checked in yet
        assertThat(b.checkIn(athens("2026-12-01T00:10"), ATHENS)).isEqualTo(BookingEvent.CHECKED_IN);
        assertThat(b.status).isEqualTo(Booking.Status.CHECKED_IN);
        assertThat(b.complete()).isEqualTo(BookingEvent.COMPLETED);
        assertThat(b.status).isEqualTo(Booking.Status.COMPLETED);
        // done is done: nothing else applies to it
        assertThatThrownBy(() -> b.cancel(null)).isInstanceOf(Problem.class);
    }

    @Test
    void aNoShowOnlyOnceTheAppointmentHasStarted() {
        Booking b = confirmed();
        assertThatThrownBy(() -> b.recordNoShow(athens("2026-12-01T10:59"))).isInstanceOf(Problem.class);
        assertThat(b.status).isEqualTo(Booking.Status.CONFIRMED);
        assertThat(b.recordNoShow(athens("2026-12-01T11:00"))).isEqualTo(BookingEvent.NO_SHOW);
        assertThatThrownBy(() -> b.checkIn(athens("2026-12-01T11:05"), ATHENS)).isInstanceOf(Problem.class);
    }

    @Test
    void aCancellationKeepsTheMunicipalitysReasonAndHappensOnce() {
        Booking b = confirmed();
        assertThat(b.cancel("Στάση εργασίας")).isEqualTo(BookingEvent.CANCELLED);
        assertThat(b.cancellationReason).isEqualTo("Στάση εργασίας");
        assertThatThrownBy(() -> b.cancel(null)).isInstanceOf(Problem.class);
        assertThat(b.cancellationReason).isEqualTo("Στάση εργασίας");
    }

    @Test
    void theIdentityCheckChecksInAConfirmedBookingAndAsksForTheAuthorisationWhereNeeded() {
        Booking forBusiness = confirmed();
        forBusiness.businessTaxId = "996423102";
        assertThatThrownBy(() -> forBusiness.identityChecked(true, null, athens("2026-12-01T10:55"), "clerk"))
                .isInstanceOf(Problem.class);
        assertThat(forBusiness.identityCheckedAt).isNull();

        Booking b = confirmed();
        assertThat(b.identityChecked(true, null, athens("2026-12-01T10:55"), "clerk")).isEqualTo(BookingEvent.CHECKED_IN);
        assertThat(b.status).isEqualTo(Booking.Status.CHECKED_IN);
        assertThat(b.identityDocumentShown).isTrue();
        // recorded again (corrected): the outcome changes, the booking is already checked in
        assertThat(b.identityChecked(false, null, athens("2026-12-01T10:57"), "clerk")).isNull();
        assertThat(b.identityDocumentShown).isFalse();
    }

    @Test
    void anonymisingErasesWhoThePersonIsAndKeepsWhatStatisticsCount() {
        Booking b = confirmed();
        b.mode = Mode.VIDEO;
        b.municipalityCode = "thessaloniki";
        b.serviceId = "thessaloniki-registry-certificate";
        b.personFullName = "Μαρία Παπαδοπούλου";
        b.personEmail = "maria@example.gr";
        b.personPhone = "+306912345678";
        b.ownerTaxId = "123456783";
        b.createdBy = "citizen-maria";
        b.videoToken = "token";
        b.videoLink = "https://mydimos.example/call/token";
        b.thirdPartyEmail = "guest@example.gr";
        b.thirdPartyVideoToken = "guest-token";
        b.anonymise(athens("2027-03-01T03:00"));

        assertThat(b).extracting(x -> x.personFullName, x -> x.personEmail, x -> x.personPhone)
                .containsExactly("", "", "");
        assertThat(b).extracting(x -> x.ownerTaxId, x -> x.createdBy, x -> x.videoLink, x -> x.videoToken,
                x -> x.thirdPartyEmail, x -> x.thirdPartyVideoToken).containsOnlyNulls();
        assertThat(b).extracting(x -> x.municipalityCode, x -> x.serviceId, x -> x.status, x -> x.startsAt)
                .containsExactly("thessaloniki", "thessaloniki-registry-certificate", Booking.Status.CONFIRMED,
                        athens("2026-12-01T11:00"));
        b.anonymise(athens("2027-03-02T03:00")); // again: nothing changes, not even when
        assertThat(b.anonymisedAt).isEqualTo(athens("2027-03-01T03:00"));
    }

    @Test
    void staffMayChangeItUntilItStarts() {
        Booking b = confirmed();
        b.requireNotStarted(athens("2026-12-01T10:59"));
        assertThatThrownBy(() -> b.requireNotStarted(athens("2026-12-01T11:00"))).isInstanceOf(Problem.class);
    }

    @Test
    void thePersonMayChangeItUntilTheCutOff() {
        Booking b = confirmed();
        ChangeCutOff hourBefore = new ChangeCutOff(Duration.ofHours(1));
        assertThat(hourBefore.until(b)).isEqualTo(athens("2026-12-01T10:00"));
        hourBefore.requireOpen(b, athens("2026-12-01T09:59"));
        assertThatThrownBy(() -> hourBefore.requireOpen(b, athens("2026-12-01T10:00"))).isInstanceOf(Problem.class);
    }

    @Test
    void aVideoCallsRoomIsTheBookingAtItsTime() {
        Booking b = confirmed();
        assertThat(b.callRoom()).isNull(); // in person: no call
        b.mode = Mode.VIDEO;
        String room = b.callRoom();
        assertThat(room).matches("[A-Za-z0-9_-]{22}");
        b.moveTo(athens("2026-12-02T09:00"), athens("2026-12-02T09:15"), "thessaloniki-emp-08", UUID.randomUUID());
        assertThat(b.callRoom()).isNotEqualTo(room);
    }
}
