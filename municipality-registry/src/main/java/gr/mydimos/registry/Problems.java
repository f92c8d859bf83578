package gr.mydimos.registry;

import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;

/** The problems this service answers with, each of a type of the platform's catalogue (docs/problems.md). */
public final class Problems {

    private Problems() {
    }

    public static Problem invalidTaxNumber(String field) {
        return Problem.invalidField(field, "δεν είναι έγκυρος ΑΦΜ", "not a valid tax number");
    }

    public static Problem forbidden(String field, String el, String en) {
        return Problem.of(ProblemType.FORBIDDEN).detail(el, en).with("field", field).build();
    }

    public static Problem notFound(String el, String en) {
        return Problem.of(ProblemType.NOT_FOUND).detail(el, en).build();
    }

    /** A record, request or person named in the address does not exist (or is not the caller's to see). */
    public static Problem notFound(Text what) {
        return notFound("Δεν βρέθηκε " + what.el() + ".", "No such " + what.en() + ".");
    }

    public static Problem unavailable(String el, String en) {
        return Problem.of(ProblemType.DEPENDENCY_UNAVAILABLE)
                .detail(el + " δεν απάντησε· δεν άλλαξε τίποτα. Δοκιμάστε ξανά.",
                        "The " + en + " did not answer; nothing was changed. Please try again.")
                .withHeader("Retry-After", 5).build();
    }

    /** A request that contradicts the current state. */
    public static Problem conflict(ProblemType type, String el, String en) {
        return Problem.of(type).detail(el, en).build();
    }

    public static Problem noRegistryRecord(String el, String en) {
        return Problem.of(ProblemType.NO_REGISTRY_RECORD).detail(el, en).build();
    }
}
