package gr.mydimos.availability.planning;

import gr.mydimos.availability.StaffAccess;
import gr.mydimos.availability.calendar.LocalHoliday;
import gr.mydimos.availability.planning.Plan.ExceptionRequest;
import gr.mydimos.availability.planning.Plan.ExceptionView;
import gr.mydimos.availability.planning.Plan.LocalHolidayRequest;
import gr.mydimos.availability.planning.Plan.PolicyRequest;
import gr.mydimos.availability.planning.Plan.PolicyView;
import gr.mydimos.availability.planning.Plan.PositionsRequest;
import gr.mydimos.availability.planning.Plan.ScheduleView;
import gr.mydimos.availability.planning.Plan.TemplateRequest;
import gr.mydimos.availability.planning.Plan.TemplateView;
import gr.mydimos.availability.schedule.WorkPositions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Schedules as data (AV-1, AV-7), over HTTP: a municipality's clerks and admins read its {@link Plan}; its municipal
 * admins and central admins change it, each change refused with the bookings it would strand.
 */
@Path("/api/availability/municipalities/{code}")
@RolesAllowed({"municipal-admin", "central-admin"})
public class ScheduleResource {

    @Inject
    StaffAccess access;
    @Inject
    Plan plan;

    @GET
    @Path("schedule")
    @RolesAllowed({"clerk", "municipal-admin", "central-admin"})
    @Operation(summary = "A municipality's schedule: templates, work positions, closures and leave, local holidays, booking policy")
    public Uni<ScheduleView> schedule(@PathParam("code") String code) {
        access.requireOwn(code);
        return plan.of(code);
    }

    @POST
    @Path("templates")
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @Operation(summary = "Add a weekly opening-hours template")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<RestResponse<TemplateView>> addTemplate(@PathParam("code") String code, @Valid @NotNull TemplateRequest request) {
        access.requireOwn(code);
        return plan.addTemplate(code, request).map(t -> created(code, "templates", t.id(), t));
    }

    @PUT
    @Path("templates/{id}")
    @Operation(summary = "Change a weekly opening-hours template")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<TemplateView> changeTemplate(@PathParam("code") String code, @PathParam("id") long id,
                                            @Valid @NotNull TemplateRequest request) {
        access.requireOwn(code);
        return plan.changeTemplate(code, id, request);
    }

    @DELETE
    @Path("templates/{id}")
    @Operation(summary = "Remove a weekly opening-hours template")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<Void> removeTemplate(@PathParam("code") String code, @PathParam("id") long id) {
        access.requireOwn(code);
        return plan.removeTemplate(code, id);
    }

    @POST
    @Path("positions")
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkPositions.class)))
    @Operation(summary = "Set how many people a unit receives in person at once")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<RestResponse<WorkPositions>> addPositions(@PathParam("code") String code, @Valid @NotNull PositionsRequest request) {
        access.requireOwn(code);
        return plan.addPositions(code, request).map(p -> created(code, "positions", p.id, p));
    }

    @DELETE
    @Path("positions/{id}")
    @Operation(summary = "Remove a work-positions limit")
    public Uni<Void> removePositions(@PathParam("code") String code, @PathParam("id") long id) {
        access.requireOwn(code);
        return plan.removePositions(code, id);
    }

    @POST
    @Path("exceptions")
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExceptionView.class)))
    @Operation(summary = "Add a unit's closure or an employee's leave")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<RestResponse<ExceptionView>> addException(@PathParam("code") String code, @Valid @NotNull ExceptionRequest request) {
        access.requireOwn(code);
        return plan.addException(code, request).map(e -> created(code, "exceptions", e.id(), e));
    }

    @DELETE
    @Path("exceptions/{id}")
    @Operation(summary = "Remove a closure or a leave")
    public Uni<Void> removeException(@PathParam("code") String code, @PathParam("id") long id) {
        access.requireOwn(code);
        return plan.removeException(code, id);
    }

    @POST
    @Path("local-holidays")
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalHoliday.class)))
    @Operation(summary = "Add a municipality's own holiday")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<RestResponse<LocalHoliday>> addLocalHoliday(@PathParam("code") String code,
                                                          @Valid @NotNull LocalHolidayRequest request) {
        access.requireOwn(code);
        return plan.addLocalHoliday(code, request).map(h -> created(code, "local-holidays", h.id, h));
    }

    @DELETE
    @Path("local-holidays/{id}")
    @Operation(summary = "Remove a municipality's own holiday")
    public Uni<Void> removeLocalHoliday(@PathParam("code") String code, @PathParam("id") long id) {
        access.requireOwn(code);
        return plan.removeLocalHoliday(code, id);
    }

    /** The municipality's booking window and whether people may choose the employee; existing bookings are unaffected. */
    @PUT
    @Path("policy")
    @Operation(summary = "Set the municipality's booking window and whether people may choose the employee")
    public Uni<PolicyView> policy(@PathParam("code") String code, @Valid @NotNull PolicyRequest request) {
        access.requireOwn(code);
        return plan.policy(code, request);
    }

    /** One service's booking window, overriding the municipality's; the choice of employee is the municipality's. */
    @PUT
    @Path("services/{serviceId}/policy")
    @Operation(summary = "Set one service's booking window")
    public Uni<PolicyView> servicePolicy(@PathParam("code") String code, @PathParam("serviceId") String serviceId,
                                         @Valid @NotNull PolicyRequest request) {
        access.requireOwn(code);
        return plan.servicePolicy(code, serviceId, request);
    }

    /** The service goes back to the municipality's booking window. */
    @DELETE
    @Path("services/{serviceId}/policy")
    @Operation(summary = "Remove one service's booking window: the municipality's applies")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Void> removeServicePolicy(@PathParam("code") String code, @PathParam("serviceId") String serviceId) {
        access.requireOwn(code);
        return plan.removeServicePolicy(code, serviceId);
    }

    private static <T> RestResponse<T> created(String code, String kind, Object id, T entity) {
        return RestResponse.ResponseBuilder.<T>created(URI.create("/api/availability/municipalities/" + code + "/" + kind + "/" + id))
                .entity(entity).build();
    }
}
