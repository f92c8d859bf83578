package gr.mydimos.acting;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A custom claim of the validated token (tax number, municipality, staff records), read without an exception. */
public final class TokenClaims {

    private TokenClaims() {
    }

    /**
     * The claim's value, as {@link JsonWebToken#getClaim} gives it. That method first looks the name up among the
     * standard claims with {@code Enum.valueOf}, so every custom claim read costs an exception thrown and caught (2 %
     * of booking-service's CPU under load); the OIDC principal hands its claims over directly. token: the principal
     * itself ({@code SecurityIdentity.getPrincipal()}), not the injected request-scoped proxy.
     */
    @SuppressWarnings("unchecked")
    public static <T> T claim(JsonWebToken token, String name) {
        return token instanceof OidcJwtCallerPrincipal principal ? (T) principal.getClaims().getClaimValue(name)
                : token.getClaim(name);
    }
}
