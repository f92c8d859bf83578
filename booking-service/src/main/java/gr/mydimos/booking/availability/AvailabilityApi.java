package gr.mydimos.booking.availability;

import gr.mydimos.booking.Mode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * availability-service's reservations, called under booking-service's own identity (client credentials, realm role
 * reservation-holder): booking-service has decided who may book what; availability takes an employee's time only for
 * a booking, and only for this caller. Each reservation belongs to the booking it is taken for.
 */
@RegisterRestClient(configKey = "availability")
@OidcClientFilter
@Path("/api/availability")
interface AvailabilityApi {

    /** staffChoice: the municipality's staff name the employee, whatever its policy on a person's choice. */
    record ReservationRequest(String bookingReference, String municipality, String service, Mode mode,
                              OffsetDateTime start, String employee, String preferredEmployee, boolean staffChoice) {}

    record Reservation(UUID id, String bookingReference, String employee, OffsetDateTime start, OffsetDateTime end,
                       OffsetDateTime createdAt) {}

    /** A closure or leave (kind CLOSURE or LEAVE; unitId, employeeId), as availability's schedule takes it. */
    record ClosureRequest(String kind, String unitId, String employeeId, OffsetDateTime start, OffsetDateTime end,
                          String reason) {}

    record RelocatingClosureRequest(UUID closureId, ClosureRequest closure, List<String> handledBookings) {}

    record ClosureInForce(long id) {}

    record Slot(OffsetDateTime start, OffsetDateTime end) {}

    /** An employee as the schedules know them. */
    record StaffMember(String id, String unitId, boolean active) {}

    @POST
    @Path("reservations")
    Uni<Reservation> reserve(ReservationRequest request);

    @DELETE
    @Path("reservations/{id}")
    Uni<Void> release(@PathParam("id") UUID id, @QueryParam("booking") String bookingReference);

    /** The reservations availability keeps that were taken between the two instants. */
    @GET
    @Path("reservations")
    Uni<List<Reservation>> kept(@QueryParam("from") Instant from, @QueryParam("to") Instant to);

    /** An emergency closure whose stranded bookings (handledBookings) booking-service moves or cancels. */
    @POST
    @Path("internal/municipalities/{code}/closures")
    Uni<ClosureInForce> close(@PathParam("code") String municipality, RelocatingClosureRequest request);

    @GET
    @Path("internal/municipalities/{code}/employees/{id}")
    Uni<StaffMember> staffMember(@PathParam("code") String municipality, @PathParam("id") String id);

    /** Free times of a service in a mode, as the public slot search gives them. */
    @GET
    @Path("slots")
    Uni<List<Slot>> slots(@QueryParam("municipality") String municipality, @QueryParam("service") String service,
                          @QueryParam("mode") Mode mode, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);
}
