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
import java.util.List;
import java.util.UUID;

/**
 * Holds, confirms and releases reservations. Whatever the application believes is free, the insert only succeeds
 * when the database's exclusion constraint agrees, so two requests can never get the same employee's time.
 */
@ApplicationScoped
public class Reservations {

    private static final String INSERT = """
            INSERT INTO reservation (id, employee_id, municipality_code, unit_id, service_id, mode, starts_at, ends_at,
                                     blocked_until, status, hold_expires_at, created_at, booking_reference)
            VALUES (:id, :employee, :municipality, :unit, :service, :mode, :start, :end, :blockedUntil, 'HELD', :expiresAt,
                    :now, :booking)
            ON CONFLICT DO NOTHING""";

    @Inject
    SlotSearch search;
    @Inject
    AvailabilityConfig config;
    @Inject
    Clock clock;

    /**
     * Holds the slot for a booking with the least busy free employee (or the one asked for); a 409 problem when none
     * is free. The hold belongs to that booking: only its reference confirms or releases it.
     * A preferred employee is tried first when free, without being a person's choice (AV-5 does not apply).
     * Where work positions limit in-person appointments, holds of the unit take a transaction-scoped advisory lock
     * and count again under it, so concurrent holds cannot exceed the positions either.
     */
    @WithTransaction
    public Uni<Reservation> hold(String municipality, OfferedService service, Instant start, String employee,
                                 String preferredEmployee, boolean staffAssigns, String bookingReference) {
        LocalDate day = start.atZone(config.zone()).toLocalDate();
        Instant now = clock.instant();
        return search.candidates(municipality, service, day, day, employee, staffAssigns)
                .flatMap(result -> !result.positionsLimited() ? Uni.createFrom().item(result)
                        : lockPositions(service.unitId()).flatMap(locked -> search.candidates(municipality, service, day, day, employee, staffAssigns)))
                .flatMap(result -> {
                    SlotGrid.Candidate slot = result.candidates().stream().filter(c -> c.start().equals(start)).findFirst()
                            .orElseThrow(() -> Problems.slotUnavailable(
                                    "Δεν υπάρχει διαθέσιμη ώρα ραντεβού στις " + AthensTime.readable(start) + ".",
                                    "No free appointment starts at " + AthensTime.readable(start) + "."));
                    List<String> order = new java.util.ArrayList<>(slot.freeEmployees());
                    if (preferredEmployee != null && order.remove(preferredEmployee)) {
                        order.add(0, preferredEmployee); // continuity (a moved booking keeps its employee), no choice made
                    }
                    return expireStaleHolds(order, now)
                            .flatMap(ignored -> insertFirstFree(municipality, service, slot, order, now, bookingReference));
                });
    }

    /**
     * Turns a hold into the booking's reservation; a 409 problem when the hold expired or was released, and a 404 for
     * a hold of another booking (as if it did not exist).
     */
    @WithTransaction
    public Uni<Reservation> confirm(UUID holdId, String bookingReference) {
        return Reservation.<Reservation>findById(holdId).map(reservation -> {
            if (reservation == null || !bookingReference.equals(reservation.bookingReference)) {
                throw Problems.notFound("holdId", "Δεν υπάρχει δέσμευση " + holdId + " του ραντεβού " + bookingReference + ".",
                        "No hold " + holdId + " of booking " + bookingReference + ".");
            }
            if (reservation.status == Reservation.Status.CONFIRMED && bookingReference.equals(reservation.bookingReference)) {
                return reservation; // a retried confirmation
            }
            if (reservation.status != Reservation.Status.HELD) {
                throw Problems.holdNotActive("Η δέσμευση " + holdId + " δεν είναι πλέον ενεργή.",
                        "Hold " + holdId + " is " + reservation.status + ".");
            }
            reservation.status = Reservation.Status.CONFIRMED;
            reservation.bookingReference = bookingReference;
            return reservation;
        });
    }

    /** Frees the time of a booking's hold or confirmed reservation. Releasing twice is harmless. */
    @WithTransaction
    public Uni<Void> release(UUID id, String bookingReference) {
        return Reservation.<Reservation>findById(id).map(reservation -> {
            if (reservation == null || !bookingReference.equals(reservation.bookingReference)) {
                throw Problems.notFound("id", "Δεν υπάρχει δέσμευση " + id + " του ραντεβού " + bookingReference + ".",
                        "No reservation " + id + " of booking " + bookingReference + ".");
            }
            if (reservation.status == Reservation.Status.HELD || reservation.status == Reservation.Status.CONFIRMED) {
                reservation.status = Reservation.Status.RELEASED;
            }
            return null;
        });
    }

    /** Confirmed reservations taken between two instants, oldest first, at most 10,000 at a time. */
    @WithSession
    public Uni<List<Reservation>> confirmedBetween(Instant from, Instant to) {
        return Reservation.<Reservation>find("status = ?1 and createdAt >= ?2 and createdAt < ?3 order by createdAt",
                Reservation.Status.CONFIRMED, from, to).range(0, 9_999).list();
    }

    /** Releases the reservation a booking no longer uses (from booking events); unknown or already released ids change nothing. */
    @WithTransaction
    public Uni<Integer> releaseForBooking(UUID id, String bookingReference) {
        return Reservation.update("status = ?1 where id = ?2 and bookingReference = ?3 and status in (?4, ?5)",
                Reservation.Status.RELEASED, id, bookingReference, Reservation.Status.HELD, Reservation.Status.CONFIRMED);
    }

    /** Releases the employee's unconfirmed holds (a removed employee); their confirmed appointments stay to be moved. */
    public Uni<Integer> releaseHolds(String employeeId) {
        return Reservation.update("status = ?1 where employeeId = ?2 and status = ?3",
                Reservation.Status.RELEASED, employeeId, Reservation.Status.HELD);
    }

    /** Expires every hold past its lifetime (the sweeper). */
    public Uni<Integer> expireDueHolds() {
        return Reservation.update("status = ?1 where status = ?2 and holdExpiresAt <= ?3",
                Reservation.Status.EXPIRED, Reservation.Status.HELD, clock.instant());
    }

    private static Uni<Object> lockPositions(String unitId) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('work-positions:' || :unit))) AS l")
                .setParameter("unit", unitId).getSingleResult());
    }

    private Uni<Integer> expireStaleHolds(List<String> employees, Instant now) {
        return Reservation.update("status = ?1 where employeeId in ?2 and status = ?3 and holdExpiresAt <= ?4",
                Reservation.Status.EXPIRED, employees, Reservation.Status.HELD, now);
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
                        .setParameter("expiresAt", now.plus(config.holdLifetime()))
                        .setParameter("now", now)
                        .setParameter("booking", bookingReference)
                        .executeUpdate())
                .flatMap(inserted -> inserted == 1
                        ? Reservation.<Reservation>findById(id)
                        : insertFirstFree(municipality, service, slot, employees.subList(1, employees.size()), now,
                                bookingReference));
    }
}
