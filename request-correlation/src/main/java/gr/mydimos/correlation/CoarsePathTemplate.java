package gr.mydimos.correlation;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.common.vertx.ContextLocals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * HTTP metrics are tagged with the route template, never with the raw path, which may hold a tax number, a booking
 * reference or a certificate code. REST endpoints replace this template with their own ({@code /api/bookings/{reference}});
 * a request answered before any endpoint (a refused token, an unknown address, the gateway's proxy) keeps the coarse
 * one set here: the API's first segment, {@code /api/registry/{path}}.
 */
@ApplicationScoped
public class CoarsePathTemplate {

    /** The context local Quarkus' Micrometer binder reads the template from. */
    static final String METRICS_TEMPLATE = "UrlPathTemplate";

    void register(@Observes Filters filters) {
        filters.register(context -> {
            ContextLocals.put(METRICS_TEMPLATE, of(context.normalizedPath()));
            context.next();
        }, 500);
    }

    /**
     * {@code /api/registry/bodies/persons/094259216} is {@code /api/registry/{path}}; {@code /api/bookings} stays. The
     * first segment is kept only when it is one of the platform's APIs, so that no address makes up a tag of its own
     * (a tag per made-up word would fill the metrics).
     */
    public static String of(String path) {
        if (path == null || !path.startsWith(API)) {
            return "/{path}";
        }
        int end = path.indexOf('/', API.length());
        String first = path.substring(API.length(), end < 0 ? path.length() : end);
        if (!APIS.contains(first)) {
            return "/api/{path}";
        }
        return end < 0 || end == path.length() - 1 ? API + first : API + first + "/{path}";
    }

    private static final String API = "/api/";
    /** The platform's APIs: the gateway's routes and its own audit API. */
    private static final Set<String> APIS = Set.of("registry", "availability", "bookings", "notifications", "audit");
}
