package gr.mydimos.booking.booking;

import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.Problems;
import gr.mydimos.booking.availability.Availability;
import gr.mydimos.events.BookingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.StaleObjectStateException;

/**
 * Everything that happens to a booking after it is made: the citizen reschedules or cancels it until the cut-off
 * (BK-6), staff cancel it, the front desk marks check-in, completion or no-show (BK-8). Each change commits with its
 * event in the outbox (BK-11); concurrent changes of one booking are caught by its version.
 */
@ApplicationScoped
public class BookingChanges {

    @Inject
    Availability availability;
    @Inject
    BookingEvents events;
    @Inject
    BookingTransfers transfers;
    @Inject
    BookingConfig config;
    @Inject
    BookingViews views;
    @Inject
    Clock clock;
    @Inject
    ChangeCutOff cutOff;

    /**
     * Moves a booking to another free time: the same employee when they are free then, otherwise any qualified one (or
     * the one the person chose, where the municipality allows a choice). The citizen until the cut-off; a clerk or admin
     * of the municipality for a caller who asks on the phone or at the counter, at any time before it (BK-6, BK-10).
     */
    public Uni<BookingView> reschedule(String reference, OffsetDateTime start, String employee, Booking.Channel stated,
                                       Caller caller) {
        if (!caller.isCitizen() && !caller.isClerk() && !caller.isMunicipalAdmin()) {
            throw Problems.forbidden("reference", "Την ώρα ενός ραντεβού αλλάζει ο αιτών ή, για λογαριασμό του, υπάλληλος του δήμου.",
                    "A booking's time is changed by the applicant, or by the municipality's staff for them.");
        }
        Booking.Channel via = caller.via(stated);
        return BookingService.visible(reference, caller).flatMap(b -> {
            b.requireStatus(Booking.Status.CONFIRMED);
            if (caller.isCitizen()) {
                cutOff.requireOpen(b, clock.instant());
            } else {
                b.requireNotStarted(clock.instant());
            }
            Availability.Wanted wanted = new Availability.Wanted(b.municipalityCode, b.serviceId, b.mode, start, employee,
                    b.employeeId, caller.assignsEmployeesOf(b.municipalityCode));
            BookingEvent.Previous previous = events.previous(b);
            // moved by the person: a proposal pending for the old time no longer applies (a closure's would otherwise
            // cancel the booking at its deadline)
            return availability.reserveFor(b.reference, wanted, r -> transfers.withdrawOpen(b.id, b.reference)
                            .chain(() -> change(b, previous, caller, via, current -> {
                                current.requireStatus(Booking.Status.CONFIRMED);
                                current.moveTo(r.start().toInstant(), r.end().toInstant(), r.employee(), r.id());
                                return BookingEvent.RESCHEDULED;
                            })))
                    .call(() -> availability.release(previous.reservationId(), b.reference));
        });
    }

    /**
     * Cancels: the citizen until the cut-off; the municipality's clerks and admins while it is still to come, saying how
     * a caller asked when it is for one (without it: the municipality's own decision).
     */
    public Uni<BookingView> cancel(String reference, Booking.Channel stated, Caller caller) {
        Booking.Channel via = caller.isCitizen() || stated != null ? caller.via(stated) : null;
        return BookingService.visible(reference, caller).flatMap(b -> {
            b.requireStatus(Booking.Status.CONFIRMED);
            if (caller.isCitizen()) {
                cutOff.requireOpen(b, clock.instant());
            }
            return cancel(b, null, caller, via);
        });
    }

    /** The municipality cancels an upcoming booking and tells the person why (an emergency closure). */
    public Uni<BookingView> cancelWithReason(Booking b, String reason, Caller caller) {
        b.requireStatus(Booking.Status.CONFIRMED);
        return cancel(b, reason, caller, null);
    }

    /**
     * The municipality stops serving (a suspension): every upcoming confirmed booking is cancelled with the reason and
     * open proposals are withdrawn, in one transaction (rows locked, so a concurrent change waits or fails); each
     * person is told why by the mail the event plans, and availability frees the times on the events. Answers the
     * references cancelled.
     */
    public Uni<List<String>> cancelAllUpcoming(String municipality, String reason, Caller caller) {
        if (!caller.isCentralAdmin()) {
            throw Problems.forbidden("code", "Όλα τα ραντεβού ενός δήμου ακυρώνει μόνο η κεντρική διαχείριση, όταν τον αναστέλλει.",
                    "Only the central administration cancels all of a municipality's bookings, when it suspends it.");
        }
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Booking.<Booking>find("municipalityCode = ?1 and status = ?2 and startsAt > ?3 order by startsAt",
                                municipality, Booking.Status.CONFIRMED, now)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                        .call(transfers::expireOpen)
                        .call(bookings -> Multi.createFrom().iterable(bookings).onItem().transformToUniAndConcatenate(b -> {
                            String type = b.cancel(reason);
                            b.changedBy(caller.subject(), now, null);
                            return events.record(type, b, null);
                        }).collect().asList())
                        .map(bookings -> bookings.stream().map(b -> b.reference).toList()));
    }

    private Uni<BookingView> cancel(Booking b, String reason, Caller caller, Booking.Channel via) {
        UUID reservation = b.reservationId;
        return change(b, null, caller, via, current -> current.cancel(reason))
                .call(() -> availability.release(reservation, b.reference))
                .call(() -> transfers.withdrawOpen(b.id, b.reference));
    }

    /** The front desk: the person arrived (on the appointment's day). */
    public Uni<BookingView> checkIn(String reference, Caller caller) {
        return frontDesk(reference, caller, b -> b.checkIn(clock.instant(), config.zone()));
    }

    /** The front desk: the appointment took place. */
    public Uni<BookingView> complete(String reference, Caller caller) {
        return frontDesk(reference, caller, Booking::complete);
    }

    /** The front desk: the person did not come (once the appointment has started). */
    public Uni<BookingView> noShow(String reference, Caller caller) {
        return frontDesk(reference, caller, b -> b.recordNoShow(clock.instant()));
    }

    private Uni<BookingView> frontDesk(String reference, Caller caller, Function<Booking, String> operation) {
        if (!caller.isClerk()) {
            throw Problems.forbidden("reference", "Μόνο οι υπάλληλοι εξυπηρέτησης μπορούν να καταγράψουν την προσέλευση και την έκβαση.",
                    "The front desk (clerks) records arrivals and outcomes.");
        }
        return BookingService.visible(reference, caller).flatMap(b -> change(b, null, caller, null, operation));
    }

    /**
     * Applies the operation to the booking as it is now in the database, provided nobody changed it since it was read,
     * and commits it with the event the operation names (the booking checks its own rules, and refuses).
     */
    private Uni<BookingView> change(Booking read, BookingEvent.Previous previous, Caller caller, Booking.Channel via,
                                    Function<Booking, String> operation) {
        return Panache.withTransaction(() -> Booking.<Booking>findById(read.id).flatMap(current -> {
                    if (current.version != read.version) {
                        throw Problems.changedMeanwhile();
                    }
                    String type = operation.apply(current);
                    current.changedBy(caller.subject(), clock.instant(), via);
                    return events.record(type, current, previous).replaceWith(current);
                }))
                .onFailure(StaleObjectStateException.class)
                .transform(stale -> Problems.changedMeanwhile())
                .flatMap(views::of);
    }
}
