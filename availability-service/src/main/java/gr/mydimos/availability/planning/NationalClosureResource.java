package gr.mydimos.availability.planning;

import gr.mydimos.availability.Problems;
import gr.mydimos.availability.calendar.NationalClosure;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Closures the state declares for every municipality at once (AV-2): a moved holiday — 4 May 2027, when Labour Day
 * falls on Holy Saturday — or a day of national mourning. Staff read them; a central admin declares and withdraws
 * them. A declaration that would strand booked appointments anywhere is refused with all of them listed (AV-7), so
 * that they are moved first, and nothing is applied.
 */
@Path("/api/availability/national-closures")
public class NationalClosureResource {

    public record ClosureRequest(@NotNull LocalDate day, @NotBlank @Size(max = 200) String nameEl,
                                 @NotBlank @Size(max = 200) String nameEn, LocalDate movedFrom) {}

    public record ClosureView(long id, LocalDate day, String nameEl, String nameEn, LocalDate movedFrom) {
        static ClosureView of(NationalClosure c) {
            return new ClosureView(c.id, c.day, c.nameEl, c.nameEn, c.movedFrom);
        }
    }

    @Inject
    ScheduleConflicts conflicts;
    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed({"clerk", "municipal-admin", "central-admin"})
    @WithSession
    @Operation(summary = "List the national closures and moved holidays")
    public Uni<List<ClosureView>> list() {
        return NationalClosure.<NationalClosure>listAll(io.quarkus.panache.common.Sort.by("day"))
                .map(all -> all.stream().map(ClosureView::of).toList());
    }

    @POST
    @RolesAllowed("central-admin")
    @WithTransaction
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClosureView.class)))
    @Operation(summary = "Declare a national closure or a moved holiday for every municipality")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`); or `already-exists`: the day is already a national closure.")
    public Uni<RestResponse<ClosureView>> declare(@Valid @NotNull ClosureRequest request) {
        if (request.day().equals(request.movedFrom())) {
            throw Problem.invalidField("movedFrom", "πρέπει να διαφέρει από την ημέρα (day)", "must differ from 'day'");
        }
        return NationalClosure.count("day", request.day()).flatMap(existing -> {
            if (existing > 0) {
                throw Problems.conflict(ProblemType.ALREADY_EXISTS, "Η ημερομηνία " + request.day()
                        + " έχει ήδη καταχωριστεί ως ημέρα κλεισίματος σε όλη τη χώρα.", request.day() + " is already a national closure.");
            }
            // opening the day a holiday moved from strands nothing; closing the new day may
            return conflicts.guardDays(Set.of(request.day()), () -> {
                NationalClosure closure = new NationalClosure();
                closure.day = request.day();
                closure.nameEl = request.nameEl().strip();
                closure.nameEn = request.nameEn().strip();
                closure.movedFrom = request.movedFrom();
                closure.declaredBy = token.getName();
                return closure.<NationalClosure>persist();
            });
        }).map(c -> RestResponse.ResponseBuilder.<ClosureView>created(
                URI.create("/api/availability/national-closures/" + c.id)).entity(ClosureView.of(c)).build());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("central-admin")
    @WithTransaction
    @Operation(summary = "Withdraw a national closure")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: the day a moved holiday came from would close again on booked appointments.")
    public Uni<Void> withdraw(@PathParam("id") long id) {
        return NationalClosure.<NationalClosure>findById(id).flatMap(c -> {
            if (c == null) {
                throw Problems.notFound("id", "Δεν υπάρχει ημέρα κλεισίματος σε όλη τη χώρα με αναγνωριστικό " + id + ".", "No national closure " + id + ".");
            }
            // the day a moved holiday came from closes again when the move is withdrawn
            return c.movedFrom == null ? c.delete() : conflicts.guardDays(Set.of(c.movedFrom), c::delete);
        });
    }
}
