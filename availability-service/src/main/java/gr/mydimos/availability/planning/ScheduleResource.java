package gr.mydimos.availability.planning;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.Problems;
import gr.mydimos.availability.StaffAccess;
import gr.mydimos.availability.calendar.LocalHoliday;
import gr.mydimos.availability.catalogue.Catalogue;
import gr.mydimos.availability.schedule.BookingPolicy;
import gr.mydimos.availability.schedule.Employee;
import gr.mydimos.availability.schedule.ScheduleException;
import gr.mydimos.availability.schedule.ScheduleTemplate;
import gr.mydimos.availability.schedule.Unit;
import gr.mydimos.availability.schedule.WorkPositions;
import gr.mydimos.problems.Problem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Schedules as data (AV-1, AV-7): a municipality's weekly templates, work positions, closures and leave, local
 * holidays and booking windows. Its clerks and admins read them; its municipal admins and central admins change them.
 * Every change is checked against the booked appointments in the same transaction and refused, with the list of
 * those it would strand, rather than applied silently.
 */
@Path("/api/availability/municipalities/{code}")
@RolesAllowed({"municipal-admin", "central-admin"})
public class ScheduleResource {

    public record PeriodRequest(@Min(1) @Max(7) int day, @NotNull LocalTime opens, @NotNull LocalTime closes) {}

    public record TemplateRequest(@NotBlank String unitId, String serviceId, String employeeId, LocalDate validFrom,
                                  LocalDate validUntil, @NotEmpty List<@Valid @NotNull PeriodRequest> hours) {}

    public record PositionsRequest(@NotBlank String unitId, LocalDate validFrom, LocalDate validUntil,
                                   @Min(1) int positions) {}

    public record ExceptionRequest(@NotNull ScheduleException.Kind kind, String unitId, String employeeId,
                                   @NotNull OffsetDateTime start, @NotNull OffsetDateTime end, @NotBlank String reason) {}

    public record LocalHolidayRequest(@Min(1) @Max(12) Integer month, @Min(1) @Max(31) Integer day,
                                      @Min(-70) @Max(70) Integer easterOffset, @NotBlank String nameEl, String nameEn) {}

    public record PolicyRequest(@Min(0) @Max(10080) Integer minimumNoticeMinutes, @Min(1) @Max(366) Integer horizonDays,
                                Boolean employeeChoiceAllowed) {}

    public record TemplateView(Long id, String unitId, String serviceId, String employeeId, LocalDate validFrom,
                               LocalDate validUntil, List<ScheduleTemplate.Period> hours, boolean declaredByRegistry) {}

    public record ExceptionView(Long id, ScheduleException.Kind kind, String unitId, String employeeId,
                                OffsetDateTime start, OffsetDateTime end, String reason) {}

    public record PolicyView(String serviceId, Integer minimumNoticeMinutes, Integer horizonDays,
                             Boolean employeeChoiceAllowed) {}

    public record ScheduleView(String municipality, List<String> units, List<TemplateView> templates,
                               List<WorkPositions> positions, List<ExceptionView> exceptions,
                               List<LocalHoliday> localHolidays, List<PolicyView> policies) {}

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    StaffAccess access;
    @Inject
    ScheduleConflicts conflicts;
    @Inject
    ScheduleExceptions exceptions;
    @Inject
    Catalogue catalogue;
    @Inject
    AvailabilityConfig config;

