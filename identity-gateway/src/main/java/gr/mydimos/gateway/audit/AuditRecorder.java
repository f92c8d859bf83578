package gr.mydimos.gateway.audit;

import gr.mydimos.gateway.ServedMunicipalities;
import gr.mydimos.correlation.RequestCorrelation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides what the gateway audits: every request to an API that is not public, whoever made it and whatever its
 * outcome (a signed-in person's requests reach personal data: their own bookings and registry record, or, for staff,
 * other people's), refused and malformed ones included. Only anonymous reads of the public APIs (catalogue, slot
 * search, certificate verification) that the platform answered without failing are left out.
 */
@ApplicationScoped
public class AuditRecorder {

    @Inject
    AuditTrail trail;
    /** The public APIs: the gateway's own permission for anonymous reads, so that the two cannot disagree. */
    @ConfigProperty(name = "quarkus.http.auth.permission.public.paths")
    List<String> publicPaths;

    /** Records the request once its answer has been sent, with the answer's status as the outcome. */
    public void onEnd(RoutingContext context) {
        context.addEndHandler(ended -> record(context, context.response().getStatusCode()));
    }

    public void record(RoutingContext context, int outcome) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        boolean anonymous = identity == null || identity.isAnonymous();
        if (anonymous && outcome < 500 && publicRead(context)) {
            return;
        }
        String actor = "anonymous";
        String name = null;
        String municipality = null;
        if (!anonymous && identity.getPrincipal() instanceof JsonWebToken token) {
            String issuer = token.getIssuer() == null ? "" : token.getIssuer();
            actor = issuer.substring(issuer.lastIndexOf('/') + 1) + ":" + token.getSubject();
            name = token.getClaim("preferred_username");
            municipality = ServedMunicipalities.actingFor(token, context.request().getHeader(ServedMunicipalities.HEADER));
        } else if (!anonymous) {
            actor = identity.getPrincipal().getName();
        }
        String address = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().host();
        trail.append(new AuditEntry(Instant.now().truncatedTo(ChronoUnit.MICROS), actor, name, municipality, address,
                context.request().method().name(), record(context.request().uri()), outcome,
                context.request().getHeader(RequestCorrelation.HEADER),
                context.request().getHeader(RequestCorrelation.CLIENT_HEADER)));
    }

    /** The path and query; an address longer than any the API takes (refused with 414) is kept in part. */
    private static String record(String uri) {
        return uri.length() <= MAX_RECORD ? uri : uri.substring(0, MAX_RECORD) + "…";
    }

    private static final int MAX_RECORD = 4096;

    private boolean publicRead(RoutingContext context) {
        String method = context.request().method().name();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            return false;
        }
        String path = context.normalizedPath();
        return publicPaths.stream().anyMatch(p -> p.endsWith("/*") ? path.startsWith(p.substring(0, p.length() - 1))
                : path.equals(p));
    }
}
