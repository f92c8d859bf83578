package gr.mydimos.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;

import gr.mydimos.booking.Mode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each link to a video call enters as whoever it belongs to, so each is shown only to them (VC-1), on the model alone. */
class BookingViewTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    private final BookingView view = BookingView.of(videoCall(), ATHENS, List.of(), Duration.ofHours(1), null);

    @Test
    void theApplicantSeesTheirOwnLinkAndNoOneElses() {
        BookingView seen = view.seenBy(caller(Caller.CITIZENS, Set.of("citizen"), Set.of()));
        assertThat(seen.videoLink()).isEqualTo("https://mydimos.example/call/applicant-token");
        assertThat(seen.videoCall().thirdPartyLink()).isNull();
        assertThat(seen.videoCall().interpreterLink()).isNull();
    }

    @Test
    void theEmployeeTakingTheCallSeesTheInterpretersLinkToPassOnAndOtherStaffNoLinkAtAll() {
        BookingView employee = view.seenBy(caller(Caller.EMPLOYEES, Set.of("clerk"), Set.of("thessaloniki-emp-08")));
        assertThat(employee.videoLink()).isNull();
        assertThat(employee.videoCall().interpreterLink()).isEqualTo("https://mydimos.example/call/interpreter-token");
        assertThat(employee.videoCall().thirdPartyLink()).isNull();

        BookingView colleague = view.seenBy(caller(Caller.EMPLOYEES, Set.of("clerk", "municipal-admin"), Set.of("thessaloniki-emp-01")));
        assertThat(colleague.videoLink()).isNull();
        assertThat(colleague.videoCall().interpreterLink()).isNull();
        assertThat(colleague.videoCall().thirdPartyLink()).isNull();
    }

    private static Caller caller(String realm, Set<String> roles, Set<String> employeeRecords) {
        return new Caller("someone", realm, roles, null, "thessaloniki", null, null, employeeRecords);
    }

    private static Booking videoCall() {
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.reference = "K7QX-M4PA";
        b.status = Booking.Status.CONFIRMED;
        b.mode = Mode.VIDEO;
        b.employeeId = "thessaloniki-emp-08";
        b.startsAt = LocalDateTime.parse("2026-12-08T10:00").atZone(ATHENS).toInstant();
        b.endsAt = b.startsAt.plus(Duration.ofMinutes(15));
        b.videoLink = "https://mydimos.example/call/applicant-token";
        b.thirdPartyVideoToken = "guest-token";
        b.interpreterVideoToken = "interpreter-token";
        b.signLanguage = true;
        b.thirdPartyEmail = "guest@example.gr";
        return b;
    }
}
