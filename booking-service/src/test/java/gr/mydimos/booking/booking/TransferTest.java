package gr.mydimos.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gr.mydimos.problems.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A proposed transfer's own rules (BK-7), on the model alone. */
class TransferTest {

    private static final ChangeCutOff HOUR_BEFORE = new ChangeCutOff(Duration.ofHours(1));
    private static final Duration TWO_DAYS = Duration.ofDays(2);

    private static Instant athens(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Athens")).toInstant();
    }

    /** Confirmed, on Friday 4 December 2026 at 11:00 Athens time. */
    private static Booking booked() {
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.status = Booking.Status.CONFIRMED;
        b.startsAt = athens("2026-12-04T11:00");
        b.endsAt = athens("2026-12-04T11:15");
        return b;
    }

    private static Transfer proposedAt(String now, String newStart, UUID closure, String answerBy) {
        return Transfer.propose(booked(), athens(newStart), athens(newStart).plusSeconds(900), "emp-2", UUID.randomUUID(),
                "Στάση εργασίας", "admin", athens(now), closure, answerBy == null ? null : athens(answerBy), HOUR_BEFORE, TWO_DAYS);
    }

    @Test
    void anAnswerIsDueByThePolicyOrTheClosuresDeadlineAndNeverAfterTheNewTimesCutOff() {
        // the policy's two days
        assertThat(proposedAt("2026-12-01T09:00", "2026-12-10T09:00", null, null).expiresAt).isEqualTo(athens("2026-12-03T09:00"));
        // a new time sooner than that: its own cut-off
        assertThat(proposedAt("2026-12-01T09:00", "2026-12-02T09:00", null, null).expiresAt).isEqualTo(athens("2026-12-02T08:00"));
        // a closure's proposal: the admin's deadline, or the closed time itself if that comes first
        UUID closure = UUID.randomUUID();
        assertThat(proposedAt("2026-12-01T09:00", "2026-12-10T09:00", closure, "2026-12-03T18:00").expiresAt)
                .isEqualTo(athens("2026-12-03T18:00"));
        assertThat(proposedAt("2026-12-01T09:00", "2026-12-10T09:00", closure, "2026-12-05T18:00").expiresAt)
                .isEqualTo(athens("2026-12-04T11:00"));
        assertThat(proposedAt("2026-12-01T09:00", "2026-12-10T09:00", closure, "2026-12-03T18:00").cancelsIfUnanswered()).isTrue();
    }

    @Test
    void onlyAnUpcomingConfirmedBookingIsProposedAnotherTime() {
        assertThatThrownBy(() -> proposedAt("2026-12-04T11:00", "2026-12-10T09:00", null, null)).isInstanceOf(Problem.class);
        Booking cancelled = booked();
        cancelled.status = Booking.Status.CANCELLED;
        assertThatThrownBy(() -> Transfer.requireTransferable(cancelled, athens("2026-12-01T09:00"))).isInstanceOf(Problem.class);
    }

    @Test
    void acceptedUntilItLapsesAndAnsweredOnce() {
        Transfer t = proposedAt("2026-12-01T09:00", "2026-12-10T09:00", null, null);
        assertThatThrownBy(() -> t.accept("maria", Booking.Channel.ONLINE, athens("2026-12-03T09:00")))
                .isInstanceOf(Problem.class).hasMessageContaining("until 3/12/2026 09:00");
        assertThat(t.status).isEqualTo(Transfer.Status.PROPOSED);

        t.accept("clerk", Booking.Channel.PHONE, athens("2026-12-03T08:59"));
        assertThat(t.status).isEqualTo(Transfer.Status.ACCEPTED);
        assertThat(t.decidedVia).isEqualTo(Booking.Channel.PHONE);
        assertThat(t.decidedBy).isEqualTo("clerk");
        assertThatThrownBy(() -> t.decline("maria", Booking.Channel.ONLINE, athens("2026-12-03T08:59"))).isInstanceOf(Problem.class);
    }

    @Test
    void aDeclinedOrLapsedProposalCannotBeAccepted() {
        Transfer declined = proposedAt("2026-12-01T09:00", "2026-12-10T09:00", null, null);
        declined.decline("maria", Booking.Channel.ONLINE, athens("2026-12-01T10:00"));
        assertThatThrownBy(() -> declined.accept("maria", Booking.Channel.ONLINE, athens("2026-12-01T10:01"))).isInstanceOf(Problem.class);

        Transfer lapsed = proposedAt("2026-12-01T09:00", "2026-12-10T09:00", null, null);
        lapsed.expire(athens("2026-12-03T09:00"));
        assertThat(lapsed.decidedBy).isNull();
        assertThatThrownBy(() -> lapsed.accept("maria", Booking.Channel.ONLINE, athens("2026-12-02T09:00"))).isInstanceOf(Problem.class);
    }
}
