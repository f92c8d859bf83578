package gr.mydimos.gateway.signin;

import gr.mydimos.gateway.GatewayConfig;
import gr.mydimos.gateway.Problems;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Cross-site request forgery: a request that rides on the browser's session cookie must come from this site's own
 * pages. The browser says where a request comes from (Sec-Fetch-Site; older ones only Origin, and only for writes):
 * API calls from anywhere else, writes to the sign-in addresses, and signing out other than by a POST of this site are
 * refused before they are authenticated. A request without the cookie (a script's, with its bearer token) is not at
 * risk — a browser never adds a token on its own — and passes.
 */
@ApplicationScoped
public class SameOriginRequests {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Text REFUSED = Text.of(
            "Η αίτηση δεν προήλθε από τις σελίδες της πλατφόρμας και δεν εκτελέστηκε.",
            "The request did not come from the platform's own pages and was not carried out.");

    private String publicOrigin;

    void filter(@Observes Filters filters, GatewayConfig config) {
        publicOrigin = config.publicUrl().getScheme() + "://" + config.publicUrl().getAuthority();
        // before authentication (priority 200): nothing of a forged request is looked at, the session included
        filters.register(this::check, 300);
    }

    private void check(RoutingContext context) {
        String path = context.normalizedPath();
        boolean safe = SAFE.contains(context.request().method());
        if (path.startsWith("/auth/") && path.endsWith("/signout")) {
            // signing out changes something even without a cookie that opens: a POST from this site only, never a
            // link or an image of another site's page
            if (!HttpMethod.POST.equals(context.request().method()) || !sameOrigin(context, false)) {
                Problems.refuse(context, ProblemType.FORBIDDEN, REFUSED);
                return;
            }
            context.next();
            return;
        }
        boolean guarded = path.startsWith("/api/") || path.startsWith("/auth/") && !safe;
        // a request with the session cookie is checked whatever else it carries: an Authorization header that no
        // tenant takes would leave it signed in by the cookie
        if (!guarded || BrowserSessions.sessionOf(context).isEmpty() || sameOrigin(context, safe)) {
            context.next();
            return;
        }
        Problems.refuse(context, ProblemType.FORBIDDEN, REFUSED);
    }

    private boolean sameOrigin(RoutingContext context, boolean safe) {
        String site = context.request().getHeader("Sec-Fetch-Site");
        if (site != null) {
            // "none": typed into the address bar or opened from a bookmark, harmless for a read
            return site.equals("same-origin") || safe && site.equals("none");
        }
        if (safe) {
            return true; // a browser too old to say; SameSite keeps its cookie off other sites' requests anyway
        }
        // an older browser names the page's origin on a write: the public address's, or this very host's
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        String host = context.request().getHeader(HttpHeaders.HOST);
        return origin != null && (origin.equalsIgnoreCase(publicOrigin)
                || host != null && origin.equalsIgnoreCase(context.request().scheme() + "://" + host));
    }
}
