package gr.mydimos.availability;

import gr.mydimos.problems.Problem;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** RFC 9457 problems this service answers with; each type URI is stable and documented in the OpenAPI. */
public final class Problems {
    public static final URI INVALID_PARAMETER = URI.create("https://mydimos.gov.gr/problems/invalid-parameter");
    public static final URI UNKNOWN_SERVICE = URI.create("https://mydimos.gov.gr/problems/unknown-service");
    public static final URI SLOT_UNAVAILABLE = URI.create("https://mydimos.gov.gr/problems/slot-unavailable");
    public static final URI HOLD_NOT_ACTIVE = URI.create("https://mydimos.gov.gr/problems/hold-not-active");
    public static final URI SCHEDULE_CONFLICT = URI.create("https://mydimos.gov.gr/problems/schedule-conflict");
    public static final URI PEER_UNAVAILABLE = URI.create("https://mydimos.gov.gr/problems/peer-unavailable");
    public static final URI FORBIDDEN = URI.create("https://mydimos.gov.gr/problems/forbidden");

    private Problems() {
    }

    public static Problem invalidParameter(String field, String detail) {
        return Problem.builder().withType(INVALID_PARAMETER).withTitle("Invalid parameter")
                .withStatus(Response.Status.BAD_REQUEST).withDetail(field + ": " + detail).with("field", field).build();
    }

    public static Problem unknownService(String municipality, String service) {
        return Problem.builder().withType(UNKNOWN_SERVICE).withTitle("Unknown service")
                .withStatus(Response.Status.NOT_FOUND)
                .withDetail("The municipality offers no such service.")
                .with("field", "service").build();
    }

    public static Problem slotUnavailable(String detail) {
        return Problem.builder().withType(SLOT_UNAVAILABLE).withTitle("Slot no longer available")
                .withStatus(Response.Status.CONFLICT).withDetail(detail).with("field", "start").build();
    }

    public static Problem holdNotActive(String detail) {
        return Problem.builder().withType(HOLD_NOT_ACTIVE).withTitle("Hold is no longer active")
                .withStatus(Response.Status.CONFLICT).withDetail(detail).build();
    }

    /** A schedule change that would strand booked appointments (AV-7); each is listed, nothing is applied. */
    public static Problem scheduleConflict(List<?> bookings) {
        return Problem.builder().withType(SCHEDULE_CONFLICT).withTitle("The change conflicts with booked appointments")
                .withStatus(Response.Status.CONFLICT)
                .withDetail(bookings.size() + " booked appointment(s) would no longer fit; move or cancel them first")
                .with("bookings", bookings).build();
    }

    public static Problem forbidden(String field, String detail) {
        return Problem.builder().withType(FORBIDDEN).withTitle("Not allowed for this caller")
                .withStatus(Response.Status.FORBIDDEN).withDetail(detail).with("field", field).build();
    }

    public static Problem notFound(String field, String detail) {
        return Problem.builder().withType(INVALID_PARAMETER).withTitle("Not found")
                .withStatus(Response.Status.NOT_FOUND).withDetail(detail).with("field", field).build();
    }

    /** A service this one depends on did not answer; the caller may retry shortly. */
    public static Problem peerUnavailable(String what) {
        return Problem.builder().withType(PEER_UNAVAILABLE).withTitle("Temporarily unavailable")
                .withStatus(Response.Status.SERVICE_UNAVAILABLE).withHeader("Retry-After", "5")
                .withDetail("Could not read " + what + "; try again in a few seconds").build();
    }
}
