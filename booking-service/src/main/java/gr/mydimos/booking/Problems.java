package gr.mydimos.booking;

import gr.mydimos.problems.Problem;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** RFC 9457 problems this service answers with; each type URI is stable. */
public final class Problems {
    public static final URI INVALID_FIELD = URI.create("https://mydimos.gov.gr/problems/invalid-field");
    public static final URI UNKNOWN_SERVICE = URI.create("https://mydimos.gov.gr/problems/unknown-service");
    public static final URI SLOT_UNAVAILABLE = URI.create("https://mydimos.gov.gr/problems/slot-unavailable");
    public static final URI CUT_OFF_PASSED = URI.create("https://mydimos.gov.gr/problems/change-cut-off-passed");
    public static final URI STATUS_CONFLICT = URI.create("https://mydimos.gov.gr/problems/booking-status");
    public static final URI LIMIT_REACHED = URI.create("https://mydimos.gov.gr/problems/booking-limit-reached");
    public static final URI TRANSFER_EXPIRED = URI.create("https://mydimos.gov.gr/problems/transfer-expired");
    public static final URI KEY_REUSED = URI.create("https://mydimos.gov.gr/problems/idempotency-key-reused");
    public static final URI DEPENDENCY_UNAVAILABLE = URI.create("https://mydimos.gov.gr/problems/dependency-unavailable");

    private Problems() {
    }

    public static Problem invalidField(String field, String detail) {
        return Problem.builder().withType(INVALID_FIELD).withTitle("Invalid field")
                .withStatus(Response.Status.BAD_REQUEST).withDetail(field + ": " + detail).with("field", field).build();
    }

    public static Problem forbiddenField(String field, String detail) {
        return Problem.builder().withType(INVALID_FIELD).withTitle("Not allowed for this caller")
                .withStatus(Response.Status.FORBIDDEN).withDetail(field + ": " + detail).with("field", field).build();
    }

    public static Problem unknownService(String detail, String field) {
        return Problem.builder().withType(UNKNOWN_SERVICE).withTitle("Unknown municipality or service")
                .withStatus(Response.Status.BAD_REQUEST).withDetail(detail).with("field", field).build();
    }

    public static Problem slotUnavailable(String detail) {
        return Problem.builder().withType(SLOT_UNAVAILABLE).withTitle("Slot no longer available")
                .withStatus(Response.Status.CONFLICT).withDetail(detail).with("field", "start").build();
    }

    public static Problem dependencyUnavailable(String dependency) {
        return Problem.builder().withType(DEPENDENCY_UNAVAILABLE).withTitle("Temporarily unavailable")
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withDetail("The " + dependency + " did not answer; nothing was booked. Please try again.")
                .withHeader("Retry-After", 5).build();
    }

    public static Problem cutOffPassed(String detail) {
        return Problem.builder().withType(CUT_OFF_PASSED).withTitle("Too late to change this booking online")
                .withStatus(Response.Status.CONFLICT).withDetail(detail).build();
    }

    public static Problem statusConflict(String detail) {
        return Problem.builder().withType(STATUS_CONFLICT).withTitle("Not possible in the booking's current status")
                .withStatus(Response.Status.CONFLICT).withDetail(detail).build();
    }

    public static Problem limitReached(String detail) {
        return Problem.builder().withType(LIMIT_REACHED).withTitle("Booking limit reached")
                .withStatus(Response.Status.CONFLICT).withDetail(detail).with("field", "service").build();
    }

    public static Problem keyReused() {
        return Problem.builder().withType(KEY_REUSED).withTitle("Idempotency-Key already used for another request")
                .withStatus(422).withDetail("This Idempotency-Key was used for a different booking request; use a new key.")
                .with("field", "Idempotency-Key").build();
    }

    public static Problem notFound(String detail) {
        return Problem.builder().withType(INVALID_FIELD).withTitle("Not found")
                .withStatus(Response.Status.NOT_FOUND).withDetail(detail).with("field", "reference").build();
    }

    public static Problem transferExpired(String detail) {
        return Problem.builder().withType(TRANSFER_EXPIRED).withTitle("The proposed transfer has expired")
                .withStatus(Response.Status.CONFLICT).withDetail(detail).build();
    }
}
