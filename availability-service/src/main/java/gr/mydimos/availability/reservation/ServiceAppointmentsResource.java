package gr.mydimos.availability.reservation;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.StaffAccess;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A service's booked appointments from now on, with their mode, asked by the registry before the service loses a mode
 * or moves to another unit (REG-4). A path of its own: under the schedules' /municipalities/{code} it would not be found.
 */
@Path("/api/availability/municipalities/{code}/services/{service}/appointments")
@RolesAllowed({"municipal-admin", "central-admin"})
public class ServiceAppointmentsResource {

    @Inject
    AvailabilityConfig config;
    @Inject
    Clock clock;
    @Inject
    StaffAccess access;

    @GET
    @WithSession
    @Operation(summary = "A service's upcoming booked appointments")
    public Uni<List<AppointmentsResource.Appointment>> ofService(@PathParam("code") String code, @PathParam("service") String serviceId) {
        access.requireOwn(code);
        return Reservation.<Reservation>list("municipalityCode = ?1 and serviceId = ?2 and status = ?3 and endsAt > ?4"
                + " order by startsAt", code, serviceId, Reservation.Status.CONFIRMED, clock.instant())
                .map(found -> AppointmentsResource.appointments(config, found));
    }
}
