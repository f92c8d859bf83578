package gr.mydimos.registry.catalogue;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.problems.Problem;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.municipality.Declaration;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A municipality's admin (or a central admin) adds or changes a service of the catalogue (REG-4); availability and
 * booking are told through a ServiceChanged event, so that they never offer what no longer exists.
 */
@Path("/api/registry/municipalities/{code}/services/{id}")
public class ServiceChangeResource {

    @Inject
    SecurityIdentity identity;
    @Inject
    ActingMunicipality acting;
    @Inject
    ServiceChanges changes;

    @PUT
    @RolesAllowed({"municipal-admin", "central-admin"})
    @Operation(summary = "Add or change a service of the catalogue")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<CatalogueResource.ServiceView> put(@PathParam("code") String code, @PathParam("id") String id,
                                                  @Valid @NotNull Declaration.Service request) {
        if (!identity.hasRole("central-admin") && !code.equals(acting.code())) {
            throw Problems.forbidden("code", "Ο διαχειριστής δήμου αλλάζει μόνο τις υπηρεσίες του δικού του δήμου.",
                    "A municipal admin changes only their own municipality's services.");
        }
        if (!id.equals(request.id())) {
            throw Problem.invalidField("id", "πρέπει να είναι ίδιο με το αναγνωριστικό της διεύθυνσης", "must be the id in the path");
        }
        return changes.change(code, request).map(s -> new CatalogueResource.ServiceView(s.id, s.unitId,
                s.nameEl, s.nameEn, s.terms.modes(), s.bufferMinutes, s.terms.documents(), s.terms.fees(), s.notesEl,
                s.notesEn));
    }

}
