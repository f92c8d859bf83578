package gr.mydimos.booking.availability;

import gr.mydimos.booking.Mode;
import gr.mydimos.booking.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Holds and reservations in availability-service, with its answers turned into this service's problems. */
@ApplicationScoped
public class Availability {

    private static final Logger LOG = Logger.getLogger(Availability.class);

    public record Reservation(UUID id, String employee, OffsetDateTime start, OffsetDateTime end) {}

    @RestClient
    AvailabilityApi api;

    /**
     * Holds the slot, with the employee the person chose, or else preferably with {@code preferred} (a moved booking
     * keeps its employee when they are free); a 409 problem when it is no longer free.
     */
    public Uni<Reservation> hold(String municipality, String service, Mode mode, OffsetDateTime start, String employee,
                                 String preferred) {
        return api.hold(new AvailabilityApi.HoldRequest(municipality, service, mode, start, employee, preferred))
                .map(h -> new Reservation(h.id(), h.employee(), h.start(), h.end()))
                .onFailure().transform(Availability::translate);
    }

    public Uni<Void> confirm(UUID reservation, String bookingReference) {
        return api.confirm(reservation, new AvailabilityApi.ConfirmRequest(bookingReference)).replaceWithVoid()
                .onFailure().transform(Availability::translate);
    }

    /** Best effort: a hold that cannot be released expires by itself. */
    public Uni<Void> release(UUID reservation) {
        return api.release(reservation).onFailure().recoverWithItem(failure -> {
            LOG.warnf("Could not release reservation %s (%s); it expires by itself if only held", reservation, failure.toString());
            return null;
        });
    }

    private static Throwable translate(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 409) {
                return Problems.slotUnavailable("The chosen time is no longer free; please pick another.");
            }
            if (status == 400 && "employee".equals(field(web))) {
                return Problems.invalidField("employee", "this municipality assigns the employee; it cannot be chosen");
            }
            if (status == 400 || status == 404) {
                return Problems.slotUnavailable("The chosen time is not a bookable time of this service.");
            }
        }
        return Problems.dependencyUnavailable("availability service");
    }

    /** The field a problem answer names, if any. */
    private static String field(WebApplicationException web) {
        try {
            return web.getResponse().readEntity(com.fasterxml.jackson.databind.JsonNode.class).path("field").asText(null);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
