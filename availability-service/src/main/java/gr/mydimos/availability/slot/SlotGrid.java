package gr.mydimos.availability.slot;

import gr.mydimos.availability.catalogue.Catalogue.OfferedService;
import gr.mydimos.availability.schedule.Employee;
import gr.mydimos.availability.schedule.WeeklyHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pure slot arithmetic: start times on each day's opening hours, in local time of the zone (so daylight-saving
 * changes shift nothing), every duration + buffer, kept when at least one qualified employee is free.
 */
public final class SlotGrid {

    /** Time an employee is already taken, buffer included. */
    public record Busy(String employeeId, Instant start, Instant blockedUntil) {}

    /** A start time and the employees free for it, least busy that day first (to spread work fairly, AV-5). */
    public record Candidate(Instant start, Instant end, Instant blockedUntil, List<String> freeEmployees) {}

    private SlotGrid() {
    }

    public static List<Candidate> candidates(LocalDate from, LocalDate to, ZoneId zone, List<WeeklyHours> hours,
                                             OfferedService service, List<Employee> employees, List<Busy> busy,
                                             Instant earliest, Instant latest) {
        List<Candidate> result = new ArrayList<>();
        if (employees.isEmpty()) {
            return result;
        }
        long stepMinutes = service.duration().plus(service.buffer()).toMinutes();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            final LocalDate date = day;
            Instant dayStart = date.atStartOfDay(zone).toInstant();
            Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
            List<WeeklyHours> open = hours.stream().filter(h -> h.day() == date.getDayOfWeek())
                    .sorted(Comparator.comparing(h -> h.opens)).toList();
            for (WeeklyHours period : open) {
                LocalDateTime closes = date.atTime(period.closes);
                for (LocalDateTime local = date.atTime(period.opens);
                     !local.plus(service.duration()).isAfter(closes);
                     local = local.plusMinutes(stepMinutes)) {
                    Instant start = local.atZone(zone).toInstant();
                    if (start.isBefore(earliest) || start.isAfter(latest)) {
                        continue;
                    }
                    Instant end = start.plus(service.duration());
                    Instant blockedUntil = end.plus(service.buffer());
                    List<String> free = employees.stream()
                            .filter(e -> busy.stream().noneMatch(b -> b.employeeId().equals(e.id)
                                    && b.start().isBefore(blockedUntil) && b.blockedUntil().isAfter(start)))
                            .sorted(Comparator.comparingLong((Employee e) -> busy.stream()
                                            .filter(b -> b.employeeId().equals(e.id)
                                                    && !b.start().isBefore(dayStart) && b.start().isBefore(dayEnd))
                                            .count())
                                    .thenComparing(e -> e.id))
                            .map(e -> e.id)
                            .toList();
                    if (!free.isEmpty()) {
                        result.add(new Candidate(start, end, blockedUntil, free));
                    }
                }
            }
        }
        return result;
    }
}
