package gr.mydimos.availability;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Municipal staff see and change only their own municipality (token claim `municipality`); central admins all. */
@RequestScoped
public class StaffAccess {

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;

    public void requireOwn(String municipality) {
        if (!identity.hasRole("central-admin") && !municipality.equals(token.getClaim("municipality"))) {
            throw Problems.forbidden("code", "Οι υπάλληλοι βλέπουν και διαχειρίζονται μόνο τον δικό τους δήμο.",
                    "Employees see and manage only their own municipality.");
        }
    }
}
