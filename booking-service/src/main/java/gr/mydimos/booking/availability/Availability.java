package gr.mydimos.booking.availability;

import com.fasterxml.jackson.databind.JsonNode;
import gr.mydimos.booking.Mode;
import gr.mydimos.booking.Problems;
import gr.mydimos.problems.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Employees' time in availability-service, taken for a booking and given back, with availability's answers turned into
 * this service's problems. Who gives an employee's time back, and when: docs/architecture.md ("Reservations").
 */
@ApplicationScoped
public class Availability {

    private static final Logger LOG = Logger.getLogger(Availability.class);

    public record Reservation(UUID id, String employee, OffsetDateTime start, OffsetDateTime end) {}

    /**
     * A time asked for a booking: with the employee the person (or, with {@code staffChoice}, the municipality's staff)
     * chose, or else preferably with {@code preferred} (a moved booking keeps its employee when they are free).
     */
    public record Wanted(String municipality, String service, Mode mode, OffsetDateTime start, String employee,
                         String preferred, boolean staffChoice) {}

    @RestClient
    AvailabilityApi api;

    /**
     * Takes the time for the booking in one call (a 409 problem when it is no longer free) and hands it to {@code use},
     * which commits whatever needs it; if that fails, the time is given back at once. Should this process die in
     * between, {@link ReservationReconciliation} gives it back.
     */
    public <T> Uni<T> reserveFor(String bookingReference, Wanted wanted, Function<Reservation, Uni<T>> use) {
        return api.reserve(new AvailabilityApi.ReservationRequest(bookingReference, wanted.municipality(), wanted.service(),
                        wanted.mode(), wanted.start(), wanted.employee(), wanted.preferred(), wanted.staffChoice()))
                .map(r -> new Reservation(r.id(), r.employee(), r.start(), r.end()))
                .onFailure().transform(Availability::translate)
                .flatMap(reservation -> Uni.createFrom().deferred(() -> use.apply(reservation)) // a throw is a failure too
                        .onFailure().call(() -> release(reservation.id(), bookingReference)));
    }

    /**
     * Gives the booking's reservation back now, so that the time shows free at once. A failure is only logged: a
     * committed change also names the reservation in its event, on which availability releases it
     * (BookingEventConsumer), and a reservation no booking ever used is found by {@link ReservationReconciliation}.
     */
    public Uni<Void> release(UUID reservation, String bookingReference) {
        return api.release(reservation, bookingReference).onFailure().recoverWithItem(failure -> {
            LOG.warnf("Could not release reservation %s of %s now (%s); the booking's event or the reconciliation will",
                    reservation, bookingReference, failure.toString());
            return null;
        });
    }

    /**
     * Puts an emergency closure (or an employee's leave) in force, letting it strand exactly the bookings named; a
     * stranded booking not named (booked meanwhile) refuses it with availability's list.
     */
    public Uni<Long> close(UUID closureId, String municipality, String unitId, String employeeId, OffsetDateTime start,
                           OffsetDateTime end, String reason, List<String> handled) {
        AvailabilityApi.ClosureRequest closure = new AvailabilityApi.ClosureRequest(employeeId != null ? "LEAVE" : "CLOSURE",
                unitId, employeeId, start, end, reason);
        return api.close(municipality, new AvailabilityApi.RelocatingClosureRequest(closureId, closure, handled))
                .map(AvailabilityApi.ClosureInForce::id)
                .onFailure().transform(failure -> {
                    if (failure instanceof WebApplicationException web) {
                        int status = web.getResponse().getStatus();
                        if (status == 409) { // booked in the closed time meanwhile: availability lists them
                            JsonNode body = body(web);
                            return Problems.bookedMeanwhile(body == null ? List.of() : json(body.path("bookings")));
                        }
                        String field = status == 400 ? field(web) : null;
                        if ("unitId".equals(field) || "employeeId".equals(field)) {
                            return Problem.invalidField(field, "δεν υπάρχει στον δήμο", "does not exist in the municipality");
                        }
                    }
                    return translate(failure);
                });
    }

    /** Start times of the free slots of the service in the mode between the two dates (Athens), earliest first. */
    public Uni<List<OffsetDateTime>> freeTimes(String municipality, String service, Mode mode, LocalDate from,
                                               LocalDate to) {
        return api.slots(municipality, service, mode, from, to)
                .map(slots -> slots.stream().map(AvailabilityApi.Slot::start).toList())
                .onFailure().transform(Availability::translate);
    }

    /** Whether the employee is an active one of the unit, as the schedules know them. */
    public Uni<Boolean> servesIn(String municipality, String unitId, String employee) {
        return api.staffMember(municipality, employee).map(m -> m.active() && unitId.equals(m.unitId()))
                .onFailure(f -> f instanceof WebApplicationException web && web.getResponse().getStatus() == 404)
                .recoverWithItem(false)
                .onFailure().transform(failure -> Problems.dependencyUnavailable(
                        "Η υπηρεσία διαθεσιμότητας δεν απάντησε· δεν αλλάχτηκε τίποτα. Δοκιμάστε ξανά.",
                        "The availability service did not answer; nothing was changed. Please try again."));
    }

    private static Throwable translate(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 409) {
                return Problems.slotUnavailable("Η ώρα που επιλέξατε δεν είναι πλέον ελεύθερη· παρακαλούμε επιλέξτε άλλη.",
                    "The chosen time is no longer free; please pick another.");
            }
            if (status == 400 && "employee".equals(field(web))) {
                return Problem.invalidField("employee", "αυτός ο υπάλληλος δεν μπορεί να επιλεγεί για αυτή την υπηρεσία",
                    "this employee cannot be chosen for this service");
            }
            if (status == 400 || status == 404) {
                return Problems.slotUnavailable("Η ώρα που επιλέξατε δεν είναι ώρα ραντεβού αυτής της υπηρεσίας.",
                    "The chosen time is not a bookable time of this service.");
            }
        }
        // the caller only learns that availability did not answer; the log keeps why
        LOG.warnf("Availability did not answer usefully: %s", failure.toString());
        return Problems.dependencyUnavailable("Η υπηρεσία διαθεσιμότητας δεν απάντησε· δεν καταχωρίστηκε τίποτα. Δοκιμάστε ξανά.",
                    "The availability service did not answer; nothing was booked. Please try again.");
    }

    /** The field a problem answer names, if any. */
    private static String field(WebApplicationException web) {
        JsonNode body = body(web);
        return body == null ? null : body.path("field").asText(null);
    }

    private static JsonNode body(WebApplicationException web) {
        try {
            return web.getResponse().readEntity(JsonNode.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static List<JsonNode> json(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
