package gr.mydimos.availability.planning;

import gr.mydimos.availability.Problems;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A municipality's plan (AV-1, AV-7) and its changes: weekly templates, work positions, closures and leave, local
 * holidays and booking windows, read in one session and each changed in one transaction, in which the change is
 * checked against the booked appointments and refused, with the list of those it would strand, rather than applied
 * silently. Who may ask is the resource's concern.
 */
@ApplicationScoped
public class Plan {

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
    ScheduleConflicts conflicts;
    @Inject
    ScheduleExceptions exceptions;
    @Inject
    Catalogue catalogue;

    @WithSession
    public Uni<ScheduleView> of(String code) {
        return Unit.<Unit>list("municipalityCode = ?1 order by id", code).flatMap(units -> {
            List<String> ids = units.stream().map(u -> u.id).toList();
            return ScheduleTemplate.<ScheduleTemplate>list("unitId in ?1 order by unitId, id", ids)
                    .flatMap(templates -> WorkPositions.<WorkPositions>list("unitId in ?1 order by unitId, id", ids)
                            .flatMap(positions -> ScheduleException.<ScheduleException>list(
                                            "municipalityCode = ?1 order by startsAt", code)
                                    .flatMap(exceptions -> LocalHoliday.<LocalHoliday>list("municipalityCode = ?1 order by id", code)
                                            .flatMap(holidays -> BookingPolicy.<BookingPolicy>list("municipalityCode = ?1 order by id", code)
                                                    .map(policies -> new ScheduleView(code, ids,
                                                            templates.stream().map(Plan::view).toList(), positions,
                                                            exceptions.stream().map(this.exceptions::view).toList(), holidays,
                                                            policies.stream().map(p -> new PolicyView(p.serviceId,
                                                                    p.minimumNoticeMinutes, p.horizonDays,
                                                                    p.employeeChoiceAllowed)).toList()))))));
        });
    }

    @WithTransaction
    public Uni<TemplateView> addTemplate(String code, TemplateRequest request) {
        return checked(code, request)
                .flatMap(ignored -> conflicts.guard(code, () -> fill(new ScheduleTemplate(), request).<ScheduleTemplate>persist()))
                .map(Plan::view);
    }

    @WithTransaction
    public Uni<TemplateView> changeTemplate(String code, long id, TemplateRequest request) {
        return template(code, id).call(existing -> checked(code, request))
                .flatMap(existing -> conflicts.guard(code, () -> Uni.createFrom().item(fill(existing, request))))
                .map(Plan::view);
    }

    @WithTransaction
    public Uni<Void> removeTemplate(String code, long id) {
        return template(code, id).flatMap(t -> conflicts.guard(code, t::delete));
    }

    @WithTransaction
    public Uni<WorkPositions> addPositions(String code, PositionsRequest request) {
        validity(request.validFrom(), request.validUntil());
        return unit(code, request.unitId()).flatMap(unit -> conflicts.guard(code, () -> {
            WorkPositions p = new WorkPositions();
            p.unitId = unit.id;
            p.validFrom = request.validFrom();
            p.validUntil = request.validUntil();
            p.positions = request.positions();
            return p.<WorkPositions>persist();
        }));
    }

    @WithTransaction
    public Uni<Void> removePositions(String code, long id) {
        return WorkPositions.<WorkPositions>findById(id)
                .call(p -> p == null ? Uni.createFrom().failure(Problems.notFound("id", "Δεν υπάρχουν θέσεις " + id + ".", "No positions " + id + "."))
                        : unit(code, p.unitId))
                .call(p -> p.delete()).replaceWithVoid();
    }

    @WithTransaction
    public Uni<ExceptionView> addException(String code, ExceptionRequest request) {
        return exceptions.add(code, request, Set.of()).map(exceptions::view);
    }

    /**
     * An emergency closure or leave whose stranded bookings booking-service takes in hand: those named in
     * {@code handled}; any other stranded booking still refuses it. closureId: booking-service's, so that a repeated
     * request adds nothing.
     */
    @WithTransaction
    public Uni<ExceptionView> addRelocatingClosure(String code, ExceptionRequest request, Set<String> handled, UUID closureId) {
        return exceptions.add(code, request, handled, closureId).map(exceptions::view);
    }

    @WithTransaction
    public Uni<Void> removeException(String code, long id) {
        return ScheduleException.<ScheduleException>findById(id).flatMap(e -> {
            if (e == null || !e.municipalityCode.equals(code)) {
                throw Problems.notFound("id", "Δεν υπάρχει εξαίρεση " + id + " στον δήμο " + code + ".",
                        "No exception " + id + " in " + code + ".");
            }
            return e.delete();
        });
    }

    @WithTransaction
    public Uni<LocalHoliday> addLocalHoliday(String code, LocalHolidayRequest request) {
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
        return conflicts.guard(code, holiday::<LocalHoliday>persist);
    }

    @WithTransaction
    public Uni<Void> removeLocalHoliday(String code, long id) {
        return LocalHoliday.<LocalHoliday>findById(id).flatMap(h -> {
            if (h == null || !h.municipalityCode.equals(code)) {
                throw Problems.notFound("id", "Δεν υπάρχει τοπική αργία " + id + " στον δήμο " + code + ".",
                        "No local holiday " + id + " in " + code + ".");
            }
            return h.delete();
        });
    }

    /** The municipality's booking window and whether people may choose the employee; existing bookings are unaffected. */
    @WithTransaction
    public Uni<PolicyView> policy(String code, PolicyRequest request) {
        return savePolicy(code, null, request);
    }

    /** One service's booking window, overriding the municipality's; the choice of employee is the municipality's. */
    @WithTransaction
    public Uni<PolicyView> servicePolicy(String code, String serviceId, PolicyRequest request) {
        if (request.employeeChoiceAllowed() != null) {
            throw Problem.invalidField("employeeChoiceAllowed", "ορίζεται για όλο τον δήμο, όχι ανά υπηρεσία",
                    "is set for the whole municipality, not per service");
        }
        return catalogue.unitOf(code, serviceId, "serviceId").flatMap(unit -> savePolicy(code, serviceId, request));
    }

    /** The service goes back to the municipality's booking window. */
    @WithTransaction
    public Uni<Void> removeServicePolicy(String code, String serviceId) {
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

    static TemplateView view(ScheduleTemplate t) {
        return new TemplateView(t.id, t.unitId, t.serviceId, t.employeeId, t.validFrom, t.validUntil, t.week.periods(),
                t.declaredByRegistry);
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
