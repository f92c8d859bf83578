package gr.mydimos.notification.deliverylog;

import gr.mydimos.notification.Problems;
import gr.mydimos.notification.message.Message;
import gr.mydimos.problems.Problem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** What was planned and sent about one booking, and what became of it (API.md). */
@Path("/api/notifications")
public class DeliveryLogResource {

    /** One message: no addresses or contents, only what happened to it. */
    public record Entry(Message.Kind kind, Message.RecipientRole to, Instant dueAt, Message.Status status,
                        Instant sentAt, int attempts, String cancelledBecause, String lastError) {}

    private static final List<String> STAFF = List.of("clerk", "municipal-admin", "central-admin");

    @Inject
    @RestClient
    BookingApi bookings;
    @Inject
    SecurityIdentity identity;

    /**
     * The messages of a booking, in the order they are due. Clerks and admins of the booking's municipality and the
     * citizen who owns it; booking-service decides, with the caller's token, whether the caller may see the booking.
     */
    @GET
    @WithSession
    @RolesAllowed({"citizen", "business-rep", "clerk", "municipal-admin", "central-admin"})
    @Operation(summary = "The messages of a booking and whether each was delivered")
    @APIResponse(responseCode = "404", description = "`not-found`: no booking with this reference that the caller may see.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "503", description = "`dependency-unavailable`: the booking service did not answer.")
    public Uni<List<Entry>> of(@QueryParam("booking") String reference,
                              @HeaderParam("Mydimos-Municipality") String municipality) {
        if (reference == null || reference.isBlank()) {
            throw Problem.invalidField("booking", "ο κωδικός του ραντεβού είναι υποχρεωτικός", "the booking's reference is required");
        }
        boolean staff = STAFF.stream().anyMatch(identity::hasRole);
        return bookings.booking(reference.strip(), municipality)
                .onFailure(WebApplicationException.class).transform(failure ->
                        switch (((WebApplicationException) failure).getResponse().getStatus()) {
                            case 404 -> Problems.bookingNotFound(reference);
                            case 403 -> Problems.forbidden("Το ραντεβού ανήκει σε άλλον δήμο.",
                                    "The booking belongs to another municipality.");
                            // an employee of several municipalities who named none (or one not theirs)
                            case 400 -> Problem.invalidField("Mydimos-Municipality",
                                    "επιλέξτε τον δήμο για τον οποίο ενεργείτε", "choose the municipality you act for");
                            default -> Problems.bookingsUnavailable();
                        })
                .onFailure(ProcessingException.class).transform(failure -> Problems.bookingsUnavailable())
                .flatMap(visible -> entries(visible.reference(), staff));
    }

    private static Uni<List<Entry>> entries(String reference, boolean staff) {
        return Message.<Message>list("bookingReference = ?1 ORDER BY dueAt, calendarSequence, recipientRole", reference)
                .map(messages -> messages.stream().map(m -> new Entry(m.kind, m.recipientRole, m.dueAt, m.status,
                        m.sentAt, m.attempts, m.cancelledBecause, staff ? m.lastError : null)).toList());
    }
}
