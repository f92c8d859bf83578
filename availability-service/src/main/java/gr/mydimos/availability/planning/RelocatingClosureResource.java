package gr.mydimos.availability.planning;

import gr.mydimos.availability.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An emergency closure or leave whose stranded bookings booking-service takes in hand (proposes new times or cancels
 * them, issue 21 item 4). Only booking-service's own identity may call it, so that a closure cannot skip the AV-7 guard
 * without someone answering for the bookings it strands; the gateway does not route it.
 */
@Path("/api/availability/internal/municipalities/{code}/closures")
@RolesAllowed(Roles.RESERVATION_HOLDER)
public class RelocatingClosureResource {

    /**
     * closureId: booking-service's, so that a request repeated after a lost answer adds nothing; handledBookings: the
     * references booking-service moves or cancels; any other stranded booking still refuses.
     */
    public record RelocatingClosureRequest(@NotNull UUID closureId, @Valid @NotNull Plan.ExceptionRequest closure,
                                           @NotNull List<String> handledBookings) {}

    @Inject
    Plan plan;

    @POST
    @Operation(summary = "Add a closure or leave whose stranded bookings booking-service handles (services only)")
    @APIResponse(responseCode = "200", description = "The closure, in force")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it strands bookings not named in handledBookings.")
    public Uni<Plan.ExceptionView> add(@PathParam("code") String code,
                                                   @Valid @NotNull RelocatingClosureRequest request) {
        return plan.addRelocatingClosure(code, request.closure(), Set.copyOf(request.handledBookings()), request.closureId());
    }
}
