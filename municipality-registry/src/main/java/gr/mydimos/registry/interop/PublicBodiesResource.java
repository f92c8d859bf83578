package gr.mydimos.registry.interop;

import gr.mydimos.registry.interop.PublicBodies.CivilStatus;
import gr.mydimos.registry.interop.PublicBodies.FamilyStatus;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The read-only API for accredited public bodies (seed 002: bodies draw civil-registry and civil-status data from the
 * Citizen Registry automatically). A body signs in with client credentials; each data category is a role its service
 * account holds (registry-family-records, registry-civil-acts), so a body reads only the categories it was accredited
 * for. Answers carry the minimum: facts, not the records; no other person's tax number. Every record consulted is
 * logged as read under the body's name, in the same transaction (and the gateway audits the call).
 */
@Path("/api/registry/bodies/persons/{taxId}")
public class PublicBodiesResource {

    @Inject
    PublicBodies bodies;

    @GET
    @Path("family-status")
    @RolesAllowed("registry-family-records")
    @Operation(summary = "A person's family status, for another public body")
    public Uni<FamilyStatus> familyStatus(@PathParam("taxId") String taxId) {
        return bodies.familyStatus(taxId);
    }

    @GET
    @Path("civil-status")
    @RolesAllowed("registry-civil-acts")
    @Operation(summary = "A person's civil status (birth, marriage, death), for another public body")
    public Uni<CivilStatus> civilStatus(@PathParam("taxId") String taxId) {
        return bodies.civilStatus(taxId);
    }
}
