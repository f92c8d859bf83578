package gr.mydimos.booking.availability;

import gr.mydimos.booking.Mode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** availability-service's holds, called with the caller's own token so it decides on the originating user. */
@RegisterRestClient(configKey = "availability")
@AccessToken
@Path("/api/availability/holds")
interface AvailabilityApi {

    record HoldRequest(String municipality, String service, Mode mode, OffsetDateTime start, String employee,
                       String preferredEmployee) {}

    record ConfirmRequest(String bookingReference) {}

    record Hold(UUID id, String employee, String status, OffsetDateTime start, OffsetDateTime end) {}

    @POST
    Uni<Hold> hold(HoldRequest request);

    @POST
    @Path("{id}/confirm")
    Uni<Hold> confirm(@PathParam("id") UUID id, ConfirmRequest request);

    @DELETE
    @Path("{id}")
    Uni<Void> release(@PathParam("id") UUID id);
}
