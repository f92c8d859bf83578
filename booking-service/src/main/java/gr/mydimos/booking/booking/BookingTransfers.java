package gr.mydimos.booking.booking;

import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.Problems;
import gr.mydimos.booking.availability.Availability;
import gr.mydimos.events.BookingEvent;
import gr.mydimos.problems.AthensTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * BK-7: a municipal admin proposes to move a booking to another time or employee; the proposed time is reserved in
 * availability at once, the booking moves only when the applicant accepts (their consent is recorded), and a proposal
 * nobody accepts expires and gives its time back.
 */
@ApplicationScoped
public class BookingTransfers {

    private static final Logger LOG = Logger.getLogger(BookingTransfers.class);

    /** A transfer as the back office and the applicant see it. */
    public record TransferView(String reference, Transfer.Status status, OffsetDateTime start, OffsetDateTime end,
                               String employee, String reason, OffsetDateTime expiresAt, OffsetDateTime decidedAt,
                               Booking.Channel decidedVia) {}

    private record Moved(Booking booking, UUID released) {}

    @Inject
    Availability availability;
    @Inject
    BookingEvents events;
    @Inject
    BookingConfig config;
    @Inject
    BookingViews views;
    @Inject
    Clock clock;
    @Inject
    ChangeCutOff cutOff;

    public Uni<TransferView> propose(String reference, OffsetDateTime start, String employee, String reason, Caller caller) {
        if (!caller.isMunicipalAdmin() && !caller.isCentralAdmin()) {
            throw Problems.forbidden("reference", "Μόνο οι διαχειριστές του δήμου μπορούν να προτείνουν μεταφορά ραντεβού.", "Municipal admins propose transfers.");
        }
        return BookingService.visible(reference, caller)
                .flatMap(b -> propose(b, start, employee, reason, caller, null, null))
                .map(proposed -> view(proposed.booking(), proposed.transfer()));
    }

    /** A transfer proposed, with the booking it belongs to. */
    public record Proposed(Booking booking, Transfer transfer) {}

    /**
     * Proposes a new time for the booking. For an emergency closure ({@code closure} not null) the proposal lapses at
     * {@code answerBy} at the latest, and lapsed or declined it cancels the booking with the reason.
     */
    public Uni<Proposed> propose(Booking b, OffsetDateTime start, String employee, String reason, Caller caller,
                                 UUID closure, Instant answerBy) {
        Transfer.requireTransferable(b, clock.instant()); // refused before any time is held
        Availability.Wanted wanted = new Availability.Wanted(b.municipalityCode, b.serviceId, b.mode, start, employee, null,
                caller.assignsEmployeesOf(b.municipalityCode));
        return availability.reserveFor(b.reference, wanted, r -> Uni.createFrom().item(() -> Transfer.propose(b,
                                r.start().toInstant(), r.end().toInstant(), r.employee(), r.id(), reason, caller.subject(),
                                clock.instant(), closure, answerBy, cutOff, config.transferValidFor()))
                        .call(t -> Panache.withTransaction(() -> t.persist()
                                .call(() -> events.record(BookingEvent.TRANSFER_PROPOSED, b, null, proposal(t))))))
                .onFailure(ConstraintViolationException.class)
                .transform(e -> Problems.statusConflict("Εκκρεμεί ήδη απάντηση σε πρόταση μεταφοράς αυτού του ραντεβού.",
                        "A transfer of this booking is already awaiting an answer."))
                .map(t -> new Proposed(b, t));
    }


