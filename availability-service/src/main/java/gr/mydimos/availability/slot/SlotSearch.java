package gr.mydimos.availability.slot;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.Mode;
import gr.mydimos.availability.catalogue.Catalogue.OfferedService;
import gr.mydimos.availability.schedule.BookingPolicy;
import gr.mydimos.availability.schedule.Schedule;
import gr.mydimos.problems.Problem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * Takes the booking window, the unit's schedule and the qualified staff ({@link Planning}), reads only the reservations
 * that can matter (those employees', in the searched days), and hands them to {@link SlotGrid}. Runs inside the
 * caller's session.
 */
@ApplicationScoped
public class SlotSearch {

    /** The free start times, and whether in-person work positions limit them (then reservations serialise per unit). */
    public record Result(List<SlotGrid.Candidate> candidates, boolean positionsLimited) {}

    /**
     * The free start times whenever they are asked for: all of them, with the booking window that keeps those at
     * least its minimum notice and at most its horizon ahead of the moment of asking, and the qualified employees.
     */
    public record Grid(List<SlotGrid.Candidate> all, BookingPolicy.Window window, List<String> employees,
                       boolean positionsLimited) {

        public Result at(Instant now) {
            return new Result(all.stream().filter(bookableAt(now)).toList(), positionsLimited);
        }

        /** Whether a time is inside the booking window at that moment. */
        public Predicate<SlotGrid.Candidate> bookableAt(Instant now) {
            Instant earliest = now.plus(window.minimumNotice());
            Instant latest = now.plus(window.horizon());
            return c -> SlotGrid.within(c.start(), earliest, latest);
        }
    }

    private static final String STATUS = "gr.mydimos.availability.reservation.Reservation.Status";

    // Both queries are bounded on starts_at on both sides and repeat the status condition of the partial indexes
    // (employee_id, starts_at) and (unit_id, starts_at), so they read only the searched days, never the history.
    // The lower bound is a day before the first searched day: no appointment lasts longer than that.
    private static final String BUSY = """
            select r.employeeId, r.startsAt, r.blockedUntil
            from Reservation r where r.employeeId in :employees and r.startsAt >= :from and r.startsAt < :to
            and r.status = %s.CONFIRMED""".formatted(STATUS);

    private static final String IN_PERSON = """
            select r.employeeId, r.startsAt, r.endsAt
            from Reservation r where r.unitId = :unit and r.startsAt >= :from and r.startsAt < :to and r.mode = 'IN_PERSON'
            and r.status = %s.CONFIRMED""".formatted(STATUS);

    @Inject
    AvailabilityConfig config;
    @Inject
    Planning planning;
    @Inject
    Clock clock;

    public Uni<Result> candidates(String municipality, OfferedService service, LocalDate from, LocalDate to, String employee) {
        return candidates(municipality, service, from, to, employee, false);
    }

    /**
     * @param staffAssigns the employee is named by the municipality's staff (a transfer), not chosen by the person,
     *                     so the municipality's choice policy (AV-5) does not apply
     */
    public Uni<Result> candidates(String municipality, OfferedService service, LocalDate from, LocalDate to, String employee,
                                  boolean staffAssigns) {
        return grid(municipality, service, from, to, employee, staffAssigns).map(grid -> grid.at(clock.instant()));
    }

    /** The free start times of the days whatever the time of asking; {@link Grid#at} keeps those bookable then. */
    public Uni<Grid> grid(String municipality, OfferedService service, LocalDate from, LocalDate to, String employee,
                          boolean staffAssigns) {
        Instant rangeStart = from.minusDays(1).atStartOfDay(config.zone()).toInstant();
        Instant rangeEnd = to.plusDays(1).atStartOfDay(config.zone()).toInstant();
        return planning.of(municipality, service, from, to).flatMap(plan -> {
            if (employee != null && !plan.window().employeeChoiceAllowed() && !staffAssigns) {
                throw Problem.invalidField("employee", "ο δήμος ορίζει τον υπάλληλο· δεν μπορεί να επιλεγεί",
                        "this municipality assigns the employee; it cannot be chosen");
            }
            List<String> ids = employee == null ? plan.employees()
                    : plan.employees().stream().filter(employee::equals).toList();
            if (employee != null && ids.isEmpty()) { // a made-up or departed id is not "no free time"
                throw Problem.invalidField("employee",
                        "κανένας υπάλληλος του δήμου με αυτό το αναγνωριστικό δεν εξυπηρετεί αυτή την υπηρεσία",
                        "no employee of the municipality with this id serves this service");
            }
            Schedule schedule = plan.schedule();
            boolean limited = service.mode() == Mode.IN_PERSON && hasPositions(schedule, from, to);
            return busy(BUSY, "employees", ids, rangeStart, rangeEnd)
                    .flatMap(busy -> (limited ? busy(IN_PERSON, "unit", service.unitId(), rangeStart, rangeEnd)
                            : Uni.createFrom().item(List.<SlotGrid.Busy>of()))
                            .map(inPerson -> new Grid(SlotGrid.candidates(from, to, schedule, service, ids,
                                    busy, inPerson, Instant.MIN, Instant.MAX), plan.window(), ids, limited)));
        });
    }

    private static boolean hasPositions(Schedule schedule, LocalDate from, LocalDate to) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (schedule.positions(d).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Uni<List<SlotGrid.Busy>> busy(String query, String name, Object value, Instant from, Instant to) {
        if (value instanceof List<?> list && list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(query, SlotGrid.Busy.class)
                .setParameter(name, value).setParameter("from", from).setParameter("to", to)
                .getResultList());
    }
}
