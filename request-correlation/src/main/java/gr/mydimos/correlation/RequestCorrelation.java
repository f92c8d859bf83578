package gr.mydimos.correlation;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * Every request gets a correlation id. By default it is always a new one, so that it names one request only (the
 * gateway's audit trail relies on it), and an id the caller sent is kept apart as {@code X-Client-Request-Id}. A
 * service behind the gateway ({@code request-correlation.trust-incoming=true}) takes the id it is given when it is a
 * plain token. The id is set on the request (so the gateway forwards it to the service), echoed in the response, and put in
 * the logging context as {@code requestId}, which Quarkus keeps on the request's Vert.x context, so every log line
 * written while serving the request carries it, across reactive hops and worker threads.
 */
@ApplicationScoped
public class RequestCorrelation {

    public static final String HEADER = "X-Request-Id";
    /** The id a caller of the gateway chose itself: kept for its support requests, never trusted to be unique. */
    public static final String CLIENT_HEADER = "X-Client-Request-Id";
    public static final String LOG_KEY = "requestId";
    /** What a caller may choose; anything else (long, spaces, control characters) is replaced rather than logged. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Before CORS (300) and authentication (200), so that refused requests carry an id too. */
    private static final int PRIORITY = 400;

    void register(@Observes Filters filters,
                  @ConfigProperty(name = "request-correlation.trust-incoming", defaultValue = "false") boolean trustIncoming) {
        filters.register(context -> correlate(context, trustIncoming), PRIORITY);
    }

    static void correlate(RoutingContext context, boolean trustIncoming) {
        String id = context.request().getHeader(HEADER);
        context.request().headers().remove(CLIENT_HEADER);
        if (!trustIncoming && id != null && PLAIN.matcher(id).matches()) {
            context.request().headers().set(CLIENT_HEADER, id);
        }
        if (!trustIncoming || id == null || !PLAIN.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            context.request().headers().set(HEADER, id);
        }
        MDC.put(LOG_KEY, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
