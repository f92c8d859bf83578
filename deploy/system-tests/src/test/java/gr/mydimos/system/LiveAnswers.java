package gr.mydimos.system;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records every answer the gateway gives to the system tests (method, path, status, media type, body), so that
 * {@link OpenApiDocumentsTest} can hold each against the API document. Registered for every test class
 * (junit-platform.properties); the filter is installed once.
 */
public class LiveAnswers implements BeforeAllCallback {

    /** One answer: the body is kept only when it is JSON. */
    record Answer(String method, String path, int status, String mediaType, String body) {}

    static final List<Answer> ANSWERS = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (LiveAnswers.class) {
            if (!installed) {
                RestAssured.filters(new Recorder());
                installed = true;
            }
        }
    }

    private static final class Recorder implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            Response answer = context.next(request, response);
            URI uri;
            try {
                uri = URI.create(request.getURI());
            } catch (IllegalArgumentException e) {
                return answer; // an address a test spells wrongly on purpose: not one of the API's
            }
            if ((uri.getScheme() + "://" + uri.getAuthority()).equals(Demo.GATEWAY) && uri.getRawPath().startsWith("/api/")) {
                String type = answer.contentType() == null ? "" : answer.contentType().split(";")[0].trim();
                ANSWERS.add(new Answer(request.getMethod(), uri.getRawPath(), answer.statusCode(), type,
                        type.endsWith("json") ? answer.asString() : null));
            }
            return answer;
        }
    }
}
