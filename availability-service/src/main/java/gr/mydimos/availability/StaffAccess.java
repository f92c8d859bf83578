package gr.mydimos.availability;

import gr.mydimos.acting.ActingMunicipality;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Municipal staff see and change only the municipality they act for; central admins all. */
@RequestScoped
public class StaffAccess {

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    ActingMunicipality acting;

    public void requireOwn(String municipality) {
        if (!identity.hasRole("central-admin") && !municipality.equals(acting.code())) {
            throw Problems.forbidden("code", "Οι υπάλληλοι βλέπουν και διαχειρίζονται μόνο τον δικό τους δήμο.",
                    "Employees see and manage only their own municipality.");
        }
    }
}
