package gr.mydimos.registry.onboarding;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.municipality.Declaration;
import gr.mydimos.registry.municipality.Unit;
import gr.mydimos.registry.onboarding.MunicipalityDetails.Contact;
import gr.mydimos.registry.onboarding.MunicipalityDetails.PostalAreaForm;
import gr.mydimos.registry.onboarding.MunicipalityDetails.UnitDetails;
import gr.mydimos.registry.onboarding.MunicipalityDetails.Ways;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A municipality keeps its own details current after joining (issue 21, REG-1): how to reach it and each unit, and a
 * unit's opening hours in words, as the portal shows them. Its municipal admin (or a central admin) changes them;
 * nothing else reads them from an event, so the change shows at once.
 */
@Path("/api/registry/municipalities/{code}")
@RolesAllowed({"municipal-admin", "central-admin"})
public class MunicipalityDetailsResource {

    @Inject
    SecurityIdentity identity;
    @Inject
    ActingMunicipality acting;
    @Inject
    MunicipalityDetails municipalityDetails;

    @PUT
    @Path("contact")
    @Operation(summary = "Change how to reach a municipality")
    @APIResponse(responseCode = "204", description = "Changed")
    public Uni<Void> contact(@PathParam("code") String code, @Valid @NotNull Contact contact) {
        ownMunicipality(code);
        return municipalityDetails.contact(code, contact);
    }

    @PUT
    @Path("modes")
    @Operation(summary = "Change the ways a municipality serves people, and whether a third person may join video calls")
    @APIResponse(responseCode = "204", description = "Changed")
    public Uni<Void> modes(@PathParam("code") String code, @Valid @NotNull Ways ways) {
        ownMunicipality(code);
        return municipalityDetails.modes(code, ways);
    }

    @PUT
    @Path("units/{unit}")
    @Operation(summary = "Change a unit's contact details and opening hours in words")
    @APIResponse(responseCode = "204", description = "Changed")
    public Uni<Void> unit(@PathParam("code") String code, @PathParam("unit") String unitId, @Valid @NotNull UnitDetails details) {
        ownMunicipality(code);
        return municipalityDetails.unit(code, unitId, details);
    }

    @POST
    @Path("units")
    @Operation(summary = "Add a unit with its weekly hours")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "409", description = "`already-exists`: a unit has this id.")
    public Uni<RestResponse<Void>> addUnit(@PathParam("code") String code, @Valid @NotNull Declaration.Unit unit) {
        ownMunicipality(code);
        return municipalityDetails.addUnit(code, unit).map(ignored -> RestResponse.ResponseBuilder.<Void>created(
                URI.create("/api/registry/municipalities/" + code + "/units/" + unit.id())).build());
    }

    @GET
    @Path("postal-areas")
    @Operation(summary = "The postal codes a municipality is competent for")
    public Uni<List<PostalAreaForm>> postalAreas(@PathParam("code") String code) {
        ownMunicipality(code);
        return municipalityDetails.postalAreas(code);
    }

    @PUT
    @Path("postal-areas")
    @Operation(summary = "Set the postal codes a municipality is competent for")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "409", description = "`already-exists`: another municipality serves one of the codes (named in `field`).")
    public Uni<Void> postalAreas(@PathParam("code") String code, @NotNull @Size(max = 2000) List<@Valid @NotNull PostalAreaForm> areas) {
        ownMunicipality(code);
        return municipalityDetails.postalAreas(code, areas);
    }

    private void ownMunicipality(String code) {
        if (!identity.hasRole("central-admin") && !code.equals(acting.code())) {
            throw Problems.forbidden("code", "Ο διαχειριστής δήμου αλλάζει μόνο τα στοιχεία του δικού του δήμου.",
                    "A municipal admin changes only their own municipality's details.");
        }
    }
}
