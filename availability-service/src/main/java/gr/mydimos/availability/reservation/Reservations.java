package gr.mydimos.availability.reservation;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.Problems;
import gr.mydimos.availability.catalogue.Catalogue.OfferedService;
import gr.mydimos.availability.slot.SlotGrid;
import gr.mydimos.availability.slot.SlotSearch;
import gr.mydimos.problems.AthensTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes and gives back employees' time. Whatever the application believes is free, the insert only succeeds when the
 * database's exclusion constraint agrees, so two requests can never get the same employee's time.
 */
@ApplicationScoped
public class Reservations {

    private static final String INSERT = """
            INSERT INTO reservation (id, employee_id, municipality_code, unit_id, service_id, mode, starts_at, ends_at,
                                     blocked_until, status, created_at, booking_reference)
            VALUES (:id, :employee, :municipality, :unit, :service, :mode, :start, :end, :blockedUntil, 'CONFIRMED',
                    :now, :booking)
            ON CONFLICT DO NOTHING""";

    @Inject
    SlotSearch search;
    @Inject
    AvailabilityConfig config;
    @Inject
    Clock clock;

    /**
     * Takes the slot for a booking with the least busy free employee (or the one asked for), in one transaction; a 409
     * problem when none is free. The reservation belongs to that booking: only its reference releases it.
     * A preferred employee is tried first when free, without being a person's choice (AV-5 does not apply).
     * Where work positions limit in-person appointments, reservations of the unit take a transaction-scoped advisory
     * lock and count again under it, so concurrent ones cannot exceed the positions either.
     */
    @WithTransaction
    public Uni<Reservation> reserve(String municipality, OfferedService service, Instant start, String employee,
                                    String preferredEmployee, boolean staffAssigns, String bookingReference) {
        LocalDate day = start.atZone(config.zone()).toLocalDate();
        return search.candidates(municipality, service, day, day, employee, staffAssigns)
                .flatMap(result -> !result.positionsLimited() ? Uni.createFrom().item(result)
                        : lockPositions(service.unitId()).flatMap(locked -> search.candidates(municipality, service, day, day, employee, staffAssigns)))
                .flatMap(result -> {
                    SlotGrid.Candidate slot = result.candidates().stream().filter(c -> c.start().equals(start)).findFirst()
                            .orElseThrow(() -> Problems.slotUnavailable(
                                    "Δεν υπάρχει διαθέσιμη ώρα ραντεβού στις " + AthensTime.readable(start) + ".",
                                    "No free appointment starts at " + AthensTime.readable(start) + "."));
                    List<String> order = new ArrayList<>(slot.freeEmployees());
                    if (preferredEmployee != null && order.remove(preferredEmployee)) {
                        order.add(0, preferredEmployee); // continuity (a moved booking keeps its employee), no choice made
                    }
                    return insertFirstFree(municipality, service, slot, order, clock.instant().truncatedTo(ChronoUnit.MICROS),
                            bookingReference);
                });
    }

    /**
     * Gives a booking's reserved time back: the one way an employee's time is freed (docs/architecture.md says who
     * calls it, and when). Releasing twice changes nothing; answers whether the booking has such a reservation.
     */
    @WithTransaction
    public Uni<Boolean> release(UUID id, String bookingReference) {
        return Reservation.update("status = ?1 where id = ?2 and bookingReference = ?3 and status = ?4",
                        Reservation.Status.RELEASED, id, bookingReference, Reservation.Status.CONFIRMED)
                .flatMap(released -> released > 0 ? Uni.createFrom().item(true)
                        : Reservation.count("id = ?1 and bookingReference = ?2", id, bookingReference).map(n -> n > 0));
    }

    /** Reservations kept that were taken between two instants, oldest first, at most 10,000 at a time. */
    @WithSession
    public Uni<List<Reservation>> keptBetween(Instant from, Instant to) {
        return Reservation.<Reservation>find("status = ?1 and createdAt >= ?2 and createdAt < ?3 order by createdAt",
                Reservation.Status.CONFIRMED, from, to).range(0, 9_999).list();
    }

    /** Executed as an update: a native select would add a query plan to Hibernate's cache at every call. */
    private static Uni<Integer> lockPositions(String unitId) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('work-positions:' || :unit))")
                .setParameter("unit", unitId).executeUpdate());
    }

    /** The row just inserted, as the database holds it (timestamps in microseconds), without reading it back. */
    private static Reservation inserted(UUID id, String employee, String municipality, OfferedService service,
                                        SlotGrid.Candidate slot, Instant now, String bookingReference) {
        Reservation r = new Reservation();
        r.id = id;
        r.employeeId = employee;
        r.municipalityCode = municipality;
        r.unitId = service.unitId();
        r.serviceId = service.id();
        r.mode = service.mode().name();
        r.startsAt = slot.start();
        r.endsAt = slot.end();
        r.blockedUntil = slot.blockedUntil();
        r.status = Reservation.Status.CONFIRMED;
        r.createdAt = now;
        r.bookingReference = bookingReference;
        return r;
    }

    private Uni<Reservation> insertFirstFree(String municipality, OfferedService service, SlotGrid.Candidate slot,
                                             List<String> employees, Instant now, String bookingReference) {
        if (employees.isEmpty()) {
            return Uni.createFrom().failure(Problems.slotUnavailable(
                    "Η ώρα " + AthensTime.readable(slot.start()) + " μόλις κλείστηκε από άλλον· παρακαλούμε επιλέξτε άλλη.",
                    "The time " + AthensTime.readable(slot.start()) + " was just taken; please pick another."));
        }
        UUID id = UUID.randomUUID();
        return Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", id)
                        .setParameter("employee", employees.get(0))
                        .setParameter("municipality", municipality)
                        .setParameter("unit", service.unitId())
                        .setParameter("service", service.id())
                        .setParameter("mode", service.mode().name())
                        .setParameter("start", slot.start())
                        .setParameter("end", slot.end())
                        .setParameter("blockedUntil", slot.blockedUntil())
                        .setParameter("now", now)
                        .setParameter("booking", bookingReference)
                        .executeUpdate())
                .flatMap(inserted -> inserted == 1
                        ? Uni.createFrom().item(inserted(id, employees.get(0), municipality, service, slot, now, bookingReference))
                        : insertFirstFree(municipality, service, slot, employees.subList(1, employees.size()), now,
                                bookingReference));
    }
}