    @GET
    @Path("schedule")
    @RolesAllowed({"clerk", "municipal-admin", "central-admin"})
    @WithSession
    @Operation(summary = "A municipality's schedule: templates, work positions, closures and leave, local holidays, booking policy")
    public Uni<ScheduleView> schedule(@PathParam("code") String code) {
        access.requireOwn(code);
        return Unit.<Unit>list("municipalityCode = ?1 order by id", code).flatMap(units -> {
            List<String> ids = units.stream().map(u -> u.id).toList();
            return ScheduleTemplate.<ScheduleTemplate>list("unitId in ?1 order by unitId, id", ids)
                    .flatMap(templates -> WorkPositions.<WorkPositions>list("unitId in ?1 order by unitId, id", ids)
                            .flatMap(positions -> ScheduleException.<ScheduleException>list(
                                            "municipalityCode = ?1 order by startsAt", code)
                                    .flatMap(exceptions -> LocalHoliday.<LocalHoliday>list("municipalityCode = ?1 order by id", code)
                                            .flatMap(holidays -> BookingPolicy.<BookingPolicy>list("municipalityCode = ?1 order by id", code)
                                                    .map(policies -> new ScheduleView(code, ids,
                                                            templates.stream().map(ScheduleResource::view).toList(), positions,
                                                            exceptions.stream().map(this.exceptions::view).toList(), holidays,
                                                            policies.stream().map(p -> new PolicyView(p.serviceId,
                                                                    p.minimumNoticeMinutes, p.horizonDays,
                                                                    p.employeeChoiceAllowed)).toList()))))));
        });
    }

    @POST
    @Path("templates")
    @WithTransaction
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @Operation(summary = "Add a weekly opening-hours template")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<RestResponse<TemplateView>> addTemplate(@PathParam("code") String code, @Valid @NotNull TemplateRequest request) {
        access.requireOwn(code);
        return checked(code, request)
                .flatMap(ignored -> conflicts.guard(code, () -> fill(new ScheduleTemplate(), request).<ScheduleTemplate>persist()))
                .map(t -> RestResponse.ResponseBuilder.<TemplateView>created(
                        URI.create("/api/availability/municipalities/" + code + "/templates/" + t.id)).entity(view(t)).build());
    }

    @PUT
    @Path("templates/{id}")
    @WithTransaction
    @Operation(summary = "Change a weekly opening-hours template")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<TemplateView> changeTemplate(@PathParam("code") String code, @PathParam("id") long id,
                                            @Valid @NotNull TemplateRequest request) {
        access.requireOwn(code);
        return template(code, id).call(existing -> checked(code, request))
                .flatMap(existing -> conflicts.guard(code, () -> Uni.createFrom().item(fill(existing, request))))
                .map(ScheduleResource::view);
    }

    @DELETE
    @Path("templates/{id}")
    @WithTransaction
    @Operation(summary = "Remove a weekly opening-hours template")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<Void> removeTemplate(@PathParam("code") String code, @PathParam("id") long id) {
        access.requireOwn(code);
        return template(code, id).flatMap(t -> conflicts.guard(code, t::delete));
    }

