package gr.mydimos.gateway.security;

import gr.mydimos.gateway.audit.AuditRecorder;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refusals of the gateway's own security as problems, audited: a token that fails authentication (401) and a
 * signed-in caller its policy refuses (403: the audit trail is for central admins).
 */
@ApplicationScoped
public class RefusedAccess {

    private static final String BODY = new JsonObject()
            .put("type", "https://mydimos.gov.gr/problems/forbidden")
            .put("title", "Forbidden")
            .put("status", 403)
            .put("detail", "Your role does not allow this.")
            .encode();

    void failures(@Observes Router router, AuditRecorder audit) {
        router.route().order(-100).failureHandler(context -> {
            if (context.response().ended()) {
                context.next();
            } else if (context.failure() instanceof ForbiddenException) {
                audit.record(context, 403);
                context.response().setStatusCode(403).putHeader("Content-Type", "application/problem+json").end(BODY);
            } else if (context.failure() instanceof AuthenticationFailedException) {
                // a token was presented but is expired, forged or not meant for this API
                audit.record(context, 401);
                context.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                        .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .end(ProblemChallenge.UNAUTHENTICATED);
            } else {
                context.next();
            }
        });
    }
}
