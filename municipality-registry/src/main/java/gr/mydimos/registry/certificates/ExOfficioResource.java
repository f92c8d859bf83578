package gr.mydimos.registry.certificates;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.problems.Problem;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.certificates.ExOfficioDocuments.ExOfficioDocument;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * For the clerk preparing an appointment (seed 003, αυτεπάγγελτα): which of the service's required documents are
 * Citizen Registry certificates the office retrieves itself, and whether the registry holds the record for the
 * person — ready, so the citizen brings nothing — or not, so the office must ask for it. Each record found is logged
 * as read by the clerk.
 *
 * <p>Whether a person has a birth act or a family record is itself a registry fact. Staff with a registry duty
 * ({@code civil-registry}, {@code municipal-registry}) ask by service and tax number and see the records' ids; other
 * staff ask for a booking of their municipality ({@code booking}, which booking-service shows them only if they may
 * see it), learn only whether each document is ready, and never a record id.
 */
@Path("/api/registry/ex-officio-documents")
@RolesAllowed({"clerk", "municipal-admin"})
public class ExOfficioResource {

    @Inject
    ExOfficioDocuments documents;
    @Inject
    JsonWebToken token;
    @Inject
    ActingMunicipality acting;
    @Inject
    SecurityIdentity identity;
    @RestClient
    BookingApi bookings;

    @GET
    @Operation(summary = "The documents of an appointment the office retrieves itself, and whether each is ready")
    @APIResponse(responseCode = "404", description = "`not-found`: no booking with this reference in the caller's municipality, or no such service.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "503", description = "`dependency-unavailable`: the booking service did not answer.")
    public Uni<List<ExOfficioDocument>> forAppointment(@QueryParam("service") String serviceId,
                                                       @QueryParam("taxId") String taxId,
                                                       @QueryParam("booking") String reference) {
        boolean duty = identity.hasRole("civil-registry") || identity.hasRole("municipal-registry");
        if (reference == null || reference.isBlank()) {
            if (!duty) {
                throw Problems.forbidden("booking", "Χωρίς αρμοδιότητα μητρώου, μπορείτε να ζητήσετε έγγραφα μόνο για συγκεκριμένο ραντεβού (booking).",
                        "Staff without a registry duty ask for the documents of a booking.");
            }
            return documents.of(serviceId, taxId, true);
        }
        if (!reference.matches("[A-Z0-9-]{4,32}")) {
            throw Problem.invalidField("booking", "ένας κωδικός ραντεβού όπως K7QX-M4PA", "a booking reference such as K7QX-M4PA");
        }
        return bookings.get(reference, acting.code())
                .onFailure(WebApplicationException.class).transform(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    return status == 403 || status == 404 ? Problems.notFound("Δεν υπάρχει ραντεβού " + reference + " του δήμου σας.",
                            "No booking " + reference + " of your municipality.")
                            : Problems.unavailable("Η υπηρεσία κρατήσεων", "booking service");
                })
                .onFailure(failure -> !(failure instanceof WebApplicationException) && !(failure instanceof Problem))
                .transform(failure -> Problems.unavailable("Η υπηρεσία κρατήσεων", "booking service"))
                .flatMap(booking -> {
                    if (booking.person() == null || booking.person().taxId() == null) {
                        throw Problem.invalidField("booking", "το ραντεβού δεν αναφέρει ΑΦΜ για αναζήτηση",
                                "the booking names no tax number to look up");
                    }
                    return documents.of(booking.service(), booking.person().taxId(), duty);
                });
    }
}
