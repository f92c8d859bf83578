package gr.mydimos.booking.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gr.mydimos.booking.booking.Booking;
import gr.mydimos.problems.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** VC-1: when a booking's video call is open, on the model alone. */
class CallWindowTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private final CallWindow window = CallWindow.of(booking(), Duration.ofMinutes(10), Duration.ofMinutes(30));

    @Test
    void opensTenMinutesBeforeTheStartAndClosesHalfAnHourAfterTheEnd() {
        assertThat(reason(Booking.Status.CONFIRMED, at("10:49"))).isEqualTo("not-yet");
        assertThatThrownBy(() -> window.requireOpen(Booking.Status.CONFIRMED, at("10:49"), ATHENS))
                .isInstanceOf(Problem.class).hasMessageContaining("01/12/2026 10:50")
                .satisfies(p -> assertThat(((Problem) p).getExtensions()).containsEntry("opensAt", "2026-12-01T10:50+02:00"));
        window.requireOpen(Booking.Status.CONFIRMED, at("10:50"), ATHENS);
        window.requireOpen(Booking.Status.CHECKED_IN, at("11:44"), ATHENS);
        assertThat(reason(Booking.Status.CHECKED_IN, at("11:45"))).isEqualTo("ended");
    }

    @Test
    void aCancelledOrFinishedBookingsCallNeverOpens() {
        assertThat(reason(Booking.Status.CANCELLED, at("11:00"))).isEqualTo("cancelled");
        assertThat(reason(Booking.Status.COMPLETED, at("11:00"))).isEqualTo("ended");
        assertThat(reason(Booking.Status.NO_SHOW, at("11:00"))).isEqualTo("ended");
    }

    private String reason(Booking.Status status, Instant now) {
        try {
            window.requireOpen(status, now, ATHENS);
            return "open";
        } catch (Problem refused) {
            return (String) refused.getExtensions().get("reason");
        }
    }

    private static Booking booking() {
        Booking b = new Booking();
        b.startsAt = at("11:00");
        b.endsAt = at("11:15");
        return b;
    }

    private static Instant at(String time) {
        return LocalDateTime.parse("2026-12-01T" + time).atZone(ATHENS).toInstant();
    }
}
