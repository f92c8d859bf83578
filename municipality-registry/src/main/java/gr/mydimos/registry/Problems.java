package gr.mydimos.registry;

import gr.mydimos.problems.Problem;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** RFC 9457 problems this service answers with; each type URI is stable. */
public final class Problems {
    private static final String BASE = "https://mydimos.gov.gr/problems/";
    public static final URI INVALID_PARAMETER = URI.create(BASE + "invalid-parameter");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

    private Problems() {
    }

    public static Problem invalidParameter(String field, String detail) {
        return Problem.builder().withType(INVALID_PARAMETER).withTitle("Invalid parameter")
                .withStatus(Response.Status.BAD_REQUEST).withDetail(field + ": " + detail).with("field", field).build();
    }

    public static Problem forbidden(String field, String detail) {
        return Problem.builder().withType(FORBIDDEN).withTitle("Not allowed for this caller")
                .withStatus(Response.Status.FORBIDDEN).withDetail(field + ": " + detail).with("field", field).build();
    }

    public static Problem unavailable(String dependency) {
        return Problem.builder().withType(URI.create(BASE + "dependency-unavailable")).withTitle("Temporarily unavailable")
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withDetail("The " + dependency + " did not answer; nothing was changed. Please try again.")
                .withHeader("Retry-After", 5).build();
    }

    /** A request that contradicts the current state; {@code kind} becomes the last part of the type URI. */
    public static Problem conflict(String kind, String detail) {
        return Problem.builder().withType(URI.create(BASE + kind)).withTitle("Conflict")
                .withStatus(Response.Status.CONFLICT).withDetail(detail).build();
    }
}
