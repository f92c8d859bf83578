package gr.mydimos.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body that is not the JSON an endpoint takes (an array or a number for a form, a string for a date, nesting deeper
 * than the parser allows) is a 400 problem naming the field where reading stopped. Quarkus' own mapper answers these
 * with an empty 400.
 */
public class UnreadableBody {

    static final URI INVALID_FIELD = URI.create("https://mydimos.gov.gr/problems/invalid-field");

    /** Quarkus maps this one itself (the nearest class wins), so it is named here too. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")) : "";
        return HttpProblem.builder().withType(INVALID_FIELD).withTitle("Unreadable request body")
                .withStatus(Response.Status.BAD_REQUEST)
                .withDetail(field.isEmpty() ? "The body is not the JSON this endpoint takes."
                        : field + ": not the type or format this endpoint takes.")
                .with("field", field).build().toResponse();
    }
}
