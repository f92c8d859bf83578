package gr.mydimos.registry.onboarding;

import gr.mydimos.events.RegistryEvent;
import gr.mydimos.outbox.Outbox;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.municipality.Municipality;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * A central admin suspends an active municipality (REG-1): it is no longer listed or bookable, and availability and
 * booking are told. Nobody is stranded: its upcoming bookings are cancelled first, each person told the reason
 * (booking-service), and once it is suspended once more, for any booked in between. A new onboarding request, once
 * approved, activates it again.
 */
@Path("/api/registry/municipalities/{code}/suspend")
public class Suspension {

    private static final Logger LOG = Logger.getLogger(Suspension.class);

    /** reason: why, in the words the people whose bookings are cancelled read. */
    @Schema(name = "MunicipalitySuspension")
    public record Request(@NotBlank @Size(max = 500) String reason) {}

    @Schema(name = "MunicipalitySuspended", requiredProperties = {"municipality", "cancelledBookings"})
    public record Suspended(String municipality, int cancelledBookings) {}

    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @RestClient
    BookingApi bookings;

    @POST
    @RolesAllowed("central-admin")
    @Operation(summary = "Suspend an active municipality, cancelling its upcoming bookings with the reason")
    @APIResponse(responseCode = "200", description = "Suspended; how many bookings were cancelled")
    @APIResponse(responseCode = "409", description = "`municipality-status`: the municipality is not active.")
    @APIResponse(responseCode = "503", description = "`dependency-unavailable`: the bookings could not be cancelled; nothing was suspended.")
    public Uni<Suspended> suspend(@PathParam("code") String code, @Valid @NotNull Request request) {
        String reason = request.reason().strip();
        return active(code)
                .chain(() -> cancelUpcoming(code, reason))
                .chain(first -> suspendInTransaction(code)
                        // anyone who booked while it was being suspended is told too
                        .chain(() -> cancelUpcoming(code, reason).onFailure().recoverWithItem(failure -> {
                            LOG.errorf("Suspended %s, but bookings made meanwhile were not cancelled: %s", code, failure);
                            return List.of();
                        }))
                        .map(second -> new Suspended(code, first.size() + second.size())));
    }

    private Uni<List<String>> cancelUpcoming(String code, String reason) {
        return bookings.cancelUpcoming(code, new BookingApi.Request(reason)).map(BookingApi.Cancelled::cancelled)
                // booking-service cancels all or none: nothing has changed
                .onFailure().transform(failure -> Problems.unavailable("Η υπηρεσία κρατήσεων", "booking service"));
    }

    @WithSession
    Uni<Void> active(String code) {
        return Municipality.<Municipality>findById(code).invoke(m -> requireActive(code, m)).replaceWithVoid();
    }

    @WithTransaction
    Uni<Void> suspendInTransaction(String code) {
        return Municipality.<Municipality>findById(code).flatMap(m -> {
            requireActive(code, m);
            m.status = Municipality.Status.SUSPENDED;
            RegistryEvent event = RegistryEvent.of(RegistryEvent.MUNICIPALITY_SUSPENDED, clock.instant(),
                    new RegistryEvent.Municipality(m.code, m.nameEl, m.nameEn, List.of(m.modes), List.of()));
            return outbox.add(RegistryEvent.TOPIC, m.code, event.type(), event.eventId(), event.occurredAt(), event);
        });
    }

    private static void requireActive(String code, Municipality m) {
        if (m == null) {
            throw Problems.notFound("Δεν υπάρχει δήμος «" + code + "».", "No municipality '" + code + "'.");
        }
        if (m.status != Municipality.Status.ACTIVE) {
            throw Problems.conflict(ProblemType.MUNICIPALITY_STATUS, "Ο δήμος «" + code + "» δεν είναι ενεργός (" + m.status + ").",
                    "Municipality '" + code + "' is not active (" + m.status + ").");
        }
    }
}
