package gr.mydimos.availability.reservation;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.Mode;
import gr.mydimos.availability.catalogue.Catalogue;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Holds (AV-6) and their confirmation or release, called by booking-service with the signed-in person's token.
 * Any signed-in person or employee may call it; who may book what is booking-service's decision.
 */
@Path("/api/availability/holds")
@Authenticated
public class HoldResource {

    public record HoldRequest(@NotBlank String municipality, @NotBlank String service, @NotNull Mode mode,
                              @NotNull OffsetDateTime start, String employee, String preferredEmployee) {}

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
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;

    @POST
    public Uni<RestResponse<Hold>> hold(@Valid @NotNull HoldRequest request) {
        String employee = blankToNull(request.employee());
        return catalogue.require(request.municipality(), request.service(), request.mode())
                .flatMap(service -> reservations.hold(request.municipality(), service, request.start().toInstant(), employee,
                        blankToNull(request.preferredEmployee()), staffOf(request.municipality())))
                .map(r -> RestResponse.ResponseBuilder.<Hold>created(URI.create("/api/availability/holds/" + r.id))
                        .entity(view(r)).build());
    }

    @POST
    @Path("{id}/confirm")
    public Uni<Hold> confirm(@PathParam("id") UUID id, @Valid @NotNull ConfirmRequest request) {
        return reservations.confirm(id, request.bookingReference()).map(this::view);
    }

    @DELETE
    @Path("{id}")
    public Uni<Void> release(@PathParam("id") UUID id) {
        return reservations.release(id);
    }

    private Hold view(Reservation r) {
        return new Hold(r.id, r.employeeId, r.status.name(), r.startsAt.atZone(config.zone()).toOffsetDateTime(),
                r.endsAt.atZone(config.zone()).toOffsetDateTime(), r.holdExpiresAt.atZone(config.zone()).toOffsetDateTime());
    }

    /** The municipality's admins (a transfer they propose) name the employee whatever the person's choice policy. */
    private boolean staffOf(String municipality) {
        return identity.hasRole("central-admin")
                || identity.hasRole("municipal-admin") && municipality.equals(token.getClaim("municipality"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
