package gr.mydimos.booking.closure;

import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.Mode;
import gr.mydimos.booking.Problems;
import gr.mydimos.booking.availability.Availability;
import gr.mydimos.booking.booking.Booking;
import gr.mydimos.booking.booking.BookingChanges;
import gr.mydimos.booking.booking.BookingTransfers;
import gr.mydimos.booking.booking.Caller;
import gr.mydimos.booking.booking.Transfer;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Emergency closures that relocate instead of refusing (issue 21 item 4): the admin closes a unit, an employee's time
 * or the whole municipality for a period, and in the same step either every booking it strands is offered the first
 * free time after it (the person accepts or declines online or through a clerk; declined or unanswered by the
 * admin's deadline, it is cancelled with the reason), or every one is cancelled with the reason. The closure is in
 * force in availability before any new time is looked for, so none is proposed inside it; nothing is stranded
 * silently: a booking whose handling failed is listed as not handled, and handling it again is one call.
 */
@ApplicationScoped
public class Closures {

    private static final Logger LOG = Logger.getLogger(Closures.class);

    /** A person has at least this long to answer a proposed time before it lapses at its cut-off. */
    private static final Duration TIME_TO_ANSWER = Duration.ofMinutes(30);
    /** New times tried per booking before it is cancelled as there is none (others took them meanwhile). */
    private static final int ATTEMPTS = 5;

    /** What became of a stranded booking. */
    public enum Outcome {
        AWAITING_ANSWER, MOVED, DECLINED, UNANSWERED, CANCELLED, CANCELLED_BY_PERSON, RESCHEDULED_BY_PERSON, NOT_HANDLED
    }

    /** expected: the references the admin saw stranded; if others are stranded now, nothing is done (null: any). */
    public record ClosureRequest(String municipality, String unitId, String employeeId, OffsetDateTime start,
                                 OffsetDateTime end, String reason, Closure.Handling handling, OffsetDateTime answerBy,
                                 List<String> expected) {}

    /** A stranded booking: its original time, what became of it, and the new time proposed or taken. */
    @Schema(name = "StrandedBooking", requiredProperties = {"reference", "service", "mode", "originalStart", "outcome"})
    public record StrandedView(String reference, String person, String service, Mode mode, OffsetDateTime originalStart,
                               Outcome outcome, OffsetDateTime newStart, OffsetDateTime answerDue,
                               Booking.Channel answeredVia, OffsetDateTime answeredAt) {}

    /** A booking the period would strand, before anything is decided. */
    @Schema(name = "AffectedBooking", requiredProperties = {"reference", "service", "mode", "start"})
    public record Affected(String reference, String person, String service, Mode mode, OffsetDateTime start) {}

    @Schema(name = "EmergencyClosure", requiredProperties = {"id", "municipality", "start", "end", "reason", "handling",
            "declaredAt", "inForce", "bookings"})
    public record ClosureView(UUID id, String municipality, String unitId, String employeeId, OffsetDateTime start,
                              OffsetDateTime end, String reason, Closure.Handling handling, OffsetDateTime answerBy,
                              OffsetDateTime declaredAt, boolean inForce, List<StrandedView> bookings) {}

    @Inject
    Availability availability;
    @Inject
    BookingChanges changes;
    @Inject
    BookingTransfers transfers;
    @Inject
    BookingConfig config;
    @Inject
    java.time.Clock clock;

    /**
     * Records the closure with the bookings it strands, puts it in force in availability (asked with the closure's id,
     * so that asking again after a lost answer adds nothing), then handles each booking. A refusal (booked meanwhile,
     * an unknown unit or employee) leaves nothing behind; availability not answering leaves the closure recorded and
     * not yet in force, which handling it again completes.
     */
    public Uni<ClosureView> declare(ClosureRequest request, Caller caller) {
        requireAdmin(request.municipality(), caller);
        validate(request);
        String unit = blankToNull(request.unitId());
        String employee = blankToNull(request.employeeId());
        Instant start = request.start().toInstant();
        Instant end = request.end().toInstant();
        return withdrawProposalsInto(request.municipality(), unit, employee, start, end)
                .chain(() -> stranded(request.municipality(), unit, employee, start, end))
                .invoke(bookings -> { // one cancelled since the admin looked is no matter; one booked since is
                    List<String> added = request.expected() == null ? List.of() : bookings.stream().map(b -> b.reference)
                            .filter(reference -> !request.expected().contains(reference)).toList();
                    if (!added.isEmpty()) {
                        throw Problems.bookedMeanwhile(added);
                    }
                })
                .flatMap(bookings -> Panache.withTransaction(() -> {
                    Closure c = new Closure();
                    c.id = UUID.randomUUID();
                    c.municipalityCode = request.municipality();
                    c.unitId = unit;
                    c.employeeId = employee;
                    c.startsAt = start;
                    c.endsAt = end;
                    c.reason = request.reason().strip();
                    c.handling = request.handling();
                    c.answerBy = request.answerBy() == null ? null : request.answerBy().toInstant();
                    c.declaredBy = caller.subject();
                    c.declaredAt = clock.instant();
                    List<StrandedBooking> rows = bookings.stream().map(b -> stranded(c, b)).toList();
                    return c.<Closure>persist().call(() -> StrandedBooking.persist(rows));
                }))
                .call(c -> inForce(c).onFailure(Problem.class).call(refused -> forget(c)))
                .call(c -> handle(c, caller))
                .flatMap(this::view);
    }

    /** Puts the recorded closure in force in availability, letting exactly its recorded bookings be stranded. */
    private Uni<Void> inForce(Closure c) {
        if (c.availabilityExceptionId != null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> StrandedBooking.<StrandedBooking>list("closureId", c.id)
                        .flatMap(rows -> rows.isEmpty() ? Uni.createFrom().item(List.<String>of())
                                : Booking.<Booking>list("id in ?1", rows.stream().map(r -> r.bookingId).toList())
                                .map(bookings -> bookings.stream().map(b -> b.reference).toList())))
                .flatMap(handled -> availability.close(c.id, c.municipalityCode, c.unitId, c.employeeId, at(c.startsAt),
                        at(c.endsAt), c.reason, handled))
                .onFailure(failure -> !(failure instanceof Problem p) || p.getType() == ProblemType.DEPENDENCY_UNAVAILABLE)
                .transform(lost -> Problems.dependencyUnavailable(
                        "Η υπηρεσία διαθεσιμότητας δεν απάντησε· το κλείσιμο καταγράφηκε, αλλά ίσως δεν ισχύει ακόμη και τα ραντεβού "
                                + "του δεν έχουν ενημερωθεί. Επιλέξτε «Χειρισμός των υπόλοιπων ραντεβού» στη λίστα των κλεισιμάτων.",
                        "The availability service did not answer: the closure is recorded but may not be in force yet, and its "
                                + "bookings are not handled. Choose \"Handle the remaining appointments\" in the list of closures."))
                .flatMap(exception -> Panache.withTransaction(() -> Closure.<Closure>findById(c.id)
                                .invoke(current -> current.availabilityExceptionId = exception))
                        .invoke(() -> c.availabilityExceptionId = exception))
                .replaceWithVoid();
    }

    /** A closure availability refused is not kept: nothing of it is in force. */
    private Uni<Void> forget(Closure c) {
        return Panache.withTransaction(() -> StrandedBooking.delete("closureId", c.id).call(() -> Closure.deleteById(c.id)))
                .replaceWithVoid();
    }

    /**
     * Proposals made earlier (not by a closure) for a time in the period are withdrawn: nobody is to accept a time
     * that is closed, and their reservations would otherwise refuse the closure.
     */
    private Uni<Void> withdrawProposalsInto(String municipality, String unit, String employee, Instant start, Instant end) {
        StringBuilder query = new StringBuilder("municipalityCode = ?1 and id in (select t.bookingId from Transfer t"
                + " where t.status = ?2 and t.closureId is null and t.startsAt < ?3 and t.endsAt > ?4");
        List<Object> parameters = new ArrayList<>(List.of(municipality, Transfer.Status.PROPOSED, end, start));
        if (employee != null) {
            query.append(" and t.employeeId = ?5)");
            parameters.add(employee);
        } else {
            query.append(")");
            if (unit != null) {
                query.append(" and unitId = ?5");
                parameters.add(unit);
            }
        }
        return Panache.withSession(() -> Booking.<Booking>list(query.toString(), parameters.toArray()))
                .flatMap(bookings -> Multi.createFrom().iterable(bookings)
                        .onItem().transformToUniAndConcatenate(b -> transfers.withdrawOpenUnlessOfClosure(b.id, b.reference))
                        .collect().asList())
                .replaceWithVoid();
    }

    /** The bookings a closure of this period would strand, for the admin to see before deciding. */
    public Uni<List<Affected>> affected(String municipality, String unitId, String employeeId, OffsetDateTime start,
                                        OffsetDateTime end, Caller caller) {
        requireAdmin(municipality, caller);
        validatePeriod(unitId, employeeId, start, end);
        return stranded(municipality, blankToNull(unitId), blankToNull(employeeId), start.toInstant(), end.toInstant())
                .map(bookings -> bookings.stream().map(b -> new Affected(b.reference, b.personFullName, b.serviceId, b.mode,
                        at(b.startsAt))).toList());
    }

    /** Handles again the closure's bookings whose handling failed (availability did not answer, say). */
    public Uni<ClosureView> handleAgain(UUID id, Caller caller) {
        return Panache.withSession(() -> Closure.<Closure>findById(id)).flatMap(c -> {
            if (c == null || !caller.isCentralAdmin() && !c.municipalityCode.equals(caller.municipality())) {
                throw Problem.of(ProblemType.NOT_FOUND).detail("Δεν υπάρχει τέτοιο κλείσιμο.", "No such closure.")
                        .with("field", "id").build();
            }
            requireAdmin(c.municipalityCode, caller);
            return inForce(c).chain(() -> handle(c, caller)).replaceWith(c);
        }).flatMap(this::view);
    }

    public Uni<List<ClosureView>> of(String municipality, Caller caller) {
        requireAdmin(municipality, caller);
        return Panache.withSession(() -> Closure.<Closure>find("municipalityCode = ?1 order by declaredAt desc", municipality)
                        .page(0, 50).list())
                .flatMap(this::views);
    }

    /** The municipality's confirmed bookings the period strands, of the unit, the employee or all. */
    private Uni<List<Booking>> stranded(String municipality, String unit, String employee, Instant start, Instant end) {
        StringBuilder query = new StringBuilder("municipalityCode = ?1 and status = ?2 and startsAt < ?3 and endsAt > ?4 and endsAt > ?5");
        List<Object> parameters = new ArrayList<>(List.of(municipality, Booking.Status.CONFIRMED, end, start, clock.instant()));
        if (employee != null) {
            query.append(" and employeeId = ?6");
            parameters.add(employee);
        } else if (unit != null) {
            query.append(" and unitId = ?6");
            parameters.add(unit);
        }
        return Panache.withSession(() -> Booking.<Booking>list(query.append(" order by startsAt").toString(), parameters.toArray()));
    }

    /**
     * Proposes a new time to, or cancels, each of the closure's bookings that is still confirmed in the closed period
     * with no proposal of this closure; one at a time, each on its own, so that one failure leaves the rest handled.
     */
    private Uni<Void> handle(Closure c, Caller caller) {
        Map<String, List<OffsetDateTime>> freeTimes = new HashMap<>();
        return pending(c).flatMap(bookings -> Multi.createFrom().iterable(bookings)
                .onItem().transformToUniAndConcatenate(b -> (cancels(c, b)
                        ? changes.cancelWithReason(b, c.reason, caller).replaceWithVoid()
                        : transfers.withdrawOpenUnlessOfClosure(b.id, b.reference).chain(() -> relocate(c, b, caller, freeTimes)))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Closure %s: booking %s not handled now: %s", c.id, b.reference, failure.toString());
                            return null;
                        }))
                .collect().asList().replaceWithVoid());
    }

    /**
     * Cancelled rather than offered a new time: when the admin chose so, when the appointment is already under way,
     * and when the deadline to answer has (all but) passed (handled again late).
     */
    private boolean cancels(Closure c, Booking b) {
        Instant now = clock.instant();
        return c.handling == Closure.Handling.CANCEL || !b.startsAt.isAfter(now)
                || !c.answerBy.isAfter(now.plus(TIME_TO_ANSWER));
    }

    /**
     * The closure's bookings still confirmed in the closed period with no proposal of a closure open or decided (this
     * one's was answered; another's is that closure's to follow).
     */
    private Uni<List<Booking>> pending(Closure c) {
        return Panache.withSession(() -> StrandedBooking.<StrandedBooking>list("closureId", c.id)
                .flatMap(rows -> rows.isEmpty() ? Uni.createFrom().item(List.<Booking>of())
                        : Booking.<Booking>list("id in ?1 and status = ?2 and startsAt < ?3 and endsAt > ?4 order by startsAt",
                        rows.stream().map(r -> r.bookingId).toList(), Booking.Status.CONFIRMED, c.endsAt, c.startsAt))
                .flatMap(bookings -> Transfer.<Transfer>list("closureId = ?1 or (closureId is not null and status = ?2)",
                        c.id, Transfer.Status.PROPOSED).map(proposed -> {
                    var handled = proposed.stream().map(t -> t.bookingId).collect(Collectors.toSet());
                    return bookings.stream().filter(b -> !handled.contains(b.id)).toList();
                })));
    }

    /**
     * The first free time of the same service and mode that the person can still accept until the admin's deadline
     * (the proposal lapses at the cut-off before it); none, and the booking is cancelled with the reason.
     */
    private Uni<Void> relocate(Closure c, Booking b, Caller caller, Map<String, List<OffsetDateTime>> freeTimes) {
        Instant due = c.answerBy.isBefore(b.startsAt) ? c.answerBy : b.startsAt;
        Instant earliest = latest(due, clock.instant().plus(TIME_TO_ANSWER)).plus(config.changeCutOff());
        LocalDate from = LocalDate.ofInstant(earliest, config.zone());
        String key = b.serviceId + "/" + b.mode + "/" + from;
        Uni<List<OffsetDateTime>> times = freeTimes.containsKey(key) ? Uni.createFrom().item(freeTimes.get(key))
                : searchFreeTimes(b, from).invoke(found -> freeTimes.put(key, found));
        return times.flatMap(free -> attempt(c, b, caller, free, earliest, 0));
    }

    private Uni<Void> attempt(Closure c, Booking b, Caller caller, List<OffsetDateTime> free, Instant earliest, int tried) {
        OffsetDateTime time = free.stream().filter(t -> !t.toInstant().isBefore(earliest)).findFirst().orElse(null);
        if (time == null || tried == ATTEMPTS) {
            return changes.cancelWithReason(b, c.reason, caller).replaceWithVoid();
        }
        free.remove(time); // taken now, or by others meanwhile: not offered twice
        return transfers.propose(b, time, null, c.reason, caller, c.id, c.answerBy).replaceWithVoid()
                .onFailure(f -> f instanceof Problem p && p.getType() == ProblemType.SLOT_UNAVAILABLE)
                .recoverWithUni(() -> attempt(c, b, caller, free, earliest, tried + 1));
    }

    private Uni<List<OffsetDateTime>> searchFreeTimes(Booking b, LocalDate from) {
        return availability.freeTimes(b.municipalityCode, b.serviceId, b.mode, from, from.plusDays(config.relocationSearchDays() - 1))
                .map(found -> new ArrayList<>(found));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Uni<ClosureView> view(Closure c) {
        return views(List.of(c)).map(list -> list.get(0));
    }

    private Uni<List<ClosureView>> views(List<Closure> closures) {
        if (closures.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = closures.stream().map(c -> c.id).toList();
        return Panache.withSession(() -> StrandedBooking.<StrandedBooking>list("closureId in ?1", ids)
                .flatMap(rows -> (rows.isEmpty() ? Uni.createFrom().item(List.<Booking>of())
                        : Booking.<Booking>list("id in ?1", rows.stream().map(r -> r.bookingId).toList()))
                        .flatMap(bookings -> Transfer.<Transfer>list("closureId in ?1 order by proposedAt", ids)
                                .map(proposals -> {
                                    Map<UUID, Booking> byId = bookings.stream().collect(Collectors.toMap(b -> b.id, Function.identity()));
                                    return closures.stream().map(c -> view(c, rows.stream()
                                            .filter(r -> r.closureId.equals(c.id))
                                            .sorted(Comparator.comparing((StrandedBooking r) -> r.originalStart))
                                            .map(r -> stranded(c, r, byId.get(r.bookingId), proposals.stream()
                                                    .filter(t -> c.id.equals(t.closureId) && t.bookingId.equals(r.bookingId))
                                                    .reduce((first, later) -> later).orElse(null)))
                                            .toList())).toList();
                                }))));
    }

    private ClosureView view(Closure c, List<StrandedView> bookings) {
        return new ClosureView(c.id, c.municipalityCode, c.unitId, c.employeeId, at(c.startsAt), at(c.endsAt), c.reason,
                c.handling, at(c.answerBy), at(c.declaredAt), c.availabilityExceptionId != null, bookings);
    }

    private StrandedView stranded(Closure c, StrandedBooking row, Booking b, Transfer t) {
        Outcome outcome = outcome(c, b, t);
        OffsetDateTime newStart = switch (outcome) {
            case AWAITING_ANSWER, MOVED -> at(t.startsAt);
            case RESCHEDULED_BY_PERSON -> at(b.startsAt);
            default -> null;
        };
        return new StrandedView(b.reference, b.personFullName, b.serviceId, b.mode, at(row.originalStart), outcome, newStart,
                t == null ? null : at(t.expiresAt), t == null ? null : t.decidedVia, t == null ? null : at(t.decidedAt));
    }

    /** What became of the booking, from its state and the closure's proposal to it (if one was made). */
    private static Outcome outcome(Closure c, Booking b, Transfer t) {
        if (t != null && t.status == Transfer.Status.PROPOSED) {
            return Outcome.AWAITING_ANSWER;
        }
        if (t != null && t.status == Transfer.Status.ACCEPTED) {
            return Outcome.MOVED;
        }
        if (t != null && t.status == Transfer.Status.DECLINED) {
            return Outcome.DECLINED;
        }
        if (b.status == Booking.Status.CANCELLED) {
            // the closure's reason: cancelled by it (unanswered at the deadline, or cancelled outright); none: by the person
            return b.cancellationReason == null ? Outcome.CANCELLED_BY_PERSON : t != null ? Outcome.UNANSWERED : Outcome.CANCELLED;
        }
        boolean stillClosed = b.startsAt.isBefore(c.endsAt) && b.endsAt.isAfter(c.startsAt);
        return stillClosed && t == null ? Outcome.NOT_HANDLED : Outcome.RESCHEDULED_BY_PERSON;
    }

    private static StrandedBooking stranded(Closure c, Booking b) {
        StrandedBooking row = new StrandedBooking();
        row.id = UUID.randomUUID();
        row.closureId = c.id;
        row.bookingId = b.id;
        row.originalStart = b.startsAt;
        row.originalEnd = b.endsAt;
        return row;
    }

    private void validatePeriod(String unitId, String employeeId, OffsetDateTime start, OffsetDateTime end) {
        if (!end.isAfter(start)) {
            throw Problem.invalidField("end", "πρέπει να είναι μετά την έναρξη (start)", "must be after 'start'");
        }
        if (!end.toInstant().isAfter(clock.instant())) {
            throw Problem.invalidField("end", "το διάστημα έχει ήδη περάσει", "the period is already over");
        }
        if (blankToNull(unitId) != null && blankToNull(employeeId) != null) {
            throw Problem.invalidField("employeeId", "κλείνει είτε μια μονάδα είτε ο χρόνος ενός υπαλλήλου, όχι και τα δύο",
                    "close either a unit or an employee's time, not both");
        }
    }

    private void validate(ClosureRequest r) {
        validatePeriod(r.unitId(), r.employeeId(), r.start(), r.end());
        boolean proposing = r.handling() == Closure.Handling.PROPOSE_NEW_TIMES;
        if (proposing && r.answerBy() == null) {
            throw Problem.invalidField("answerBy", "είναι υποχρεωτικό όταν προτείνονται νέες ώρες", "is required when new times are proposed");
        }
        if (!proposing && r.answerBy() != null) {
            throw Problem.invalidField("answerBy", "δίνεται μόνο όταν προτείνονται νέες ώρες", "is only for proposed new times");
        }
        if (proposing && !r.answerBy().toInstant().isAfter(clock.instant())) {
            throw Problem.invalidField("answerBy", "πρέπει να είναι στο μέλλον", "must be in the future");
        }
    }

    private static void requireAdmin(String municipality, Caller caller) {
        if (!caller.isCentralAdmin() && !(caller.isMunicipalAdmin() && municipality.equals(caller.municipality()))) {
            throw Problems.forbidden("municipality", "Κλείσιμο κηρύσσουν οι διαχειριστές του δήμου για τον δήμο τους.",
                    "A closure is declared by the municipality's admins, for their municipality.");
        }
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(config.zone()).toOffsetDateTime();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
