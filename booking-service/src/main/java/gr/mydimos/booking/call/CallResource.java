package gr.mydimos.booking.call;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.booking.booking.BookingView;
import gr.mydimos.booking.booking.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Entering a VIDEO booking's call, and the identity check on camera (VC-1, VC-2). */
@Path("/api/bookings/calls")
public class CallResource {

    @Inject
    CallAdmissions admissions;
    @Inject
    SecurityIdentity identity;
    @Inject
    ActingMunicipality acting;

    /** link: the last part of a call's link, carried in the body so that it stays out of addresses and their logs. */
    public record LinkAdmission(@NotNull @Size(max = 100) String link) {}

    public record EmployeeAdmission(@NotNull @Size(max = 30) String reference) {}

    /** authorisationShown: required where the booking is for another person or a business. */
    public record IdentityCheckOutcome(@NotNull @Size(max = 30) String reference, @NotNull Boolean identityDocumentShown,
                                Boolean authorisationShown) {}

    @POST
    @Path("admissions")
    @PermitAll
    @Operation(summary = "Enter a video call by its link (anyone holding it: the applicant, an invited third person, an interpreter)")
    @APIResponse(responseCode = "200", description = "A ticket to present to the video-call service")
    @APIResponse(responseCode = "404", description = "`not-found`: the link is not one of a video call.")
    @APIResponse(responseCode = "409", description = "`call-not-open`: not open yet (`opensAt`), ended, or the booking cancelled (`reason`).")
    public Uni<CallAdmissions.Admission> byLink(@Valid @NotNull LinkAdmission request) {
        return admissions.byLink(request.link());
    }

    @POST
    @Path("employee-admissions")
    @RolesAllowed({"clerk", "municipal-admin"})
    @Operation(summary = "Enter a video call as the employee the booking is assigned to")
    @APIResponse(responseCode = "200", description = "A ticket to present to the video-call service")
    @APIResponse(responseCode = "403", description = "`forbidden`: the booking is assigned to someone else, or of another municipality.")
    @APIResponse(responseCode = "409", description = "`call-not-open`, or `booking-status`: not a video call.")
    public Uni<CallAdmissions.Admission> employee(@Valid @NotNull EmployeeAdmission request) {
        return admissions.employee(request.reference(), Caller.of(identity, acting));
    }

    /** employee: a staff record of the booking's unit; null takes the naming back. */
    public record StandIn(@NotNull @Size(max = 30) String reference, @Size(max = 100) String employee) {}

    @PUT
    @Path("stand-ins")
    @RolesAllowed("municipal-admin")
    @Operation(summary = "Name a colleague of the booking's unit to take its video call instead of the assigned employee")
    @APIResponse(responseCode = "200", description = "The booking, with the colleague named (videoCall.standIn)")
    @APIResponse(responseCode = "400", description = "`invalid-field` `employee`: not an active employee of the booking's unit.")
    @APIResponse(responseCode = "403", description = "`forbidden`: another municipality's booking, or not its admin.")
    @APIResponse(responseCode = "409", description = "`booking-status`: not a video call, or no longer confirmed.")
    public Uni<BookingView> standIn(@Valid @NotNull StandIn request) {
        Caller caller = Caller.of(identity, acting);
        return admissions.nameStandIn(request.reference(), request.employee() == null || request.employee().isBlank()
                ? null : request.employee(), caller).map(view -> view.seenBy(caller));
    }

    @POST
    @Path("identity-checks")
    @RolesAllowed({"clerk", "municipal-admin"})
    @Operation(summary = "Record the identity check on camera: what was shown, never an image; a confirmed booking is checked in")
    @APIResponse(responseCode = "200", description = "The booking, checked in, with the check's outcome")
    @APIResponse(responseCode = "400", description = "`invalid-field`: `authorisationShown` missing for a booking for another person or a business.")
    @APIResponse(responseCode = "403", description = "`forbidden`: only the employee the booking is assigned to.")
    @APIResponse(responseCode = "409", description = "`call-not-open`, or `booking-status`: not a video call.")
    public Uni<BookingView> identityCheck(@Valid @NotNull IdentityCheckOutcome request) {
        Caller caller = Caller.of(identity, acting);
        return admissions.identityChecked(request.reference(), request.identityDocumentShown(), request.authorisationShown(),
                caller).map(view -> view.seenBy(caller));
    }
}
