package gr.mydimos.booking.closure;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.booking.booking.BookingChanges;
import gr.mydimos.booking.booking.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A municipality suspended from the platform (issue 21 item 7) serves nobody: the registry, before it suspends it,
 * has every upcoming booking cancelled here with the central administration's reason, which each person is told.
 */
@Path("/api/bookings/municipalities/{code}/suspension")
@RolesAllowed("central-admin")
public class SuspensionResource {

    @Schema(name = "SuspensionRequest")
    public record Request(@NotBlank @Size(max = 500) String reason) {}

    @Schema(name = "BookingsCancelledBySuspension", requiredProperties = "cancelled")
    public record Cancelled(List<String> cancelled) {}

    @Inject
    BookingChanges changes;
    @Inject
    SecurityIdentity identity;
    @Inject
    ActingMunicipality acting;

    @POST
    @Operation(summary = "Cancel every upcoming booking of a municipality being suspended, telling each person the reason")
    public Uni<Cancelled> cancelUpcoming(@PathParam("code") String code, @Valid @NotNull Request request) {
        return changes.cancelAllUpcoming(code, request.reason().strip(), Caller.of(identity, acting)).map(Cancelled::new);
    }
}
