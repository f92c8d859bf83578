package gr.mydimos.notification;

import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;

/** The problems this service answers with, each of a type of the platform's catalogue (docs/problems.md). */
public final class Problems {

    private Problems() {
    }

    public static Problem bookingNotFound(String reference) {
        return Problem.of(ProblemType.NOT_FOUND)
                .detail("Δεν υπάρχει ραντεβού " + reference + " που να μπορείτε να δείτε.", "No booking " + reference + " of yours.")
                .with("field", "booking").build();
    }

    public static Problem forbidden(String el, String en) {
        return Problem.of(ProblemType.FORBIDDEN).detail(el, en).build();
    }

    public static Problem bookingsUnavailable() {
        return Problem.of(ProblemType.DEPENDENCY_UNAVAILABLE)
                .detail("Η υπηρεσία κρατήσεων δεν απάντησε. Δοκιμάστε ξανά.", "The booking service did not answer. Please try again.")
                .withHeader("Retry-After", 5).build();
    }
}
