package gr.mydimos.booking.call;

import gr.mydimos.booking.booking.Booking;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * When a booking's video call is open (VC-1): from a while before its start until a while after its end, and only
 * while the booking stands — a cancelled booking's room never opens, and a rescheduled one's opens at the new time.
 */
public record CallWindow(Instant opensAt, Instant closesAt) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public static CallWindow of(Booking b, Duration opensBefore, Duration closesAfter) {
        return new CallWindow(b.startsAt.minus(opensBefore), b.endsAt.plus(closesAfter));
    }

    /** Refuses with a problem that says why the room is not open, and when it opens if it will. */
    public void requireOpen(Booking.Status status, Instant now, ZoneId zone) {
        if (status == Booking.Status.CANCELLED) {
            throw closed("cancelled", "Το ραντεβού ακυρώθηκε· η τηλεδιάσκεψή του δεν θα γίνει.",
                    "The booking was cancelled; its video call will not take place.").build();
        }
        if (status == Booking.Status.COMPLETED || status == Booking.Status.NO_SHOW || !now.isBefore(closesAt)) {
            throw closed("ended", "Η τηλεδιάσκεψη έχει τελειώσει.", "The video call has ended.").build();
        }
        if (now.isBefore(opensAt)) {
            String at = SHOWN.format(opensAt.atZone(zone));
            throw closed("not-yet", "Η τηλεδιάσκεψη ανοίγει στις " + at + " (ώρα Ελλάδας).",
                    "The video call opens at " + at + " (Greek time).")
                    .with("opensAt", opensAt.atZone(zone).toOffsetDateTime().toString()).build();
        }
    }

    private static Problem.Builder closed(String reason, String el, String en) {
        return Problem.of(ProblemType.CALL_NOT_OPEN).detail(el, en).with("reason", reason);
    }
}
