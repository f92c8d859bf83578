package gr.mydimos.availability.planning;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.schedule.ScheduleException;
import gr.mydimos.problems.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;

/** Closures of a unit or the whole municipality and employees' leave, added under the AV-7 guard. */
@ApplicationScoped
public class ScheduleExceptions {

    @Inject
    ScheduleConflicts conflicts;
    @Inject
    AvailabilityConfig config;

    public Plan.ExceptionView view(ScheduleException e) {
        return new Plan.ExceptionView(e.id, e.kind, e.unitId, e.employeeId,
                e.startsAt.atZone(config.zone()).toOffsetDateTime(), e.endsAt.atZone(config.zone()).toOffsetDateTime(), e.reason);
    }

    /**
     * Adds the closure or leave inside the caller's transaction; refused with the list of booked appointments it would
     * strand, except those named in {@code handled} (booking-service is moving or cancelling them).
     */
    public Uni<ScheduleException> add(String code, Plan.ExceptionRequest request, Set<String> handled) {
        return add(code, request, handled, null);
    }

    /** As above, once per closure of booking-service: asked again with the same id, the closure already in force. */
    public Uni<ScheduleException> add(String code, Plan.ExceptionRequest request, Set<String> handled,
                                      UUID closureId) {
        if (closureId != null) {
            return ScheduleException.<ScheduleException>find("closureId", closureId).firstResult()
                    .flatMap(existing -> existing != null ? Uni.createFrom().item(existing)
                            : add(code, request, handled, null).invoke(e -> e.closureId = closureId));
        }
        if (!request.end().isAfter(request.start())) {
            throw Problem.invalidField("end", "πρέπει να είναι μετά την έναρξη (start)", "must be after 'start'");
        }
        boolean leave = request.kind() == ScheduleException.Kind.LEAVE;
        if (leave != (request.employeeId() != null && !request.employeeId().isBlank())) {
            throw leave ? Problem.invalidField("employeeId", "είναι υποχρεωτικό για άδεια (LEAVE)", "is required for LEAVE")
                    : Problem.invalidField("employeeId", "δίνεται μόνο για άδεια (LEAVE)", "is only for LEAVE");
        }
        Uni<String> unitId = leave ? Plan.employee(code, request.employeeId()).map(e -> e.unitId)
                : request.unitId() == null || request.unitId().isBlank() ? Uni.createFrom().nullItem()
                : Plan.unit(code, request.unitId()).map(u -> u.id);
        return unitId.flatMap(unit -> conflicts.guard(code, handled, () -> {
            ScheduleException e = new ScheduleException();
            e.municipalityCode = code;
            e.kind = request.kind();
            e.unitId = unit;
            e.employeeId = leave ? request.employeeId() : null;
            e.startsAt = request.start().toInstant();
            e.endsAt = request.end().toInstant();
            e.reason = request.reason();
            return e.<ScheduleException>persist();
        }));
    }
}
