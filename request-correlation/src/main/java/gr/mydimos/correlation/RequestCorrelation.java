package gr.mydimos.correlation;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request gets a correlation id: the caller's {@code X-Request-Id} when it is a plain token, otherwise a new
 * one. It is set on the request (so the gateway forwards it to the service), echoed in the response, and put in the
 * logging context as {@code requestId}, which Quarkus keeps on the request's Vert.x context, so every log line written
 * while serving the request carries it, across reactive hops and worker threads.
 */
@ApplicationScoped
public class RequestCorrelation {

    public static final String HEADER = "X-Request-Id";
    public static final String LOG_KEY = "requestId";
    /** What a caller may choose; anything else (long, spaces, control characters) is replaced rather than logged. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Before CORS (300) and authentication (200), so that refused requests carry an id too. */
    private static final int PRIORITY = 400;

    void register(@Observes Filters filters) {
        filters.register(RequestCorrelation::correlate, PRIORITY);
    }

    static void correlate(RoutingContext context) {
        String id = context.request().getHeader(HEADER);
        if (id == null || !PLAIN.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            context.request().headers().set(HEADER, id);
        }
        MDC.put(LOG_KEY, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
