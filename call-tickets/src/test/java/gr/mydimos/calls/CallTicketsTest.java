package gr.mydimos.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallTicketsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final CallTickets tickets = new CallTickets("a-secret-of-at-least-thirty-two-characters");
    private final CallTicket ticket = new CallTicket("room-1", CallTicket.Role.THIRD_PARTY, "p-1",
            NOW.plusSeconds(3600), NOW.plusSeconds(120));

    @Test
    void aTicketSignedIsReadBackUntilItMayNoLongerBeUsed() {
        String signed = tickets.sign(ticket);
        assertThat(tickets.check(signed, NOW)).contains(ticket);
        assertThat(tickets.check(signed, NOW.plusSeconds(120))).contains(ticket);
        assertThat(tickets.check(signed, NOW.plusSeconds(121))).isEmpty();
    }

    @Test
    void aTicketForAClosedRoomIsRefusedEvenBeforeItsUseRunsOut() {
        CallTicket closing = new CallTicket("room-1", CallTicket.Role.APPLICANT, "p-1", NOW.plusSeconds(60), NOW.plusSeconds(120));
        assertThat(tickets.check(tickets.sign(closing), NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void aChangedOrForeignTicketIsRefused() {
        String signed = tickets.sign(ticket);
        assertThat(tickets.check(signed.replace("THIRD_PARTY", "EMPLOYEE"), NOW)).isEmpty();
        assertThat(tickets.check(signed.replace("room-1", "room-2"), NOW)).isEmpty();
        assertThat(tickets.check(new CallTickets("another-secret-of-thirty-two-characters!").sign(ticket), NOW)).isEmpty();
        assertThat(tickets.check("", NOW)).isEmpty();
        assertThat(tickets.check("a.b", NOW)).isEmpty();
        assertThat(tickets.check("room.EMPLOYEE.p.1.2.%%%", NOW)).isEmpty();
        assertThat(tickets.check(null, NOW)).isEmpty();
    }

    @Test
    void aShortSecretOrAnIdOutsideTheAlphabetIsAMistakeAtOnce() {
        assertThatThrownBy(() -> new CallTickets("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallTicket("room.1", CallTicket.Role.APPLICANT, "p", NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
