package gr.mydimos.gateway.security;

import gr.mydimos.gateway.Problems;
import gr.mydimos.gateway.audit.AuditRecorder;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refusals of the gateway's own security as problems, audited: a token that fails authentication (401) and a
 * signed-in caller its policy refuses (403: the audit trail is for central admins).
 */
@ApplicationScoped
public class RefusedAccess {

    private static final Text FORBIDDEN = Text.of("Ο ρόλος σας δεν επιτρέπει αυτή την ενέργεια.", "Your role does not allow this.");

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
            } else {
                context.next();
            }
        });
    }
}
