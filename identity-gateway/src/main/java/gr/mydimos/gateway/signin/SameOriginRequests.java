package gr.mydimos.gateway.signin;

import gr.mydimos.gateway.Problems;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Set;

/**
 * Cross-site request forgery: a request that rides on the browser's session cookie must come from this site's own
 * pages. The browser says where a request comes from (Sec-Fetch-Site; older ones only Origin, and only for writes):
 * API calls from anywhere else, and writes to the sign-in addresses (signing out), are refused before they are
 * authenticated. A request with a bearer token is not at risk — a browser never adds one on its own — and passes.
 */
@ApplicationScoped
public class SameOriginRequests {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Text REFUSED = Text.of(
            "Η αίτηση δεν προήλθε από τις σελίδες της πλατφόρμας και δεν εκτελέστηκε.",
            "The request did not come from the platform's own pages and was not carried out.");

    void filter(@Observes Filters filters) {
        // before authentication (priority 200): nothing of a forged request is looked at, the session included
        filters.register(this::check, 300);
    }

    private void check(RoutingContext context) {
        String path = context.normalizedPath();
        boolean safe = SAFE.contains(context.request().method());
        boolean guarded = path.startsWith("/api/") || path.startsWith("/auth/") && !safe;
        if (!guarded || context.request().headers().contains(HttpHeaders.AUTHORIZATION)
                || BrowserSessions.sessionOf(context).isEmpty() || sameOrigin(context, safe)) {
            context.next();
            return;
        }
        Problems.refuse(context, ProblemType.FORBIDDEN, REFUSED);
    }

    private static boolean sameOrigin(RoutingContext context, boolean safe) {
        String site = context.request().getHeader("Sec-Fetch-Site");
        if (site != null) {
            // "none": typed into the address bar or opened from a bookmark, harmless for a read
            return site.equals("same-origin") || safe && site.equals("none");
        }
        if (safe) {
            return true; // a browser too old to say; SameSite keeps its cookie off other sites' requests anyway
        }
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        String host = context.request().getHeader(HttpHeaders.HOST);
        try {
            return origin != null && host != null && host.equalsIgnoreCase(URI.create(origin).getAuthority());
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }
}
