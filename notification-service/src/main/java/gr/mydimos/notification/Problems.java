package gr.mydimos.notification;

import gr.mydimos.problems.Problem;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** RFC 9457 problems this service answers with; each type URI is stable. */
public final class Problems {
    public static final URI INVALID_FIELD = URI.create("https://mydimos.gov.gr/problems/invalid-field");
    public static final URI BOOKING_NOT_FOUND = URI.create("https://mydimos.gov.gr/problems/booking-not-found");
    public static final URI FORBIDDEN = URI.create("https://mydimos.gov.gr/problems/forbidden");
    public static final URI PEER_UNAVAILABLE = URI.create("https://mydimos.gov.gr/problems/peer-unavailable");

    private Problems() {
    }

    public static Problem invalidField(String field, String detail) {
        return Problem.builder().withType(INVALID_FIELD).withTitle("Invalid field")
                .withStatus(Response.Status.BAD_REQUEST).withDetail(field + ": " + detail).with("field", field).build();
    }

    public static Problem bookingNotFound(String reference) {
        return Problem.builder().withType(BOOKING_NOT_FOUND).withTitle("Booking not found")
                .withStatus(Response.Status.NOT_FOUND).withDetail("No booking " + reference + " of yours")
                .with("field", "booking").build();
    }

    public static Problem forbidden(String detail) {
        return Problem.builder().withType(FORBIDDEN).withTitle("Forbidden")
                .withStatus(Response.Status.FORBIDDEN).withDetail(detail).build();
    }

    public static Problem peerUnavailable(String peer) {
        return Problem.builder().withType(PEER_UNAVAILABLE).withTitle("Temporarily unavailable")
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withDetail("The " + peer + " did not answer. Please try again.")
                .withHeader("Retry-After", 5).build();
    }
}
