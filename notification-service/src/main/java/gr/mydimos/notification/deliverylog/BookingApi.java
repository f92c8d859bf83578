package gr.mydimos.notification.deliverylog;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * booking-service's read of one booking, called with the caller's own token: booking-service alone knows who owns a
 * booking and which municipality's staff may see it, so its answer decides who may read the booking's messages.
 */
@RegisterRestClient(configKey = "booking")
@AccessToken
@Path("/api/bookings")
interface BookingApi {

    record Booking(String reference) {}

    /** municipality: the one an employee of several acts for, passed on as it came (booking-service checks it). */
    @GET
    @Path("{reference}")
    Uni<Booking> booking(@PathParam("reference") String reference, @HeaderParam("Mydimos-Municipality") String municipality);
}
