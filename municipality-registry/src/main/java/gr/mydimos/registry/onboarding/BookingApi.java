package gr.mydimos.registry.onboarding;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * booking-service, asked with the central admin's own token to cancel a suspended municipality's upcoming bookings
 * (booking-service decides that only a central admin may). Its own client: cancelling many bookings takes longer
 * than the certificates' look-ups are allowed.
 */
@RegisterRestClient(configKey = "booking-suspension")
@AccessToken
@Path("/api/bookings/municipalities/{code}/suspension")
interface BookingApi {

    record Request(String reason) {}

    record Cancelled(List<String> cancelled) {}

    @POST
    Uni<Cancelled> cancelUpcoming(@PathParam("code") String code, Request request);
}
