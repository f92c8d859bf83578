package gr.mydimos.registry.onboarding;

import gr.mydimos.outbox.Outbox;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.RegistryEvent;
import gr.mydimos.registry.municipality.Municipality;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A central admin suspends an active municipality (REG-1): it is no longer listed or bookable, and availability and
 * booking are told. A new onboarding request, once approved, activates it again.
 */
@Path("/api/registry/municipalities/{code}/suspend")
public class Suspension {

    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @POST
    @RolesAllowed("central-admin")
    @Operation(summary = "Suspend an active municipality")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "409", description = "`municipality-status`: the municipality is not active.")
    public Uni<Void> suspend(@PathParam("code") String code) {
        return suspendInTransaction(code).invoke(outbox::flush);
    }

    @WithTransaction
    Uni<Void> suspendInTransaction(String code) {
        return Municipality.<Municipality>findById(code).flatMap(m -> {
            if (m == null) {
                throw Problems.notFound("Δεν υπάρχει δήμος «" + code + "».", "No municipality '" + code + "'.");
            }
            if (m.status != Municipality.Status.ACTIVE) {
                throw Problems.conflict(ProblemType.MUNICIPALITY_STATUS, "Ο δήμος «" + code + "» δεν είναι ενεργός (" + m.status + ").",
                        "Municipality '" + code + "' is not active (" + m.status + ").");
            }
            m.status = Municipality.Status.SUSPENDED;
            RegistryEvent event = RegistryEvent.of(RegistryEvent.MUNICIPALITY_SUSPENDED, clock.instant(),
                    new RegistryEvent.Municipality(m.code, m.nameEl, m.nameEn, List.of(m.modes), List.of()));
            return outbox.add(RegistryEvent.TOPIC, m.code, event.type(), event.eventId(), event.occurredAt(), event);
        });
    }
}
