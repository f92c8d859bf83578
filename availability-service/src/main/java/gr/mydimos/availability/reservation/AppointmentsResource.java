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
 * An employee's booked appointments from now on, asked by the registry before it removes the employee (REG-5).
 * Municipal admins see their own municipality's employees; central admins all.
 */
@Path("/api/availability/employees/{id}/appointments")
@RolesAllowed({"municipal-admin", "central-admin"})
public class AppointmentsResource {

    public record Appointment(String bookingReference, String service, OffsetDateTime start, OffsetDateTime end) {}

    @Inject
    AvailabilityConfig config;
    @Inject
    Clock clock;
    @Inject
    StaffAccess access;

    @GET
    @WithSession
    @Operation(summary = "An employee's upcoming booked appointments")
    public Uni<List<Appointment>> future(@PathParam("id") String employeeId) {
        return Employee.<Employee>findById(employeeId).flatMap(employee -> {
            if (employee != null) {
                access.requireOwn(employee.municipalityCode);
            }
            return Reservation.<Reservation>list("employeeId = ?1 and status = ?2 and endsAt > ?3 order by startsAt",
                    employeeId, Reservation.Status.CONFIRMED, clock.instant());
        }).map(reservations -> reservations.stream().map(r -> new Appointment(r.bookingReference, r.serviceId,
                r.startsAt.atZone(config.zone()).toOffsetDateTime(),
                r.endsAt.atZone(config.zone()).toOffsetDateTime())).toList());
    }
}
