package gr.mydimos.availability.reservation;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.Mode;
import gr.mydimos.availability.Problems;
import gr.mydimos.availability.Roles;
import gr.mydimos.availability.catalogue.Catalogue;
import gr.mydimos.problems.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An employee's time taken for a booking, and given back. Only booking-service's own identity (its service account,
 * realm role {@code reservation-holder}) may call: who may book what is booking-service's decision, and an employee's
 * time is taken only for a booking. Each reservation belongs to the booking it was taken for; only that booking's
 * reference releases it. The gateway does not route these paths at all.
 */
@Path("/api/availability/reservations")
@RolesAllowed(Roles.RESERVATION_HOLDER)
public class ReservationResource {

    /**
     * staffChoice: the booking is made or moved by the municipality's staff (booking-service decided so), who name
     * an employee whatever the municipality's policy on a person's choice.
     */
    public record ReservationRequest(@NotBlank String bookingReference, @NotBlank String municipality,
                                     @NotBlank String service, @NotNull Mode mode, @NotNull OffsetDateTime start,
                                     String employee, String preferredEmployee, boolean staffChoice) {}

    public record ReservationView(UUID id, String bookingReference, String employee, OffsetDateTime start,
                                  OffsetDateTime end, OffsetDateTime createdAt) {}

    @Inject
    Catalogue catalogue;
    @Inject
    Reservations reservations;
    @Inject
    AvailabilityConfig config;
    @Inject
    JsonWebToken token;

    @POST
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @Operation(summary = "Take an employee's time for a booking (booking-service only)")
    @APIResponse(responseCode = "409", description = "`slot-unavailable`: the time is not free.")
    public Uni<RestResponse<ReservationView>> reserve(@Valid @NotNull ReservationRequest request) {
        requireHolder();
        return catalogue.require(request.municipality(), request.service(), request.mode())
                .flatMap(service -> reservations.reserve(request.municipality(), service, request.start().toInstant(),
                        blankToNull(request.employee()), blankToNull(request.preferredEmployee()), request.staffChoice(),
                        request.bookingReference()))
                .map(r -> RestResponse.ResponseBuilder.<ReservationView>created(
                        URI.create("/api/availability/reservations/" + r.id)).entity(view(r)).build());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Give a booking's reserved time back (booking-service only); releasing twice is harmless")
    @APIResponse(responseCode = "204", description = "Released")
    @APIResponse(responseCode = "404", description = "`not-found`: no such reservation of that booking.")
    public Uni<Void> release(@PathParam("id") UUID id, @QueryParam("booking") @NotBlank String bookingReference) {
        requireHolder();
        return reservations.release(id, bookingReference).invoke(known -> {
            if (!known) {
                throw Problems.notFound("id", "Δεν υπάρχει δέσμευση " + id + " του ραντεβού " + bookingReference + ".",
                        "No reservation " + id + " of booking " + bookingReference + ".");
            }
        }).replaceWithVoid();
    }

    /** Reservations kept that were taken between two instants (at most 10,000, oldest first). */
    @GET
    @Operation(summary = "Reservations kept that were taken between two instants (booking-service only)")
    public Uni<List<ReservationView>> kept(@QueryParam("from") String from, @QueryParam("to") String to) {
        requireHolder();
        return reservations.keptBetween(instant("from", from), instant("to", to))
                .map(list -> list.stream().map(this::view).toList());
    }

    private ReservationView view(Reservation r) {
        return new ReservationView(r.id, r.bookingReference, r.employeeId, at(r.startsAt), at(r.endsAt), at(r.createdAt));
    }

    private OffsetDateTime at(Instant instant) {
        return instant.atZone(config.zone()).toOffsetDateTime();
    }

    /** The role, and the employees' realm's client that holds it: booking-service's service account. */
    private void requireHolder() {
        String issuer = token.getIssuer() == null ? "" : token.getIssuer();
        if (!issuer.endsWith("/realms/employees") || !config.reservationHolderClient().equals(token.getClaim("azp"))) {
            throw Problems.forbidden("azp", "Μόνο η υπηρεσία κρατήσεων δεσμεύει χρόνο υπαλλήλων.",
                    "Only booking-service reserves an employee's time.");
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw Problem.invalidField(field, "μια χρονική στιγμή όπως 2026-12-01T10:00:00+02:00",
                    "an instant such as 2026-12-01T10:00:00+02:00");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
