package gr.mydimos.gateway.security;

import gr.mydimos.gateway.Problems;
import gr.mydimos.gateway.audit.AuditRecorder;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Quarkus' bearer-token authentication, unchanged, except that its 401 carries an RFC 9457 problem like every other
 * error of the API (Quarkus' own challenge has an empty body). Replaces the OIDC mechanism as the alternative of
 * highest priority and delegates everything else to it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

    /** What the 401 of the API says: for a missing token here, for a refused one in {@link RefusedAccess}. */
    static final Text UNAUTHENTICATED = Text.of(
            "Χρειάζεται έγκυρο διακριτικό πρόσβασης από τη σύνδεση πολιτών ή υπαλλήλων· συνδεθείτε ξανά.",
            "A valid access token of the citizens' or the employees' sign-in is required; sign in again.");

    @Inject
    OidcAuthenticationMechanism oidc;
    @Inject
    AuditRecorder audit;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return oidc.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return getChallenge(context).map(challenge -> {
            if (context.response().ended()) {
                return true;
            }
            // 499: a browser's API call whose session has ended (BrowserSessions): a 401 like any other here
            int status = challenge == null || challenge.status == 499 ? 401 : challenge.status;
            context.response().setStatusCode(status);
            if (challenge != null && challenge.status != 499 && challenge.getHeaders() != null) {
                challenge.getHeaders().forEach((name, value) -> context.response().headers().set(name, value));
            }
            if (status == 401 && !context.response().headers().contains("WWW-Authenticate")) {
                context.response().headers().set("WWW-Authenticate", "Bearer");
            }
            if (context.normalizedPath().startsWith("/api/")) {
                audit.record(context, status); // a refused sign-in is audited whoever tried
            }
            if (status == 401) {
                Problems.refuse(context, ProblemType.UNAUTHENTICATED, UNAUTHENTICATED);
            }
            return true;
        });
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority();
    }
}
