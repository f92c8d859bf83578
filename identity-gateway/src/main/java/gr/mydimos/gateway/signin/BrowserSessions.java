package gr.mydimos.gateway.signin;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Which sign-in a request belongs to. A request with a bearer token is left to its token's issuer
 * ({@code quarkus.oidc.resolve-tenants-with-issuer}); a sign-in address names its realm; any other request of a browser
 * goes with the session cookie it carries — the citizens' when it carries both.
 */
@ApplicationScoped
public class BrowserSessions implements TenantResolver, JavaScriptRequestChecker {

    /** The sign-ins of the front ends, by the realm name their addresses use ({@code /auth/<realm>/...}). */
    enum Realm {
        CITIZENS("citizens", "citizens-web"), EMPLOYEES("employees", "employees-web");

        final String path;
        final String tenant;

        Realm(String path, String tenant) {
            this.path = path;
            this.tenant = tenant;
        }

        /** Quarkus names a tenant's session cookie so, and splits a long one into {@code ..._chunk_N}. */
        String cookiePrefix() {
            return "q_session_" + tenant;
        }

        static Optional<Realm> ofPath(String path) {
            for (Realm realm : values()) {
                if (path.startsWith("/auth/" + realm.path + "/")) {
                    return Optional.of(realm);
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public String resolve(RoutingContext context) {
        if (context.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            return null;
        }
        return Realm.ofPath(context.normalizedPath()).or(() -> sessionOf(context)).map(realm -> realm.tenant).orElse(null);
    }

    /**
     * The realm whose session cookie the request carries, if any. A browser holds one sign-in at a time: signing in to
     * one realm forgets the other's session (Quarkus clears the session cookies when it starts a sign-in).
     */
    static Optional<Realm> sessionOf(RoutingContext context) {
        for (Realm realm : Realm.values()) {
            if (context.request().cookies().stream().anyMatch(c -> c.getName().startsWith(realm.cookiePrefix()))) {
                return Optional.of(realm);
            }
        }
        return Optional.empty();
    }

    /**
     * An API call whose session has ended gets a 401 problem, not a redirect to the sign-in page that page script cannot
     * follow (Quarkus answers 499, {@code ProblemChallenge} makes it the API's 401).
     */
    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return context.normalizedPath().startsWith("/api/");
    }
}
