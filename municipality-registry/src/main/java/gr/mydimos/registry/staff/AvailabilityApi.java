package gr.mydimos.registry.staff;

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

/** availability-service: an employee's booked appointments, asked with the admin's own token. */
@RegisterRestClient(configKey = "availability")
@AccessToken
@Path("/api/availability/employees")
interface AvailabilityApi {

    record Appointment(String bookingReference, String service, OffsetDateTime start, OffsetDateTime end) {}

    /** municipality: the one the admin acts for, passed on so that availability scopes them alike. */
    @GET
    @Path("{id}/appointments")
    Uni<List<Appointment>> futureAppointments(@PathParam("id") String employeeId,
                                              @HeaderParam(ActingMunicipality.HEADER) String municipality);
}
