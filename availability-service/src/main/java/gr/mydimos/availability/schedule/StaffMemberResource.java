package gr.mydimos.availability.schedule;

import gr.mydimos.availability.Roles;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One employee of a municipality as the schedules know them (their unit, whether they still serve): for booking-service
 * to check that a colleague named to take a video call is of the booking's unit. Only booking-service's own identity
 * may call it; the gateway does not route it.
 */
@Path("/api/availability/internal/municipalities/{code}/employees/{id}")
@RolesAllowed(Roles.RESERVATION_HOLDER)
public class StaffMemberResource {

    public record StaffMember(String id, String unitId, boolean active) {}

    @GET
    @WithSession
    @Operation(summary = "One employee's unit and whether they serve (services only)")
    @APIResponse(responseCode = "200", description = "The employee")
    @APIResponse(responseCode = "404", description = "`not-found`: no such employee in the municipality.")
    public Uni<StaffMember> one(@PathParam("code") String code, @PathParam("id") String id) {
        return Employee.<Employee>findById(id).map(e -> {
            if (e == null || !e.municipalityCode.equals(code)) {
                throw Problem.of(ProblemType.NOT_FOUND).detail("Δεν υπάρχει τέτοιος υπάλληλος στον δήμο.",
                        "There is no such employee in the municipality.").with("field", "employee").build();
            }
            return new StaffMember(e.id, e.unitId, e.active);
        });
    }
}
