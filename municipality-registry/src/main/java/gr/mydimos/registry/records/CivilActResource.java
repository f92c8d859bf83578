package gr.mydimos.registry.records;

import gr.mydimos.registry.records.CivilActs.ActForm;
import gr.mydimos.registry.records.CivilActs.ActView;
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
 * Civil-registry acts (seed 002): clerks with the civil-registry duty enter the acts of their municipality's registry
 * office, find acts of any office (the Citizen Registry is one database), and correct their own office's acts by
 * marginal notes. Every act shown is logged as read.
 */
@Path("/api/registry/civil-acts")
@RolesAllowed("civil-registry")
public class CivilActResource {

    @Inject
    CivilActs acts;

    /** Enters an act of the caller's own registry office. */
    @POST
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActView.class)))
    @Operation(summary = "Enter a civil act (birth, marriage, death)")
    @APIResponse(responseCode = "409", description = "`already-exists`: the act is already registered.")
    public Uni<RestResponse<ActView>> enter(@Valid @NotNull ActForm form) {
        return acts.enter(form).map(act -> created(URI.create("/api/registry/civil-acts/" + act.id), ActView.of(act, List.of())));
    }

    /** By a person's tax number, or by the act's numbers (office and year, optionally volume and number). */
    @GET
    @Operation(summary = "Find civil acts by tax number or by their numbers")
    public Uni<List<ActView>> find(@QueryParam("taxId") String taxId, @QueryParam("registryOffice") String office,
                                   @QueryParam("year") Integer year, @QueryParam("volume") Integer volume,
                                   @QueryParam("actNumber") Integer actNumber) {
        return acts.find(taxId, office, year, volume, actNumber);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One civil act with its marginal notes")
    public Uni<ActView> read(@PathParam("id") UUID id) {
        return acts.read(id);
    }

    /** A correction of the caller's own office's act: a marginal note; the act's version goes up. */
    @POST
    @Path("{id}/corrections")
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Records.NoteView.class)))
    @Operation(summary = "Correct a civil act (a marginal note)")
    public Uni<RestResponse<Records.NoteView>> correct(@PathParam("id") UUID id, @Valid @NotNull Records.Correction correction) {
        return acts.correct(id, correction).map(note -> created(URI.create("/api/registry/civil-acts/" + id), note));
    }

    private static <T> RestResponse<T> created(URI location, T entity) {
        return RestResponse.ResponseBuilder.<T>created(location).entity(entity).build();
    }
}
