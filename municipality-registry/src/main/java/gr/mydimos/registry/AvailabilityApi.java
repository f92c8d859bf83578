package gr.mydimos.registry;

import gr.mydimos.acting.ActingMunicipality;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * availability-service: booked appointments ahead, asked with the admin's own token before a change that could
 * strand them (an employee removed or no longer serving a service, a service's mode or unit changed).
 */
@RegisterRestClient(configKey = "availability")
@AccessToken
@Path("/api/availability")
public interface AvailabilityApi {

    record Appointment(String bookingReference, String service, String mode, OffsetDateTime start, OffsetDateTime end) {}

    /** municipality: the one the admin acts for, passed on so that availability scopes them alike. */
    @GET
    @Path("employees/{id}/appointments")
    Uni<List<Appointment>> ofEmployee(@PathParam("id") String employeeId,
                                      @HeaderParam(ActingMunicipality.HEADER) String municipality);

    @GET
    @Path("municipalities/{code}/services/{service}/appointments")
    Uni<List<Appointment>> ofService(@PathParam("code") String code, @PathParam("service") String serviceId,
                                     @HeaderParam(ActingMunicipality.HEADER) String municipality);
}
