package gr.mydimos.registry.citizen;

import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.problems.Problem;
import gr.mydimos.registry.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.LocalDate;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The signed-in citizen's registry data, to pre-fill the booking form (REG-6). Citizens only. */
@Path("/api/registry/me")
@RolesAllowed({"citizen", "business-rep"})
public class MeResource {

    public record Me(String taxId, String firstName, String lastName, String fatherName, LocalDate birthDate,
                     String municipality, String address, String postalCode, String email, String mobile) {}

    @Inject
    JsonWebToken token;

    @GET
    @WithSession
    @Operation(summary = "The signed-in person's registry data, to pre-fill forms")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "`no-registry-record`: the registry holds no record for the person; ask for the data by declaration.")
    public Uni<Me> me() {
        String taxId = token.getClaim("afm");
        if (!TaxNumber.isValid(taxId)) {
            return Uni.createFrom().failure(noRecord());
        }
        return CitizenRecord.<CitizenRecord>findById(taxId).map(r -> {
            if (r == null) {
                throw noRecord();
            }
            return new Me(r.taxId, r.firstName, r.lastName, r.fatherName, r.birthDate, r.municipalityCode, r.address,
                    r.postalCode, r.email, r.mobile);
        });
    }

    /** The portal then asks the person for the data by declaration. */
    private static Problem noRecord() {
        return Problems.noRegistryRecord(
                "Το μητρώο δεν έχει εγγραφή για τον ΑΦΜ με τον οποίο συνδεθήκατε· παρακαλούμε συμπληρώστε τα στοιχεία σας.",
                "The registry holds no record for the signed-in tax number; please enter your details.");
    }
}