    /**
     * The applicant agrees: the booking moves to the proposed time, and the consent is recorded — given online, or on
     * the phone or at the counter to a clerk of the municipality, who is recorded as having taken it (BK-7).
     */
    public Uni<BookingView> accept(String reference, Booking.Channel stated, Caller caller) {
        Booking.Channel via = answering(caller, stated);
        return BookingService.visible(reference, caller).flatMap(read -> Panache.withTransaction(() -> Booking.<Booking>findById(read.id)
                        .flatMap(b -> latest(b.id).flatMap(t -> {
                                    Instant now = clock.instant();
                                    if (t == null) {
                                        throw Problems.statusConflict("Δεν εκκρεμεί πρόταση μεταφοράς αυτού του ραντεβού.",
                                                "No transfer of this booking awaits an answer.");
                                    }
                                    t.accept(caller.subject(), via, now);
                                    b.requireStatus(Booking.Status.CONFIRMED);
                                    BookingEvent.Previous previous = events.previous(b);
                                    b.moveTo(t.startsAt, t.endsAt, t.employeeId, t.reservationId);
                                    b.changedBy(caller.subject(), now, via);
                                    return events.record(BookingEvent.TRANSFERRED, b, previous)
                                            .replaceWith(new Moved(b, previous.reservationId()));
                                })))
                .call(moved -> availability.release(moved.released(), reference))
                .flatMap(moved -> views.of(moved.booking())));
    }

    /**
     * The applicant declines (online, or to a clerk on the phone or at the counter): the booking stays as it is, and the
     * time the proposal reserved is released at once.
     */
    public Uni<TransferView> decline(String reference, Booking.Channel stated, Caller caller) {
        Booking.Channel via = answering(caller, stated);
        return BookingService.visible(reference, caller).flatMap(read -> Panache.withTransaction(() -> Booking.<Booking>findById(read.id)
                        .flatMap(b -> latest(b.id).flatMap(t -> {
                            if (t == null) {
                                throw Problems.statusConflict("Δεν εκκρεμεί πρόταση μεταφοράς αυτού του ραντεβού.",
                                                "No transfer of this booking awaits an answer.");
                            }
                            t.decline(caller.subject(), via, clock.instant());
                            UUID booked = b.reservationId;
                            return events.record(BookingEvent.TRANSFER_DECLINED, b, null, proposal(t))
                                    .call(() -> !t.cancelsIfUnanswered() ? Uni.createFrom().voidItem() : cancelForClosure(b, t, caller.subject(), via))
                                    .replaceWith(new Declined(b, t, t.cancelsIfUnanswered() ? booked : null));
                        })))
                .call(declined -> availability.release(declined.transfer().reservationId, reference))
                .call(declined -> declined.cancelledReservation() == null ? Uni.createFrom().voidItem()
                        : availability.release(declined.cancelledReservation(), reference))
                .map(declined -> view(declined.booking(), declined.transfer())));
    }

    /** cancelledReservation: the booking's own time, freed when declining a closure's proposal cancelled it. */
    private record Declined(Booking booking, Transfer transfer, UUID cancelledReservation) {}

    /**
     * A closure's proposal declined or lapsed: the booking cannot stay in the closed time, so it is cancelled with the
     * closure's reason (the person is told it and offered to book again). Availability frees its time on the event.
     */
    private Uni<Void> cancelForClosure(Booking b, Transfer t, String by, Booking.Channel via) {
        if (b.status != Booking.Status.CONFIRMED) {
            return Uni.createFrom().voidItem();
        }
        String type = b.cancel(t.reason);
        b.changedBy(by, clock.instant(), via);
        return events.record(type, b, null);
    }

    /** Who may answer a proposal: the applicant, or a clerk taking the applicant's answer; the admin who made it may not. */
    private static Booking.Channel answering(Caller caller, Booking.Channel stated) {
        if (!caller.isCitizen() && !caller.isClerk()) {
            throw Problems.forbidden("reference", "Την απάντηση σε πρόταση μεταφοράς δίνει ο αιτών, ή υπάλληλος εξυπηρέτησης εκ μέρους του.",
                    "A transfer is answered by the applicant, or by a clerk who takes the applicant's answer.");
        }
        return caller.via(stated);
    }

