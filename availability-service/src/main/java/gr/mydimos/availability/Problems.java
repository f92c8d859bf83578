package gr.mydimos.availability;

import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import java.util.List;

/** The problems this service answers with, each of a type of the platform's catalogue (docs/problems.md). */
public final class Problems {

    private Problems() {
    }

    public static Problem unknownService() {
        return Problem.of(ProblemType.UNKNOWN_SERVICE)
                .detail("Ο δήμος δεν προσφέρει αυτή την υπηρεσία.", "The municipality offers no such service.")
                .with("field", "service").build();
    }

    public static Problem slotUnavailable(String el, String en) {
        return Problem.of(ProblemType.SLOT_UNAVAILABLE).detail(el, en).with("field", "start").build();
    }

    /** A schedule change that would strand booked appointments (AV-7); each is listed, nothing is applied. */
    public static Problem scheduleConflict(List<?> bookings) {
        return Problem.of(ProblemType.SCHEDULE_CONFLICT)
                .detail("Κλεισμένα ραντεβού (" + bookings.size() + ") δεν θα χωρούσαν πλέον· πρώτα μεταφέρετε ή ακυρώστε τα. "
                                + "Δεν άλλαξε τίποτα.",
                        bookings.size() + " booked appointment(s) would no longer fit; move or cancel them first. "
                                + "Nothing was changed.")
                .with("bookings", bookings).build();
    }

    /** A request that contradicts the current state, of the given type. */
    public static Problem conflict(ProblemType type, String el, String en) {
        return Problem.of(type).detail(el, en).build();
    }

    public static Problem forbidden(String field, String el, String en) {
        return Problem.of(ProblemType.FORBIDDEN).detail(el, en).with("field", field).build();
    }

    public static Problem notFound(String field, String el, String en) {
        return Problem.of(ProblemType.NOT_FOUND).detail(el, en).with("field", field).build();
    }

    /** A service this one depends on did not answer; the caller may retry shortly. */
    public static Problem dependencyUnavailable(String el, String en) {
        return Problem.of(ProblemType.DEPENDENCY_UNAVAILABLE).withHeader("Retry-After", "5")
                .detail("Δεν ήταν δυνατό να διαβαστεί " + el + "· δοκιμάστε ξανά σε λίγα δευτερόλεπτα.",
                        "Could not read " + en + "; try again in a few seconds.").build();
    }
}
