package gr.mydimos.booking.booking;

import gr.mydimos.booking.Problems;
import gr.mydimos.problems.types.Text;

/**
 * At most {@code max} upcoming bookings of one service per person, so that nobody hoards times
 * ({@code booking.max-active-per-service}); a clerk may go over it for a caller by giving the reason, which is kept
 * with the booking. Who counts as the person, and counting, is {@link BookingLimits}' work.
 */
public record PerPersonLimit(int max) {

    /** Refuses one more when the person already has {@code active}, unless a clerk gives the reason to go over. */
    public void refuseIfFull(long active, boolean clerk, String overrideReason) {
        if (active < max || clerk && overrideReason != null && !overrideReason.isBlank()) {
            return;
        }
        throw Problems.limitReached(Text.of(
                "Υπάρχει ήδη ο μέγιστος αριθμός επερχόμενων ραντεβού αυτής της υπηρεσίας για το πρόσωπο (έως " + max + ")"
                        + (clerk ? "· ο υπάλληλος μπορεί να τον υπερβεί δίνοντας αιτιολογία (limitOverrideReason)."
                        : "· αλλάξτε ή ακυρώστε ένα υπάρχον."),
                "At most " + max + " upcoming booking(s) of this service per person"
                        + (clerk ? "; a clerk may exceed it by giving limitOverrideReason." : "; change or cancel an existing one.")));
    }
}
