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
 * Holds (AV-6) and their confirmation or release. Only booking-service's own identity (its service account, realm
 * role {@code reservation-holder}) may call them: who may book what is booking-service's decision, and an employee's
 * time is taken only for a booking. Each hold belongs to the booking it was taken for; only that booking's reference
 * confirms or releases it. The gateway does not route these paths at all.
 */
@Path("/api/availability/holds")
@RolesAllowed(Roles.RESERVATION_HOLDER)
public class HoldResource {

    /**
     * staffChoice: the booking is made or moved by the municipality's staff (booking-service decided so), who name
     * an employee whatever the municipality's policy on a person's choice.
     */
    public record HoldRequest(@NotBlank String bookingReference, @NotBlank String municipality, @NotBlank String service,
                              @NotNull Mode mode, @NotNull OffsetDateTime start, String employee,
                              String preferredEmployee, boolean staffChoice) {}

    /** A confirmed reservation, for booking-service's reconciliation of reservations against bookings. */
    public record Confirmed(UUID id, String bookingReference, OffsetDateTime createdAt) {}

    public record ConfirmRequest(@NotBlank String bookingReference) {}

    public record Hold(UUID id, String employee, String status, OffsetDateTime start, OffsetDateTime end,
                       OffsetDateTime expiresAt) {}

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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Hold.class)))
    @Operation(summary = "Hold an employee's time for a booking being made (booking-service only)")
    @APIResponse(responseCode = "409", description = "`slot-unavailable`: the time is not free.")
    public Uni<RestResponse<Hold>> hold(@Valid @NotNull HoldRequest request) {
        requireHolder();
        String employee = blankToNull(request.employee());
        return catalogue.require(request.municipality(), request.service(), request.mode())
                .flatMap(service -> reservations.hold(request.municipality(), service, request.start().toInstant(), employee,
                        blankToNull(request.preferredEmployee()), request.staffChoice(), request.bookingReference()))
                .map(r -> RestResponse.ResponseBuilder.<Hold>created(URI.create("/api/availability/holds/" + r.id))
                        .entity(view(r)).build());
    }

    @POST
    @Path("{id}/confirm")
    @Operation(summary = "Confirm a hold: the time is booked (booking-service only)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`hold-not-active`: the hold expired or was released.")
    public Uni<Hold> confirm(@PathParam("id") UUID id, @Valid @NotNull ConfirmRequest request) {
        requireHolder();
        return reservations.confirm(id, request.bookingReference()).map(this::view);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Release a hold or a booked time (booking-service only)")
    public Uni<Void> release(@PathParam("id") UUID id, @QueryParam("booking") @NotBlank String bookingReference) {
        requireHolder();
        return reservations.release(id, bookingReference);
    }

    /** Confirmed reservations taken between two instants (at most 10,000, oldest first). */
    @GET
    @Path("confirmed")
    @Operation(summary = "Confirmed reservations taken between two instants (booking-service only)")
    public Uni<List<Confirmed>> confirmed(@QueryParam("from") String from, @QueryParam("to") String to) {
        requireHolder();
        return reservations.confirmedBetween(instant("from", from), instant("to", to)).map(list -> list.stream()
                .map(r -> new Confirmed(r.id, r.bookingReference, r.createdAt.atZone(config.zone()).toOffsetDateTime()))
                .toList());
    }

    private Hold view(Reservation r) {
        return new Hold(r.id, r.employeeId, r.status.name(), r.startsAt.atZone(config.zone()).toOffsetDateTime(),
                r.endsAt.atZone(config.zone()).toOffsetDateTime(), r.holdExpiresAt.atZone(config.zone()).toOffsetDateTime());
    }

    /** The role, and the employees' realm's client that holds it: booking-service's service account. */
    private void requireHolder() {
        String issuer = token.getIssuer() == null ? "" : token.getIssuer();
        if (!issuer.endsWith("/realms/employees") || !config.reservationHolderClient().equals(token.getClaim("azp"))) {
            throw Problems.forbidden("azp", "Μόνο η υπηρεσία κρατήσεων δεσμεύει χρόνο υπαλλήλων.",
                    "Only booking-service holds an employee's time.");
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
