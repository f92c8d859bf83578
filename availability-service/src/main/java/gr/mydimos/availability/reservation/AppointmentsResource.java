package gr.mydimos.availability.reservation;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.StaffAccess;
import gr.mydimos.availability.schedule.Employee;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Booked appointments from now on, asked by the registry before a change that could strand them (REG-4, REG-5): an
 * employee removed or no longer serving a service, a service no longer offered in a mode or moved to another unit.
 * Municipal admins see their own municipality's; central admins all. (A service's: {@link ServiceAppointmentsResource}.)
 */
@Path("/api/availability/employees/{id}/appointments")
@RolesAllowed({"municipal-admin", "central-admin"})
public class AppointmentsResource {

    public record Appointment(String bookingReference, String service, String mode, OffsetDateTime start, OffsetDateTime end) {}

    @Inject
    AvailabilityConfig config;
    @Inject
    Clock clock;
    @Inject
    StaffAccess access;

    @GET
    @WithSession
    @Operation(summary = "An employee's upcoming booked appointments")
    public Uni<List<Appointment>> ofEmployee(@PathParam("id") String employeeId) {
        return Employee.<Employee>findById(employeeId).flatMap(employee -> {
            if (employee != null) {
                access.requireOwn(employee.municipalityCode);
            }
            return Reservation.<Reservation>list("employeeId = ?1 and status = ?2 and endsAt > ?3 order by startsAt",
                    employeeId, Reservation.Status.CONFIRMED, clock.instant());
        }).map(found -> appointments(config, found));
    }

    static List<Appointment> appointments(AvailabilityConfig config, List<Reservation> reservations) {
        return reservations.stream().map(r -> new Appointment(r.bookingReference, r.serviceId, r.mode,
                r.startsAt.atZone(config.zone()).toOffsetDateTime(), r.endsAt.atZone(config.zone()).toOffsetDateTime())).toList();
    }
}
