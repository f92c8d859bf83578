package gr.mydimos.gateway.signin;

import gr.mydimos.gateway.ServedMunicipalities;
import gr.mydimos.gateway.signin.BrowserSessions.Realm;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The front ends' sign-in addresses, per realm ({@code /auth/citizens/...}, {@code /auth/employees/...}). Quarkus runs
 * the code flow itself: a first visit to {@code signin} goes to Keycloak, which returns to {@code callback}, and a
 * visit to {@code signout} with a live session ends it at Keycloak. What is left to say here: where to go once signed
 * in, what signing out means without a session, and who is signed in — never a token.
 */
@ApplicationScoped
public class SignIn {

    @ConfigProperty(name = "browser-session.secure-cookie")
    boolean secureCookies;

    void routes(@Observes Router router) {
        // reached only signed in (the sign-in permission): back to the page the person was on
        router.get("/auth/:realm/signin").handler(context -> redirect(context, safeReturn(context.queryParams().get("return"))));
        // reached only without a live session (with one, Quarkus has ended it and gone to Keycloak): forget the cookie
        router.post("/auth/:realm/signout").handler(this::forget);
        router.get("/auth/:realm/signed-out").handler(context -> redirect(context, "/"));
        router.get("/auth/:realm/session").handler(SignIn::session);
        // A session cookie that no longer opens (expired beyond refresh, or from before a secret changed) fails
        // authentication; for these two it just means that nobody is signed in. Before RefusedAccess's 401.
        router.post("/auth/:realm/signout").order(-101).failureHandler(context -> ended(context, this::forget));
        router.get("/auth/:realm/session").order(-101).failureHandler(context -> ended(context, SignIn::session));
        // signing in with such a cookie: forget it and start again, which goes to Keycloak
        router.get("/auth/:realm/signin").order(-101).failureHandler(context -> ended(context, again -> {
            forgetCookies(again);
            redirect(again, again.request().uri());
        }));
    }

    private static void ended(RoutingContext context, Handler<RoutingContext> handler) {
        if (context.failure() instanceof AuthenticationFailedException && !context.response().ended()) {
            context.response().headers().remove(HttpHeaders.LOCATION); // Quarkus' way back to Keycloak: not wanted here
            handler.handle(context);
        } else {
            context.next();
        }
    }

    private void forget(RoutingContext context) {
        forgetCookies(context);
        redirect(context, "/");
    }

    /** Clears the realm's session cookie (and any half-done sign-in's state cookie) from the browser. */
    private void forgetCookies(RoutingContext context) {
        Realm.ofPath(context.normalizedPath()).ifPresent(realm -> context.request().cookies().stream()
                .filter(cookie -> cookie.getName().startsWith(realm.cookiePrefix())
                        || cookie.getName().startsWith("q_auth_" + realm.tenant))
                .forEach(cookie -> context.response().addCookie(Cookie.cookie(cookie.getName(), "").setPath("/")
                        .setMaxAge(0).setHttpOnly(true).setSecure(secureCookies).setSameSite(CookieSameSite.LAX))));
    }

    /**
     * Who is signed in, for the page to greet them and offer signing out: the realm, the name and the roles (and the
     * business a representative acts for), from the ID token the gateway holds. Without a session, {@code signedIn} is
     * false.
     */
    private static void session(RoutingContext context) {
        Optional<Realm> realm = Realm.ofPath(context.normalizedPath());
        if (realm.isEmpty()) {
            context.next(); // not a realm of the platform: 404
            return;
        }
        JsonObject body = new JsonObject().put("signedIn", false).put("realm", realm.get().path);
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token
                && token.getIssuer() != null && token.getIssuer().endsWith("/realms/" + realm.get().path)) {
            body.put("signedIn", true).put("name", name(token)).put("roles", new JsonArray(new TreeSet<>(identity.getRoles()).stream().toList()));
            String business = token.getClaim("business_afm");
            if (business != null) {
                body.put("businessTaxId", business); // a business's representative books for it (its tax number is shown)
            }
            List<String> municipalities = ServedMunicipalities.of(token);
            if (!municipalities.isEmpty()) {
                // an employee's municipalities: the back office works in one, chosen when there are several
                body.put("municipalities", new JsonArray(municipalities));
            }
        }
        context.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
    }

    private static String name(JsonWebToken token) {
        String name = token.getClaim("name");
        return name != null ? name : token.getName();
    }

    /** A path of this site only: anything else (another host, {@code //host}, {@code /\host}) goes to the home page. */
    static String safeReturn(String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")
                || target.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return "/";
        }
        return target;
    }

    private static void redirect(RoutingContext context, String location) {
        context.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, location).end();
    }
}
