package gr.mydimos.gateway.audit;

import gr.mydimos.correlation.RequestCorrelation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides what the gateway audits: every request of a signed-in person (all of them reach personal data: their own
 * bookings and registry record, or, for staff, other people's), and every refused one (401, 403) whoever made it.
 * Anonymous reads of the public catalogue and slot search are not audited.
 */
@ApplicationScoped
public class AuditRecorder {

    @Inject
    AuditTrail trail;

    /** Records the request once its answer has been sent, with the answer's status as the outcome. */
    public void onEnd(RoutingContext context) {
        context.addEndHandler(ended -> record(context, context.response().getStatusCode()));
    }

    public void record(RoutingContext context, int outcome) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        boolean anonymous = identity == null || identity.isAnonymous();
        if (anonymous && outcome != 401 && outcome != 403) {
            return;
        }
        String actor = "anonymous";
        String name = null;
        String municipality = null;
        if (!anonymous && identity.getPrincipal() instanceof JsonWebToken token) {
            String issuer = token.getIssuer() == null ? "" : token.getIssuer();
            actor = issuer.substring(issuer.lastIndexOf('/') + 1) + ":" + token.getSubject();
            name = token.getClaim("preferred_username");
            municipality = token.getClaim("municipality");
        } else if (!anonymous) {
            actor = identity.getPrincipal().getName();
        }
        String address = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().host();
        trail.append(new AuditEntry(Instant.now().truncatedTo(ChronoUnit.MICROS), actor, name, municipality, address,
                context.request().method().name(), context.request().uri(), outcome,
                context.request().getHeader(RequestCorrelation.HEADER)));
    }
}
