package gr.mydimos.calls;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One person's admission to one video call: the room, who they are in it, when the room closes, and until when the
 * ticket may be used to connect. It names no person: the signalling server needs to know no more than this.
 */
public record CallTicket(String room, Role role, String participant, Instant closesAt, Instant usableUntil) {

    /** Who a participant is in the call; only the EMPLOYEE records the identity check and ends the call. */
    public enum Role { APPLICANT, THIRD_PARTY, INTERPRETER, EMPLOYEE }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public CallTicket {
        if (room == null || !ID.matcher(room).matches() || participant == null || !ID.matcher(participant).matches()) {
            throw new IllegalArgumentException("room and participant are 1 to 64 characters of [A-Za-z0-9_-]");
        }
        if (role == null || closesAt == null || usableUntil == null) {
            throw new IllegalArgumentException("role, closesAt and usableUntil are required");
        }
    }
}
