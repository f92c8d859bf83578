package gr.mydimos.availability.planning;

import gr.mydimos.availability.planning.NationalClosures.ClosureRequest;
import gr.mydimos.availability.planning.NationalClosures.ClosureView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Closures the state declares for every municipality at once (AV-2): a moved holiday — 4 May 2027, when Labour Day
 * falls on Holy Saturday — or a day of national mourning. Staff read them; a central admin declares and withdraws
 * them. A declaration that would strand booked appointments anywhere is refused with all of them listed (AV-7), so
 * that they are moved first, and nothing is applied.
 */
@Path("/api/availability/national-closures")
public class NationalClosureResource {

    @Inject
    NationalClosures closures;
    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed({"clerk", "municipal-admin", "central-admin"})
    @Operation(summary = "List the national closures and moved holidays")
    public Uni<List<ClosureView>> list() {
        return closures.list();
    }

    @POST
    @RolesAllowed("central-admin")
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClosureView.class)))
    @Operation(summary = "Declare a national closure or a moved holiday for every municipality")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`); or `already-exists`: the day is already a national closure.")
    public Uni<RestResponse<ClosureView>> declare(@Valid @NotNull ClosureRequest request) {
        return closures.declare(request, token.getName()).map(c -> RestResponse.ResponseBuilder.<ClosureView>created(
                URI.create("/api/availability/national-closures/" + c.id())).entity(c).build());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("central-admin")
    @Operation(summary = "Withdraw a national closure")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: the day a moved holiday came from would close again on booked appointments.")
    public Uni<Void> withdraw(@PathParam("id") long id) {
        return closures.withdraw(id);
    }
}
