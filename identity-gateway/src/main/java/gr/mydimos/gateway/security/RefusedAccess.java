package gr.mydimos.gateway.security;

import gr.mydimos.gateway.Problems;
import gr.mydimos.gateway.audit.AuditRecorder;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refusals of the gateway's own security as problems, audited: a token that fails authentication (401) and a
 * signed-in caller its policy refuses (403: the audit trail is for central admins); and, as a 503 rather than an error
 * page, a browser's sign-in while Keycloak cannot be reached.
 */
@ApplicationScoped
public class RefusedAccess {

    private static final Text FORBIDDEN = Text.of("Ο ρόλος σας δεν επιτρέπει αυτή την ενέργεια.", "Your role does not allow this.");

    private static final Text SIGN_IN_UNAVAILABLE = Text.of(
            "Η σύνδεση δεν είναι δυνατή αυτή τη στιγμή· δοκιμάστε ξανά σε λίγο.",
            "Signing in is not possible at the moment; please try again shortly.");

    private static boolean signInUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }

    void failures(@Observes Router router, AuditRecorder audit) {
        router.route().order(-100).failureHandler(context -> {
            if (context.response().ended()) {
                context.next();
            } else if (context.failure() instanceof ForbiddenException) {
                audit.record(context, 403);
                Problems.refuse(context, ProblemType.FORBIDDEN, FORBIDDEN);
            } else if (context.failure() instanceof AuthenticationFailedException) {
                // a token was presented but is expired, forged or not meant for this API
                audit.record(context, 401);
                context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                Problems.refuse(context, ProblemType.UNAUTHENTICATED, ProblemChallenge.UNAUTHENTICATED);
            } else if (signInUnavailable(context.failure())) {
                // Keycloak cannot be reached to sign a browser in (a bearer token is checked with keys already held)
                context.response().putHeader("Retry-After", "30");
                Problems.refuse(context, ProblemType.DEPENDENCY_UNAVAILABLE, SIGN_IN_UNAVAILABLE);
            } else {
                context.next();
            }
        });
    }
}
