package gr.mydimos.booking.availability;

import com.fasterxml.jackson.databind.JsonNode;
import gr.mydimos.booking.Mode;
import gr.mydimos.booking.Problems;
import gr.mydimos.booking.Topics;
import gr.mydimos.outbox.Outbox;
import gr.mydimos.problems.Problem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /**
     * Holds the slot for the booking, with the employee the person (or, with {@code staffChoice}, the municipality's
     * staff) chose, or else preferably with {@code preferred} (a moved booking keeps its employee when they are free);
     * a 409 problem when it is no longer free.
     */
    public Uni<Reservation> hold(String bookingReference, String municipality, String service, Mode mode,
                                 OffsetDateTime start, String employee, String preferred, boolean staffChoice) {
        return api.hold(new AvailabilityApi.HoldRequest(bookingReference, municipality, service, mode, start, employee,
                        preferred, staffChoice))
                .map(h -> new Reservation(h.id(), h.employee(), h.start(), h.end()))
                .onFailure().transform(Availability::translate);
    }

    public Uni<Void> confirm(UUID reservation, String bookingReference) {
        return api.confirm(reservation, new AvailabilityApi.ConfirmRequest(bookingReference)).replaceWithVoid()
                .onFailure().transform(Availability::translate);
    }

    /**
     * Frees the reservation. If availability cannot be reached, the request is not lost: it is written to the outbox
     * as a {@code ReservationReleaseRequested} event (docs/events.md), which availability acts on when it gets it, so a
     * failed booking never keeps an employee's time. A hold never confirmed also expires by itself.
     */
    public Uni<Void> release(UUID reservation, String bookingReference) {
        return api.release(reservation, bookingReference).onFailure().recoverWithUni(failure -> {
            LOG.warnf("Could not release reservation %s of %s now (%s); asking again through the outbox", reservation,
                    bookingReference, failure.toString());
            UUID eventId = UUID.randomUUID();
            Instant now = clock.instant();
            ReleaseRequested event = new ReleaseRequested(eventId, "ReservationReleaseRequested", 1, now,
                    new ReleaseRequested.Booking(bookingReference, reservation));
            return Panache.withTransaction(() -> outbox.add(Topics.BOOKING_EVENTS, bookingReference, event.type(), eventId, now, event))
                    .onFailure().recoverWithItem(lost -> {
                        LOG.errorf("Reservation %s of %s could not be released nor recorded for release: %s", reservation,
                                bookingReference, lost.toString());
                        return null;
                    });
        });
    }

    /** The event that asks availability to free a reservation booking-service could not release itself. */
    record ReleaseRequested(UUID eventId, String type, int schemaVersion, Instant occurredAt, Booking booking) {
        record Booking(String reference, UUID reservationId) {}
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