    @POST
    @Path("positions")
    @WithTransaction
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkPositions.class)))
    @Operation(summary = "Set how many people a unit receives in person at once")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<RestResponse<WorkPositions>> addPositions(@PathParam("code") String code, @Valid @NotNull PositionsRequest request) {
        access.requireOwn(code);
        validity(request.validFrom(), request.validUntil());
        return unit(code, request.unitId()).flatMap(unit -> conflicts.guard(code, () -> {
                    WorkPositions p = new WorkPositions();
                    p.unitId = unit.id;
                    p.validFrom = request.validFrom();
                    p.validUntil = request.validUntil();
                    p.positions = request.positions();
                    return p.<WorkPositions>persist();
                }))
                .map(p -> RestResponse.ResponseBuilder.<WorkPositions>created(
                        URI.create("/api/availability/municipalities/" + code + "/positions/" + p.id)).entity(p).build());
    }

    @DELETE
    @Path("positions/{id}")
    @WithTransaction
    @Operation(summary = "Remove a work-positions limit")
    public Uni<Void> removePositions(@PathParam("code") String code, @PathParam("id") long id) {
        access.requireOwn(code);
        return WorkPositions.<WorkPositions>findById(id)
                .call(p -> p == null ? Uni.createFrom().failure(Problems.notFound("id", "Δεν υπάρχουν θέσεις " + id + ".", "No positions " + id + "."))
                        : unit(code, p.unitId))
                .call(p -> p.delete()).replaceWithVoid();
    }

    @POST
    @Path("exceptions")
    @WithTransaction
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExceptionView.class)))
    @Operation(summary = "Add a unit's closure or an employee's leave")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<RestResponse<ExceptionView>> addException(@PathParam("code") String code, @Valid @NotNull ExceptionRequest request) {
        access.requireOwn(code);
        return exceptions.add(code, request, Set.of())
                .map(e -> RestResponse.ResponseBuilder.<ExceptionView>created(
                        URI.create("/api/availability/municipalities/" + code + "/exceptions/" + e.id)).entity(exceptions.view(e)).build());
    }

    @DELETE
    @Path("exceptions/{id}")
    @WithTransaction
    @Operation(summary = "Remove a closure or a leave")
    public Uni<Void> removeException(@PathParam("code") String code, @PathParam("id") long id) {
        access.requireOwn(code);
        return ScheduleException.<ScheduleException>findById(id).flatMap(e -> {
            if (e == null || !e.municipalityCode.equals(code)) {
                throw Problems.notFound("id", "Δεν υπάρχει εξαίρεση " + id + " στον δήμο " + code + ".",
                        "No exception " + id + " in " + code + ".");
            }
            return e.delete();
        });
    }

    @POST
    @Path("local-holidays")
    @WithTransaction
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalHoliday.class)))
    @Operation(summary = "Add a municipality's own holiday")
    @APIResponse(responseCode = "409", description = "`schedule-conflict`: it would strand booked appointments (listed in `bookings`).")
    public Uni<RestResponse<LocalHoliday>> addLocalHoliday(@PathParam("code") String code,
                                                          @Valid @NotNull LocalHolidayRequest request) {
        access.requireOwn(code);
        boolean fixed = request.month() != null || request.day() != null;
        if (fixed == (request.easterOffset() != null)) {
            throw Problem.invalidField("easterOffset", "δώστε είτε μήνα και ημέρα είτε απόσταση από το Πάσχα (easterOffset)",
                    "give either month and day, or easterOffset");
        }
        if (fixed) {
            if (request.month() == null || request.day() == null) {
                throw Problem.invalidField(request.month() == null ? "month" : "day", "ο μήνας και η ημέρα (month, day) δίνονται μαζί",
                        "is required with the other");
            }
            try {
                MonthDay.of(request.month(), request.day());
            } catch (java.time.DateTimeException e) {
                throw Problem.invalidField("day", "δεν υπάρχει τέτοια ημέρα σε αυτόν τον μήνα", "no such day in that month");
            }
        }
        LocalHoliday holiday = new LocalHoliday();
        holiday.municipalityCode = code;
        holiday.month = fixed ? request.month().shortValue() : null;
        holiday.day = fixed ? request.day().shortValue() : null;
        holiday.easterOffset = fixed ? null : request.easterOffset().shortValue();
        holiday.nameEl = request.nameEl();
        holiday.nameEn = request.nameEn();
        return conflicts.guard(code, holiday::<LocalHoliday>persist)
                .map(h -> RestResponse.ResponseBuilder.<LocalHoliday>created(
                        URI.create("/api/availability/municipalities/" + code + "/local-holidays/" + h.id)).entity(h).build());
    }

    @DELETE
    @Path("local-holidays/{id}")
    @WithTransaction
    @Operation(summary = "Remove a municipality's own holiday")
    public Uni<Void> removeLocalHoliday(@PathParam("code") String code, @PathParam("id") long id) {
        access.requireOwn(code);
        return LocalHoliday.<LocalHoliday>findById(id).flatMap(h -> {
            if (h == null || !h.municipalityCode.equals(code)) {
                throw Problems.notFound("id", "Δεν υπάρχει τοπική αργία " + id + " στον δήμο " + code + ".",
                        "No local holiday " + id + " in " + code + ".");
            }
            return h.delete();
        });
    }

    /** The municipality's booking window and whether people may choose the employee; existing bookings are unaffected. */
    @PUT
    @Path("policy")
    @WithTransaction
    @Operation(summary = "Set the municipality's booking window and whether people may choose the employee")
    public Uni<PolicyView> policy(@PathParam("code") String code, @Valid @NotNull PolicyRequest request) {
        access.requireOwn(code);
        return savePolicy(code, null, request);
    }

    /** One service's booking window, overriding the municipality's; the choice of employee is the municipality's. */
    @PUT
    @Path("services/{serviceId}/policy")
    @WithTransaction
    @Operation(summary = "Set one service's booking window")
    public Uni<PolicyView> servicePolicy(@PathParam("code") String code, @PathParam("serviceId") String serviceId,
                                         @Valid @NotNull PolicyRequest request) {
        access.requireOwn(code);
        if (request.employeeChoiceAllowed() != null) {
            throw Problem.invalidField("employeeChoiceAllowed", "ορίζεται για όλο τον δήμο, όχι ανά υπηρεσία",
                    "is set for the whole municipality, not per service");
        }
        return catalogue.unitOf(code, serviceId, "serviceId").flatMap(unit -> savePolicy(code, serviceId, request));
    }

    /** The service goes back to the municipality's booking window. */
    @DELETE
    @Path("services/{serviceId}/policy")
    @WithTransaction
    @Operation(summary = "Remove one service's booking window: the municipality's applies")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Void> removeServicePolicy(@PathParam("code") String code, @PathParam("serviceId") String serviceId) {
        access.requireOwn(code);
        return BookingPolicy.delete("municipalityCode = ?1 and serviceId = ?2", code, serviceId).map(deleted -> {
            if (deleted == 0) {
                throw Problems.notFound("serviceId", "Η υπηρεσία δεν έχει δικά της χρονικά όρια.", "The service has no booking window of its own.");
            }
            return null;
        });
    }

    private Uni<PolicyView> savePolicy(String code, String serviceId, PolicyRequest request) {
        Uni<BookingPolicy> existing = serviceId == null
                ? BookingPolicy.find("municipalityCode = ?1 and serviceId is null", code).firstResult()
                : BookingPolicy.find("municipalityCode = ?1 and serviceId = ?2", code, serviceId).firstResult();
        return existing.flatMap(found -> {
            BookingPolicy p = found == null ? new BookingPolicy() : found;
            p.municipalityCode = code;
            p.serviceId = serviceId;
            p.minimumNoticeMinutes = request.minimumNoticeMinutes();
            p.horizonDays = request.horizonDays();
            p.employeeChoiceAllowed = request.employeeChoiceAllowed();
            return p.<BookingPolicy>persist();
        }).map(p -> new PolicyView(p.serviceId, p.minimumNoticeMinutes, p.horizonDays, p.employeeChoiceAllowed));
    }

    /** The request's fields name what is wrong: unit, employee or service of another municipality or unit, bad hours. */
    private Uni<Void> checked(String code, TemplateRequest request) {
        validity(request.validFrom(), request.validUntil());
        boolean service = request.serviceId() != null && !request.serviceId().isBlank();
        boolean employee = request.employeeId() != null && !request.employeeId().isBlank();
        if (service && employee) {
            throw Problem.invalidField("employeeId", "ένα πρότυπο ωραρίου αφορά μία μονάδα, μία υπηρεσία της ή έναν υπάλληλο",
                    "a template is of a unit, of one of its services or of one employee");
        }
        List<PeriodRequest> hours = request.hours();
        for (int i = 0; i < hours.size(); i++) {
            PeriodRequest p = hours.get(i);
            if (!p.closes().isAfter(p.opens())) {
                throw Problem.invalidField("hours[" + i + "].closes", "πρέπει να είναι μετά το άνοιγμα (opens)",
                        "must be after 'opens'");
            }
            for (int j = 0; j < i; j++) {
                PeriodRequest other = hours.get(j);
                if (other.day() == p.day() && other.opens().isBefore(p.closes()) && p.opens().isBefore(other.closes())) {
                    throw Problem.invalidField("hours[" + i + "]", "επικαλύπτεται με το hours[" + j + "]", "overlaps hours[" + j + "]");
                }
            }
        }
        return unit(code, request.unitId()).flatMap(unit -> {
            if (employee) {
                return employee(code, request.employeeId()).invoke(e -> {
                    if (!e.unitId.equals(unit.id)) {
                        throw Problem.invalidField("employeeId", "εργάζεται σε άλλη μονάδα", "works in another unit");
                    }
                }).replaceWithVoid();
            }
            if (service) {
                return catalogue.unitOf(code, request.serviceId(), "serviceId").invoke(serviceUnit -> {
                    if (!serviceUnit.equals(unit.id)) {
                        throw Problem.invalidField("serviceId", "προσφέρεται από άλλη μονάδα", "is offered by another unit");
                    }
                }).replaceWithVoid();
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static ScheduleTemplate fill(ScheduleTemplate t, TemplateRequest request) {
        t.unitId = request.unitId();
        t.serviceId = blankToNull(request.serviceId());
        t.employeeId = blankToNull(request.employeeId());
        t.validFrom = request.validFrom();
        t.validUntil = request.validUntil();
        t.declaredByRegistry = false;
        t.week = new ScheduleTemplate.Week(request.hours().stream()
                .map(p -> new ScheduleTemplate.Period(p.day(), p.opens().format(HH_MM), p.closes().format(HH_MM))).toList());
        return t;
    }

    private static void validity(LocalDate from, LocalDate until) {
        if (from != null && until != null && until.isBefore(from)) {
            throw Problem.invalidField("validUntil", "δεν μπορεί να είναι πριν από την έναρξη ισχύος (validFrom)",
                    "must not be before 'validFrom'");
        }
    }

    static Uni<Unit> unit(String code, String unitId) {
        return Unit.<Unit>findById(unitId).map(unit -> {
            if (unit == null || !unit.municipalityCode.equals(code)) {
                throw Problem.invalidField("unitId", "δεν υπάρχει μονάδα «" + unitId + "» στον δήμο " + code,
                        "no unit '" + unitId + "' in " + code);
            }
            return unit;
        });
    }

    static Uni<Employee> employee(String code, String employeeId) {
        return Employee.<Employee>findById(employeeId).map(e -> {
            if (e == null || !e.municipalityCode.equals(code)) {
                throw Problem.invalidField("employeeId", "δεν υπάρχει υπάλληλος «" + employeeId + "» στον δήμο " + code,
                        "no employee '" + employeeId + "' in " + code);
            }
            return e;
        });
    }

    private static Uni<ScheduleTemplate> template(String code, long id) {
        return ScheduleTemplate.<ScheduleTemplate>findById(id).call(t -> t == null
                ? Uni.createFrom().failure(Problems.notFound("id", "Δεν υπάρχει πρότυπο ωραρίου " + id + " στον δήμο " + code + ".",
                        "No template " + id + " in " + code + "."))
                : unit(code, t.unitId).onFailure().transform(f -> Problems.notFound("id", "Δεν υπάρχει πρότυπο ωραρίου " + id + " στον δήμο " + code + ".",
                        "No template " + id + " in " + code + ".")));
    }

    private static TemplateView view(ScheduleTemplate t) {
        return new TemplateView(t.id, t.unitId, t.serviceId, t.employeeId, t.validFrom, t.validUntil, t.week.periods(),
                t.declaredByRegistry);
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
