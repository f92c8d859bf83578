package gr.mydimos.booking.booking;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.problems.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/bookings")
public class BookingResource {

    @Inject
    BookingService bookings;
    @Inject
    BookingChanges changes;
    @Inject
    Agenda agenda;
    @Inject
    BookingTransfers transfers;
    @Inject
    SecurityIdentity identity;
    @Inject
    ActingMunicipality acting;

    /** The body of a reschedule: the new start, and optionally the employee where the municipality lets people choose. */
    /** How a caller asked the staff who act for them; the person's own changes need none. */
    static final String CHANNEL = "Staff acting for a caller: how the caller asked, `PHONE` or `COUNTER`.";

    /** channel: how the caller asked, when staff change it for them (PHONE or COUNTER); a citizen's own is ONLINE. */
    public record Reschedule(@NotNull OffsetDateTime start, @Size(max = 100) String employee, Booking.Channel channel) {}


    /** A transfer proposal: the new start, optionally a named employee, and why (shown to the applicant). */
    public record TransferProposal(@NotNull OffsetDateTime start, @Size(max = 100) String employee,
                                   @jakarta.validation.constraints.NotBlank @Size(max = 500) String reason) {}

    /**
     * A citizen books for themselves or another person; a clerk books for a caller (channel PHONE or COUNTER).
     * A repeated request with the same Idempotency-Key answers with the booking the first one made.
     */
    @POST
    @RolesAllowed({"citizen", "business-rep", "clerk"})
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    @Operation(summary = "Book an appointment")
    @APIResponse(responseCode = "409", description = "`slot-unavailable`: the time is not free (any more); `booking-limit-reached`: the person has as many upcoming bookings of this service as allowed.")
    @APIResponse(responseCode = "422", description = "`idempotency-key-reused`: the Idempotency-Key was used for another request.")
    @APIResponse(responseCode = "503", description = "`dependency-unavailable`: a service the booking needs did not answer; nothing was booked.")
    public Uni<RestResponse<BookingView>> create(@Valid @NotNull BookingRequest request,
                                                 @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw Problem.invalidField("Idempotency-Key", "πρέπει να έχει από 1 έως 100 χαρακτήρες", "must be 1 to 100 characters");
        }
        Caller caller = Caller.of(identity, acting);
        return bookings.create(request, caller, idempotencyKey)
                .map(created -> RestResponse.ResponseBuilder
                        .<BookingView>created(URI.create("/api/bookings/" + created.booking().reference()))
                        .entity(created.booking().seenBy(caller))
                        .header("Idempotent-Replayed", created.replayed())
                        .build());
    }

    /** The caller's own bookings (citizens). */
    @GET
    @RolesAllowed({"citizen", "business-rep"})
    @Operation(summary = "The signed-in citizen's bookings")
    public Uni<List<BookingView>> mine() {
        Caller caller = Caller.of(identity, acting);
        return bookings.mine(caller).map(views -> seenBy(views, caller));
    }

    /**
     * The call centre: a caller's bookings with the clerk's municipality (all municipalities for a central admin), by
     * the tax number the caller gives, next first — the ones the person made online and those made for them by staff.
     */
    @GET
    @Path("of-person")
    @RolesAllowed({"clerk", "municipal-admin", "central-admin"})
    @Operation(summary = "A person's bookings with the caller's municipality, by tax number")
    public Uni<List<BookingView>> ofPerson(@QueryParam("taxId")
                                           @Parameter(description = "The person's tax number (ΑΦΜ), nine digits.") String taxId) {
        if (taxId == null || !TaxNumber.isValid(taxId)) {
            throw Problem.invalidField("taxId", "πρέπει να είναι έγκυρος ΑΦΜ (εννέα ψηφία)", "must be a valid Greek tax number (nine digits)");
        }
        Caller caller = Caller.of(identity, acting);
        return bookings.ofPerson(taxId, caller).map(views -> seenBy(views, caller));
    }

    /** A day's appointments of the caller's municipality (a central admin names it), by unit or employee (BK-8). */
    @GET
    @Path("agenda")
    @RolesAllowed({"clerk", "municipal-admin", "central-admin"})
    @Operation(summary = "A day's appointments of a municipality, by unit or employee")
    public Uni<List<BookingView>> agenda(@QueryParam("date") String date, @QueryParam("unit") String unit,
                                         @QueryParam("employee") String employee,
                                         @QueryParam("municipality") String municipality) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw Problem.invalidField("date", "πρέπει να είναι ημερομηνία της μορφής ΕΕΕΕ-ΜΜ-ΗΗ (YYYY-MM-DD)",
                    "must be a date YYYY-MM-DD");
        }
        Caller caller = Caller.of(identity, acting);
        return agenda.of(caller, municipality, day, unit, employee).map(views -> seenBy(views, caller));
    }

    /**
     * The citizen moves their booking to another free time, until the cut-off (BK-6); the municipality's clerks and
     * admins for a caller (channel PHONE or COUNTER), at any time before it starts.
     */
    @POST
    @Path("{reference}/reschedule")
    @RolesAllowed({"citizen", "business-rep", "clerk", "municipal-admin"})
    @Operation(summary = "Move a booking to another free time", description = "Staff of the booking's municipality do it"
            + " for a caller and say how the caller asked (`channel`: PHONE or COUNTER); the cut-off applies to citizens only.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`change-cut-off-passed`: too late to change online; `slot-unavailable`: the new time is not free; `booking-status`: not possible in its status (or already started); `changed-meanwhile`.")
    @APIResponse(responseCode = "503", description = "`dependency-unavailable`: availability did not answer; nothing was changed.")
    public Uni<BookingView> reschedule(@PathParam("reference") String reference, @Valid @NotNull Reschedule request) {
        Caller caller = Caller.of(identity, acting);
        return changes.reschedule(reference, request.start(), request.employee(), request.channel(), caller).map(view -> view.seenBy(caller));
    }

    /**
     * The citizen cancels until the cut-off; the municipality's clerks and admins at any time before it takes place —
     * for a caller saying how they asked (channel PHONE or COUNTER), or on the municipality's own decision (no channel).
     */
    @POST
    @Path("{reference}/cancel")
    @RolesAllowed({"citizen", "business-rep", "clerk", "municipal-admin", "central-admin"})
    @Operation(summary = "Cancel a booking")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`change-cut-off-passed`: too late to cancel online; `booking-status`: not possible in its status; `changed-meanwhile`.")
    public Uni<BookingView> cancel(@PathParam("reference") String reference,
                                   @QueryParam("channel") @Parameter(description = CHANNEL) String channel) {
        Caller caller = Caller.of(identity, acting);
        return changes.cancel(reference, Channels.stated(channel), caller).map(view -> view.seenBy(caller));
    }

    /** A municipal admin proposes moving the booking to another time or employee; it moves only if the applicant accepts. */
    @POST
    @Path("{reference}/transfer")
    @RolesAllowed({"municipal-admin", "central-admin"})
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingTransfers.TransferView.class)))
    @Operation(summary = "Propose moving a booking to another time or employee (the applicant decides)")
    @APIResponse(responseCode = "409", description = "`booking-status`: only an upcoming confirmed booking, without another proposal awaiting an answer; `slot-unavailable`: the proposed time is not free.")
    @APIResponse(responseCode = "503", description = "`dependency-unavailable`: availability did not answer; nothing was proposed.")
    public Uni<RestResponse<BookingTransfers.TransferView>> transfer(@PathParam("reference") String reference,
                                                                    @Valid @NotNull TransferProposal request) {
        return transfers.propose(reference, request.start(), request.employee(), request.reason(), Caller.of(identity, acting))
                .map(view -> RestResponse.ResponseBuilder.<BookingTransfers.TransferView>created(
                        URI.create("/api/bookings/" + reference + "/transfer")).entity(view).build());
    }

    /**
     * The applicant accepts the proposed transfer (their recorded consent): online, or given to a clerk on the phone or
     * at the counter (channel PHONE or COUNTER; the clerk is recorded as having taken it).
     */
    @POST
    @Path("{reference}/transfer/accept")
    @RolesAllowed({"citizen", "business-rep", "clerk"})
    @Operation(summary = "Accept the proposed transfer")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`transfer-expired`; `booking-status`: no proposal awaits an answer, or the booking is not confirmed.")
    public Uni<BookingView> acceptTransfer(@PathParam("reference") String reference,
                                           @QueryParam("channel") @Parameter(description = CHANNEL) String channel) {
        Caller caller = Caller.of(identity, acting);
        return transfers.accept(reference, Channels.stated(channel), caller).map(view -> view.seenBy(caller));
    }

    /**
     * The applicant declines the proposed transfer (online, or to a clerk: channel PHONE or COUNTER): the booking
     * stays, the proposed time is freed at once.
     */
    @POST
    @Path("{reference}/transfer/decline")
    @RolesAllowed({"citizen", "business-rep", "clerk"})
    @Operation(summary = "Decline the proposed transfer")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`booking-status`: no proposal awaits an answer.")
    public Uni<BookingTransfers.TransferView> declineTransfer(@PathParam("reference") String reference,
                                                              @QueryParam("channel") @Parameter(description = CHANNEL) String channel) {
        return transfers.decline(reference, Channels.stated(channel), Caller.of(identity, acting));
    }

    @POST
    @Path("{reference}/check-in")
    @RolesAllowed("clerk")
    @Operation(summary = "Record the person's arrival at the desk")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`booking-status`: not on the appointment's day, or not possible in its status.")
    public Uni<BookingView> checkIn(@PathParam("reference") String reference) {
        Caller caller = Caller.of(identity, acting);
        return changes.checkIn(reference, caller).map(view -> view.seenBy(caller));
    }

    @POST
    @Path("{reference}/complete")
    @RolesAllowed("clerk")
    @Operation(summary = "Record that the appointment took place")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`booking-status`: not possible in its status.")
    public Uni<BookingView> complete(@PathParam("reference") String reference) {
        Caller caller = Caller.of(identity, acting);
        return changes.complete(reference, caller).map(view -> view.seenBy(caller));
    }

    @POST
    @Path("{reference}/no-show")
    @RolesAllowed("clerk")
    @Operation(summary = "Record that the person did not come")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`booking-status`: before the start, or not possible in its status.")
    public Uni<BookingView> noShow(@PathParam("reference") String reference) {
        Caller caller = Caller.of(identity, acting);
        return changes.noShow(reference, caller).map(view -> view.seenBy(caller));
    }

    /** One booking: a citizen's own, or any of an employee's municipality (all for a central admin). */
    @GET
    @Path("{reference}")
    @RolesAllowed({"citizen", "business-rep", "clerk", "municipal-admin", "central-admin"})
    @Operation(summary = "One booking")
    public Uni<BookingView> one(@PathParam("reference") String reference) {
        Caller caller = Caller.of(identity, acting);
        return bookings.find(reference, caller).map(view -> view.seenBy(caller));
    }

    private static List<BookingView> seenBy(List<BookingView> views, Caller caller) {
        return views.stream().map(view -> view.seenBy(caller)).toList();
    }
}
