package gr.mydimos.registry.records;

import gr.mydimos.registry.records.FamilyShares.ShareForm;
import gr.mydimos.registry.records.FamilyShares.ShareView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Municipal-registry family records (οικογενειακές μερίδες): clerks with the municipal-registry duty register the
 * households of their municipality, find records of any municipality, and correct their own municipality's records
 * by marginal notes. Every record shown is logged as read.
 */
@Path("/api/registry/family-shares")
@RolesAllowed("municipal-registry")
public class FamilyShareResource {

    @Inject
    FamilyShares shares;

    /** Registers a household in the caller's own municipality. */
    @POST
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    @Operation(summary = "Register a family record (household)")
    @APIResponse(responseCode = "409", description = "`already-exists`: the record is already registered.")
    public Uni<RestResponse<ShareView>> register(@Valid @NotNull ShareForm form) {
        return shares.register(form)
                .map(share -> created(URI.create("/api/registry/family-shares/" + share.id), ShareView.of(share, List.of())));
    }

    /** By a member's tax number, or by municipality and share number. */
    @GET
    @Operation(summary = "Find family records by tax number or by share number")
    public Uni<List<ShareView>> find(@QueryParam("taxId") String taxId, @QueryParam("municipality") String municipality,
                                     @QueryParam("shareNumber") Integer shareNumber) {
        return shares.find(taxId, municipality, shareNumber);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One family record with its marginal notes")
    public Uni<ShareView> read(@PathParam("id") UUID id) {
        return shares.read(id);
    }

    /** A correction of a member of the caller's own municipality's record: a marginal note. */
    @POST
    @Path("{id}/corrections")
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Records.NoteView.class)))
    @Operation(summary = "Correct a member of a family record (a marginal note)")
    public Uni<RestResponse<Records.NoteView>> correct(@PathParam("id") UUID id,
                                                       @Valid @NotNull Records.Correction correction) {
        return shares.correct(id, correction).map(note -> created(URI.create("/api/registry/family-shares/" + id), note));
    }

    private static <T> RestResponse<T> created(URI location, T entity) {
        return RestResponse.ResponseBuilder.<T>created(location).entity(entity).build();
    }
}
