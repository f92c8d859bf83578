package gr.mydimos.booking;

import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;

/** The problems this service answers with, each of a type of the platform's catalogue (docs/problems.md). */
public final class Problems {

    private Problems() {
    }

    /** The caller's role or municipality does not allow this; {@code field} names what decided it. */
    public static Problem forbidden(String field, String el, String en) {
        return Problem.of(ProblemType.FORBIDDEN).detail(el, en).with("field", field).build();
    }

    public static Problem unknownService(String field, String el, String en) {
        return Problem.of(ProblemType.UNKNOWN_SERVICE).detail(el, en).with("field", field).build();
    }

    public static Problem slotUnavailable(String el, String en) {
        return Problem.of(ProblemType.SLOT_UNAVAILABLE).detail(el, en).with("field", "start").build();
    }

    /** A service this one needs did not answer; {@code el} and {@code en} name it and say what was not done. */
    public static Problem dependencyUnavailable(String el, String en) {
        return Problem.of(ProblemType.DEPENDENCY_UNAVAILABLE).detail(el, en).withHeader("Retry-After", 5).build();
    }

    public static Problem cutOffPassed(long minutes) {
        return Problem.of(ProblemType.CHANGE_CUT_OFF_PASSED)
                .detail("Ένα ραντεβού αλλάζει ή ακυρώνεται ηλεκτρονικά έως " + minutes
                                + " λεπτά πριν από την ώρα του· παρακαλούμε επικοινωνήστε με τον δήμο.",
                        "A booking can be changed or cancelled online until " + minutes
                                + " minutes before its start; please contact the municipality.").build();
    }

    public static Problem statusConflict(String el, String en) {
        return Problem.of(ProblemType.BOOKING_STATUS).detail(el, en).build();
    }

    /** The booking is not in the status an operation needs. */

    public static Problem changedMeanwhile() {
        return Problem.of(ProblemType.CHANGED_MEANWHILE)
                .detail("Το ραντεβού άλλαξε στο μεταξύ· φορτώστε το ξανά και δοκιμάστε πάλι.",
                        "The booking was changed meanwhile; reload it and try again.").build();
    }

    public static Problem limitReached(Text detail) {
        return Problem.of(ProblemType.BOOKING_LIMIT_REACHED).detail(detail).with("field", "service").build();
    }

    public static Problem keyReused() {
        return Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED)
                .detail("Αυτό το Idempotency-Key χρησιμοποιήθηκε για άλλο αίτημα κράτησης· χρησιμοποιήστε νέο κλειδί.",
                        "This Idempotency-Key was used for a different booking request; use a new key.")
                .with("field", "Idempotency-Key").build();
    }

    public static Problem notFound() {
        return Problem.of(ProblemType.NOT_FOUND)
                .detail("Δεν έχετε ραντεβού με αυτόν τον κωδικό.", "You have no booking with this reference.")
                .with("field", "reference").build();
    }

    public static Problem transferExpired(String until) {
        return Problem.of(ProblemType.TRANSFER_EXPIRED)
                .detail("Η προθεσμία αποδοχής της πρότασης έληξε στις " + until + ".", "The proposal could be accepted until " + until + ".")
                .build();
    }

    /** Bookings made in the closed time after the closure's list was taken; each is listed, nothing is closed. */
    public static Problem bookedMeanwhile(java.util.List<?> bookings) {
        return Problem.of(ProblemType.SCHEDULE_CONFLICT)
                .detail("Στο μεταξύ κλείστηκαν ραντεβού (" + bookings.size() + ") μέσα στο διάστημα· δεν κλείστηκε τίποτα. "
                                + "Δοκιμάστε ξανά για να συμπεριληφθούν.",
                        bookings.size() + " appointment(s) were booked in the period meanwhile; nothing was closed. "
                                + "Try again to include them.")
                .with("bookings", bookings).build();
    }
}
