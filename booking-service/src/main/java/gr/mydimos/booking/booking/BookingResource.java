package gr.mydimos.booking.booking;

import gr.mydimos.booking.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/bookings")
public class BookingResource {

    @Inject
    BookingService bookings;
    @Inject
    SecurityIdentity identity;

    /**
     * A citizen books for themselves or another person; a clerk books for a caller (channel PHONE or COUNTER).
     * A repeated request with the same Idempotency-Key answers with the booking the first one made.
     */
    @POST
    @RolesAllowed({"citizen", "business-rep", "clerk"})
    public Uni<RestResponse<BookingView>> create(@Valid @NotNull BookingRequest request,
                                                 @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw Problems.invalidField("Idempotency-Key", "must be 1 to 100 characters");
        }
        return bookings.create(request, Caller.of(identity), idempotencyKey)
                .map(created -> RestResponse.ResponseBuilder
                        .<BookingView>created(URI.create("/api/bookings/" + created.booking().reference()))
                        .entity(created.booking())
                        .header("Idempotent-Replayed", created.replayed())
                        .build());
    }

    /** The caller's own bookings (citizens). */
    @GET
    @RolesAllowed({"citizen", "business-rep"})
    public Uni<List<BookingView>> mine() {
        return bookings.mine(Caller.of(identity));
    }

    /** One booking: a citizen's own, or any of an employee's municipality (all for a central admin). */
    @GET
    @Path("{reference}")
    @RolesAllowed({"citizen", "business-rep", "clerk", "municipal-admin", "central-admin"})
    public Uni<BookingView> one(@PathParam("reference") String reference) {
        return bookings.find(reference, Caller.of(identity));
    }
}
