package gr.mydimos.availability.slot;

import gr.mydimos.availability.Mode;
import gr.mydimos.availability.catalogue.Catalogue.OfferedService;
import gr.mydimos.availability.schedule.Schedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The pure slot arithmetic: start times on each day's opening hours in local time (so daylight-saving changes shift
 * nothing), every duration + buffer, kept when at least one qualified employee works then and is free, and, in person,
 * when a work position is free.
 */
public final class SlotGrid {

    /** Time an employee is already taken, buffer included; or, for work positions, an in-person appointment. */
    public record Busy(String employeeId, Instant start, Instant end) {}

    /** A start time and the employees free for it, least busy that day first, then by id (fair and deterministic, AV-5). */
    public record Candidate(Instant start, Instant end, Instant blockedUntil, List<String> freeEmployees) {}

    private SlotGrid() {
    }

    /**
     * @param busy        reservations of the qualified employees (start to end of buffer)
     * @param inPerson    in-person appointments of the whole unit (start to end), used only when positions are limited
     */
    public static List<Candidate> candidates(LocalDate from, LocalDate to, Schedule schedule, OfferedService service,
                                             List<String> employees, Collection<Busy> busy, Collection<Busy> inPerson,
                                             Instant earliest, Instant latest) {
        List<Candidate> result = new ArrayList<>();
        if (employees.isEmpty()) {
            return result;
        }
        Map<String, Map<LocalDate, List<Busy>>> byEmployeeAndDay = new HashMap<>();
        for (Busy b : busy) {
            byEmployeeAndDay.computeIfAbsent(b.employeeId(), e -> new HashMap<>())
                    .computeIfAbsent(localDate(b.start(), schedule), d -> new ArrayList<>()).add(b);
        }
        Map<LocalDate, List<Busy>> inPersonByDay = new HashMap<>();
        for (Busy b : inPerson) {
            inPersonByDay.computeIfAbsent(localDate(b.start(), schedule), d -> new ArrayList<>()).add(b);
        }
        boolean needsPosition = service.mode() == Mode.IN_PERSON;
        long stepMinutes = service.duration().plus(service.buffer()).toMinutes();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            OptionalInt positions = needsPosition ? schedule.positions(date) : OptionalInt.empty();
            for (Schedule.Opening period : schedule.opening(date, service.id())) {
                LocalDateTime closes = date.atTime(period.closes());
                for (LocalDateTime local = date.atTime(period.opens());
                     !local.plus(service.duration()).isAfter(closes);
                     local = local.plusMinutes(stepMinutes)) {
                    Instant start = local.atZone(schedule.zone()).toInstant();
                    if (!within(start, earliest, latest)) {
                        continue;
                    }
                    Instant end = start.plus(service.duration());
                    Instant blockedUntil = end.plus(service.buffer());
                    if (schedule.closed(start, end)
                            || positions.isPresent() && overlapping(inPersonByDay, date, start, end) >= positions.getAsInt()) {
                        continue;
                    }
                    LocalTime localStart = local.toLocalTime();
                    LocalTime localEnd = local.plus(service.duration()).toLocalTime();
                    List<String> free = new ArrayList<>(employees.size());
                    for (String e : employees) {
                        Map<LocalDate, List<Busy>> own = byEmployeeAndDay.getOrDefault(e, Map.of());
                        if (schedule.works(e, date, localStart, localEnd) && !schedule.onLeave(e, start, end)
                                && overlapping(own, date, start, blockedUntil) == 0) {
                            free.add(e);
                        }
                    }
                    LocalDate day = date;
                    free.sort(Comparator.comparingInt((String e) -> byEmployeeAndDay.getOrDefault(e, Map.of())
                            .getOrDefault(day, List.of()).size()).thenComparing(e -> e));
                    if (!free.isEmpty()) {
                        result.add(new Candidate(start, end, blockedUntil, free));
                    }
                }
            }
        }
        return result;
    }

    /** Whether a slot starting then may be booked in a window from earliest to latest (both included). */
    static boolean within(Instant start, Instant earliest, Instant latest) {
        return !start.isBefore(earliest) && !start.isAfter(latest);
    }

    /** How many of the entries overlap start..end; entries are bucketed by their local start date (and one may start the day before). */
    private static long overlapping(Map<LocalDate, List<Busy>> byDay, LocalDate day, Instant start, Instant end) {
        return count(byDay.get(day), start, end) + count(byDay.get(day.minusDays(1)), start, end);
    }

    private static long count(List<Busy> entries, Instant start, Instant end) {
        if (entries == null) {
            return 0;
        }
        long n = 0;
        for (Busy b : entries) {
            if (b.start().isBefore(end) && b.end().isAfter(start)) {
                n++;
            }
        }
        return n;
    }

    private static LocalDate localDate(Instant instant, Schedule schedule) {
        return LocalDate.ofInstant(instant, schedule.zone());
    }
}
