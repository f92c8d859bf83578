package gr.mydimos.availability.planning;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.Problems;
import gr.mydimos.availability.reservation.Reservation;
import gr.mydimos.availability.schedule.Schedule;
import gr.mydimos.availability.schedule.Schedules;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * AV-7: the municipality's upcoming booked appointments are checked against the rules before and after a schedule
 * change (written, not yet committed); if the change makes any fit no longer, it is refused with the list and rolled
 * back. Appointments that already did not fit (say, booked before a holiday was declared) are not the change's
 * doing and do not block it. The same {@link Schedule} rules as slot search decide.
 */
@ApplicationScoped
public class ScheduleConflicts {

    /** A booked appointment the change would strand, and why. */
    public record Conflict(String bookingReference, String municipality, OffsetDateTime start, OffsetDateTime end,
                           String employee, String reason) {}

    @Inject
    Schedules schedules;
    @Inject
    AvailabilityConfig config;
    @Inject
    Clock clock;

    private record Misfit(UUID reservationId, Conflict conflict) {}

    /** Applies the change inside the caller's transaction; fails with a 409 schedule-conflict problem if it strands appointments. */
    public <T> Uni<T> guard(String municipality, Supplier<Uni<T>> change) {
        return guard(municipality, Set.of(), change);
    }

    /**
     * As {@link #guard(String, Supplier)}, except that the bookings named in {@code handled} may be stranded: booking-service
     * has taken them in hand (a closure that proposes new times or cancels them, issue 21 item 4).
     */
    public <T> Uni<T> guard(String municipality, Set<String> handled, Supplier<Uni<T>> change) {
        Instant now = clock.instant();
        return guard(() -> Reservation.<Reservation>list("municipalityCode = ?1 and status = ?2 and startsAt >= ?3"
                + " and endsAt > ?4 order by startsAt", municipality, Reservation.Status.CONFIRMED, now.minus(Duration.ofDays(1)), now)
                .flatMap(this::misfits), handled, change);
    }

    /**
     * As {@link #guard(String, Supplier)}, for a change to every municipality's calendar on the given days (a national
     * closure or a moved holiday): the appointments of those days, in every municipality, are checked.
     */
    public <T> Uni<T> guardDays(Set<LocalDate> days, Supplier<Uni<T>> change) {
        Instant now = clock.instant();
        LocalDate first = days.stream().min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = days.stream().max(Comparator.naturalOrder()).orElseThrow();
        return guard(() -> Reservation.<Reservation>list("status = ?1 and startsAt >= ?2 and startsAt < ?3 and endsAt > ?4"
                        + " order by startsAt", Reservation.Status.CONFIRMED, first.atStartOfDay(config.zone()).toInstant(),
                        last.plusDays(1).atStartOfDay(config.zone()).toInstant(), now)
                .map(booked -> booked.stream().filter(r -> days.contains(date(r.startsAt))).toList())
                .flatMap(this::misfits), Set.of(), change);
    }

    private <T> Uni<T> guard(Supplier<Uni<List<Misfit>>> find, Set<String> handled, Supplier<Uni<T>> change) {
        return find.get().flatMap(before -> change.get()
                .call(() -> Panache.getSession().flatMap(session -> session.flush()))
                .call(() -> find.get().invoke(after -> {
                    Set<UUID> known = before.stream().map(Misfit::reservationId).collect(Collectors.toSet());
                    List<Conflict> stranded = after.stream().filter(m -> !known.contains(m.reservationId()))
                            .map(Misfit::conflict).filter(c -> !handled.contains(c.bookingReference())).toList();
                    if (!stranded.isEmpty()) {
                        throw Problems.scheduleConflict(stranded);
                    }
                })));
    }

    /** The appointments among these that the schedules (as they are in this transaction) no longer fit. */
    private Uni<List<Misfit>> misfits(List<Reservation> booked) {
        Map<List<String>, List<Reservation>> byUnit = booked.stream()
                .collect(Collectors.groupingBy(r -> List.of(r.municipalityCode, r.unitId)));
        return Multi.createFrom().iterable(byUnit.entrySet())
                .onItem().transformToUniAndConcatenate(unit -> {
                    List<Reservation> rows = unit.getValue();
                    LocalDate from = date(rows.get(0).startsAt);
                    LocalDate to = date(rows.get(rows.size() - 1).startsAt);
                    return schedules.of(unit.getKey().get(0), unit.getKey().get(1), from, to).map(s -> conflicts(s, rows));
                })
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream)
                        .sorted(Comparator.comparing(m -> m.conflict().start())).toList());
    }

    private List<Misfit> conflicts(Schedule schedule, List<Reservation> rows) {
        List<Misfit> result = new ArrayList<>();
        for (Reservation r : rows) {
            schedule.misfit(r.serviceId, r.employeeId, r.startsAt, r.endsAt)
                    .or(() -> beyondPositions(schedule, r, rows))
                    .ifPresent(reason -> result.add(new Misfit(r.id, conflict(r, reason))));
        }
        return result;
    }

    /** An in-person appointment that starts while all work positions are already taken by earlier ones. */
    private Optional<String> beyondPositions(Schedule schedule, Reservation r, List<Reservation> rows) {
        OptionalInt positions = schedule.positions(date(r.startsAt));
        if (positions.isEmpty() || !"IN_PERSON".equals(r.mode)) {
            return Optional.empty();
        }
        long concurrent = rows.stream().filter(o -> "IN_PERSON".equals(o.mode) && !o.startsAt.isAfter(r.startsAt)
                && o.endsAt.isAfter(r.startsAt)).count();
        return concurrent > positions.getAsInt() ? Optional.of("work-positions") : Optional.empty();
    }

    private Conflict conflict(Reservation r, String reason) {
        return new Conflict(r.bookingReference, r.municipalityCode, r.startsAt.atZone(config.zone()).toOffsetDateTime(),
                r.endsAt.atZone(config.zone()).toOffsetDateTime(), r.employeeId, reason);
    }

    private LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, config.zone());
    }
}
