package gr.mydimos.notification;

import io.quarkiverse.resteasy.problem.HttpProblem;
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

    public static HttpProblem invalidField(String field, String detail) {
        return HttpProblem.builder().withType(INVALID_FIELD).withTitle("Invalid field")
                .withStatus(Response.Status.BAD_REQUEST).withDetail(field + ": " + detail).with("field", field).build();
    }

    public static HttpProblem bookingNotFound(String reference) {
        return HttpProblem.builder().withType(BOOKING_NOT_FOUND).withTitle("Booking not found")
                .withStatus(Response.Status.NOT_FOUND).withDetail("No booking " + reference + " of yours")
                .with("field", "booking").build();
    }

    public static HttpProblem forbidden(String detail) {
        return HttpProblem.builder().withType(FORBIDDEN).withTitle("Forbidden")
                .withStatus(Response.Status.FORBIDDEN).withDetail(detail).build();
    }

    public static HttpProblem peerUnavailable(String peer) {
        return HttpProblem.builder().withType(PEER_UNAVAILABLE).withTitle("Temporarily unavailable")
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withDetail("The " + peer + " did not answer. Please try again.")
                .withHeader("Retry-After", 5).build();
    }
}
