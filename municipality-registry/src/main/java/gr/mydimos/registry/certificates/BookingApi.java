package gr.mydimos.registry.certificates;

import gr.mydimos.acting.ActingMunicipality;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * booking-service: one booking, asked with the clerk's own token, so that booking-service decides whether the clerk
 * may see it (staff of the booking's municipality).
 */
@RegisterRestClient(configKey = "booking")
@AccessToken
@Path("/api/bookings")
interface BookingApi {

    record Booking(String reference, String status, String municipality, String service, Person person) {}

    record Person(String taxId) {}

    /** municipality: the one the clerk acts for, passed on so that booking-service scopes the clerk alike. */
    @GET
    @Path("{reference}")
    Uni<Booking> get(@PathParam("reference") String reference,
                     @HeaderParam(ActingMunicipality.HEADER) String municipality);
}
