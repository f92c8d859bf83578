package gr.mydimos.availability.slot;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.catalogue.Catalogue.OfferedService;
import gr.mydimos.availability.reservation.Reservation;
import gr.mydimos.availability.schedule.Employee;
import gr.mydimos.availability.schedule.WeeklyHours;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Reads schedules, staff and reservations, and hands them to {@link SlotGrid}. Runs inside the caller's session. */
@ApplicationScoped
public class SlotSearch {

    @Inject
    AvailabilityConfig config;
    @Inject
    Clock clock;

    public Uni<List<SlotGrid.Candidate>> candidates(String municipality, OfferedService service, LocalDate from,
                                                    LocalDate to, String employee) {
        Instant now = clock.instant();
        Instant rangeStart = from.atStartOfDay(config.zone()).toInstant();
        Instant rangeEnd = to.plusDays(1).atStartOfDay(config.zone()).toInstant();
        return Employee.qualified(municipality, service.unitId(), service.id(), employee)
                .flatMap(employees -> WeeklyHours.forService(service.unitId(), service.id())
                        .flatMap(hours -> busy(employees, rangeStart, rangeEnd, now)
                                .map(busy -> SlotGrid.candidates(from, to, config.zone(), hours, service, employees,
                                        busy, now.plus(config.minimumNotice()), now.plus(config.horizon())))));
    }

    private static Uni<List<SlotGrid.Busy>> busy(List<Employee> employees, Instant from, Instant to, Instant now) {
        if (employees.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Reservation.<Reservation>find("employeeId in ?1 and startsAt < ?2 and blockedUntil > ?3"
                                + " and (status = ?4 or (status = ?5 and holdExpiresAt > ?6))",
                        employees.stream().map(e -> e.id).toList(), to, from,
                        Reservation.Status.CONFIRMED, Reservation.Status.HELD, now)
                .list()
                .map(rows -> rows.stream().map(r -> new SlotGrid.Busy(r.employeeId, r.startsAt, r.blockedUntil)).toList());
    }
}
