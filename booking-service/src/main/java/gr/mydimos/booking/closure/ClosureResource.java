package gr.mydimos.booking.closure;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.booking.booking.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Emergency closures (issue 21 item 4), for the municipality's admins (their own municipality) and central admins:
 * declared with what becomes of the bookings they strand, and followed up (who has answered a proposed new time).
 */
@Path("/api/bookings/closures")
@RolesAllowed({"municipal-admin", "central-admin"})
public class ClosureResource {

    /**
     * What closes (unitId, or employeeId for an employee's leave, or neither for the whole municipality), when and
     * why, and what becomes of the bookings in it: PROPOSE_NEW_TIMES (answerBy: until when people may accept; after
     * that, and when declined, a booking is cancelled with the reason) or CANCEL (each cancelled with the reason).
     * bookings: the references the admin was shown as stranded; if the period strands others by now, nothing is done.
     */
    @Schema(name = "EmergencyClosureRequest")
    public record Request(@NotBlank @Size(max = 50) String municipality, @Size(max = 100) String unitId,
                          @Size(max = 100) String employeeId, @NotNull OffsetDateTime start, @NotNull OffsetDateTime end,
                          @NotBlank @Size(max = 500) String reason, @NotNull Closure.Handling handling,
                          OffsetDateTime answerBy, @Size(max = 10000) List<@NotBlank String> bookings) {}

    /** A period of a unit, an employee or the whole municipality, to see the bookings a closure would strand. */
    @Schema(name = "EmergencyClosurePeriod")
    public record Period(@NotBlank @Size(max = 50) String municipality, @Size(max = 100) String unitId,
                         @Size(max = 100) String employeeId, @NotNull OffsetDateTime start, @NotNull OffsetDateTime end) {}

    @Inject
    Closures closures;
    @Inject
    SecurityIdentity identity;
    @Inject
    ActingMunicipality acting;

    @POST
    @Operation(summary = "Close a unit, an employee's time or the municipality for a period, proposing new times to the bookings in it or cancelling them")
    @APIResponse(responseCode = "201", description = "In force; the bookings it stranded and what became of each",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Closures.ClosureView.class)))
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: appointments were booked in the period meanwhile (listed in `bookings`); nothing was closed.")
    public Uni<RestResponse<Closures.ClosureView>> declare(@Valid @NotNull Request request) {
        return closures.declare(new Closures.ClosureRequest(request.municipality(), request.unitId(), request.employeeId(),
                        request.start(), request.end(), request.reason(), request.handling(), request.answerBy(),
                        request.bookings()),
                        Caller.of(identity, acting))
                .map(view -> RestResponse.ResponseBuilder.<Closures.ClosureView>created(
                        URI.create("/api/bookings/closures/" + view.id())).entity(view).build());
    }

    @POST
    @Path("stranded")
    @Operation(summary = "The bookings a closure of this period would strand (nothing is changed)")
    public Uni<List<Closures.Affected>> stranded(@Valid @NotNull Period period) {
        return closures.affected(period.municipality(), period.unitId(), period.employeeId(), period.start(), period.end(),
                Caller.of(identity, acting));
    }

    @GET
    @Operation(summary = "A municipality's emergency closures, latest first, with what became of each booking")
    public Uni<List<Closures.ClosureView>> list(@QueryParam("municipality") @NotBlank String municipality) {
        return closures.of(municipality, Caller.of(identity, acting));
    }

    @POST
    @Path("{id}/handle")
    @Operation(summary = "Propose new times to, or cancel, the closure's bookings whose handling failed before")
    public Uni<Closures.ClosureView> handleAgain(@PathParam("id") UUID id) {
        return closures.handleAgain(id, Caller.of(identity, acting));
    }
}