    /**
     * Proposals past their time lapse. A job has no person's token to call availability with, so the expiry is an
     * event (with the proposal's reservation) that availability acts on. Safe on several instances: rows are locked.
     */
    @Scheduled(every = "${booking.transfer-expiry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> expire() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Transfer.<Transfer>find("status = ?1 and expiresAt <= ?2 order by expiresAt",
                                Transfer.Status.PROPOSED, now)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, 100).list()
                        .flatMap(due -> Multi.createFrom().iterable(due)
                                .onItem().transformToUniAndConcatenate(t -> {
                                    t.expire(now);
                                    return Booking.<Booking>findById(t.bookingId)
                                            .call(b -> events.record(BookingEvent.TRANSFER_EXPIRED, b, null, proposal(t)))
                                            .call(b -> t.closureId == null ? Uni.createFrom().voidItem()
                                                    : cancelForClosure(b, t, t.proposedBy, null));
                                })
                                .collect().asList().map(List::size)))
                .invoke(expired -> {
                    if (expired > 0) {
                        LOG.infof("%d transfer proposal(s) expired", expired);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Expires the open proposals of these bookings inside the caller's transaction (they are being cancelled);
     * availability gives the proposals' times back on the events.
     */
    Uni<Void> expireOpen(List<Booking> bookings) {
        if (bookings.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, Booking> byId = bookings.stream().collect(Collectors.toMap(b -> b.id, b -> b));
        return Transfer.<Transfer>list("bookingId in ?1 and status = ?2", byId.keySet(), Transfer.Status.PROPOSED)
                .flatMap(open -> Multi.createFrom().iterable(open).onItem().transformToUniAndConcatenate(t -> {
                    t.expire(clock.instant());
                    return events.record(BookingEvent.TRANSFER_EXPIRED, byId.get(t.bookingId), null, proposal(t));
                }).collect().asList())
                .replaceWithVoid();
    }

    /** Expires the booking's open proposal (the booking was cancelled) and gives its time back. */
    public Uni<Void> withdrawOpen(UUID bookingId, String reference) {
        return withdraw(bookingId, reference, "bookingId = ?1 and status = ?2");
    }

    /** Expires the booking's open proposal unless an emergency closure made it (that one stays the closure's). */
    public Uni<Void> withdrawOpenUnlessOfClosure(UUID bookingId, String reference) {
        return withdraw(bookingId, reference, "bookingId = ?1 and status = ?2 and closureId is null");
    }

    /**
     * The proposal lapses with its event, in its own transaction, and its time is given back at once (availability
     * frees it again on the event, should this release be lost).
     */
    private Uni<Void> withdraw(UUID bookingId, String reference, String open) {
        return Panache.withTransaction(() -> Transfer.<Transfer>find(open, bookingId, Transfer.Status.PROPOSED).firstResult()
                        .call(t -> {
                            if (t == null) {
                                return Uni.createFrom().voidItem();
                            }
                            t.expire(clock.instant());
                            return Booking.<Booking>findById(bookingId)
                                    .call(b -> events.record(BookingEvent.TRANSFER_EXPIRED, b, null, proposal(t)));
                        }))
                .call(t -> t == null ? Uni.createFrom().voidItem() : availability.release(t.reservationId, reference))
                .replaceWithVoid();
    }

    /** The open proposal if there is one, else the last one decided. */
    private static Uni<Transfer> latest(UUID bookingId) {
        return Transfer.<Transfer>find("bookingId = ?1 and status = ?2", bookingId, Transfer.Status.PROPOSED).firstResult()
                .flatMap(open -> open != null ? Uni.createFrom().item(open)
                        : Transfer.<Transfer>find("bookingId = ?1 order by decidedAt desc, proposedAt desc", bookingId).firstResult());
    }

    private TransferView view(Booking b, Transfer t) {
        return new TransferView(b.reference, t.status, at(t.startsAt), at(t.endsAt), t.employeeId, t.reason,
                at(t.expiresAt), t.decidedAt == null ? null : at(t.decidedAt), t.decidedVia);
    }

    private BookingEvent.Proposal proposal(Transfer t) {
        return new BookingEvent.Proposal(at(t.startsAt), at(t.endsAt), t.employeeId, at(t.expiresAt), t.reservationId,
                t.reason, t.closureId != null);
    }

    private OffsetDateTime at(Instant instant) {
        return instant.atZone(config.zone()).toOffsetDateTime();
    }

}
