package gr.mydimos.availability.schedule;

import gr.mydimos.availability.calendar.HolidayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One unit's working rules over a date range, as loaded from the database: its templates, positions, closures,
 * the leave of its employees and the holidays. Pure, so slot search and the conflict check of schedule changes
 * answer from the same rules.
 */
public final class Schedule {

    /** Opening hours on one date, in local time. */
    public record Opening(LocalTime opens, LocalTime closes) {}

    private final ZoneId zone;
    private final HolidayCalendar.Days days;
    private final List<ScheduleTemplate> templates;
    private final List<WorkPositions> positions;
    private final List<ScheduleException> exceptions;
    /** Each template's periods by weekday, parsed once: slot search asks for them per slot and employee. */
    private final Map<ScheduleTemplate, Map<Integer, List<Opening>>> week = new IdentityHashMap<>();

    public Schedule(ZoneId zone, HolidayCalendar.Days days, List<ScheduleTemplate> templates,
                    List<WorkPositions> positions, List<ScheduleException> exceptions) {
        this.zone = zone;
        this.days = days;
        this.templates = templates;
        this.positions = positions;
        this.exceptions = exceptions;
        for (ScheduleTemplate t : templates) {
            week.put(t, t.week.periods().stream()
                    .map(p -> Map.entry(p.day(), new Opening(LocalTime.parse(p.opens()), LocalTime.parse(p.closes()))))
                    .sorted(Map.Entry.comparingByValue(Comparator.comparing(Opening::opens)))
                    .collect(Collectors.groupingBy(Map.Entry::getKey,
                            Collectors.mapping(Map.Entry::getValue, Collectors.toList()))));
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * When the unit serves the service on that date: the service's own template if one is valid, else the unit's;
     * nothing on a holiday; on an early-closing day every period ends that much before the day's usual closing.
     */
    public List<Opening> opening(LocalDate date, String serviceId) {
        if (days.closed().contains(date)) {
            return List.of();
        }
        Optional<ScheduleTemplate> template = applicable(date, t -> serviceId.equals(t.serviceId) && t.employeeId == null);
        if (template.isEmpty()) {
            template = applicable(date, t -> t.serviceId == null && t.employeeId == null);
        }
        List<Opening> periods = template.map(t -> periods(t, date)).orElse(List.of());
        Duration early = days.earlyClosing().get(date);
        if (early == null || periods.isEmpty()) {
            return periods;
        }
        LocalTime cap = periods.get(periods.size() - 1).closes().minus(early);
        List<Opening> shortened = new ArrayList<>();
        for (Opening p : periods) {
            LocalTime closes = p.closes().isAfter(cap) ? cap : p.closes();
            if (closes.isAfter(p.opens())) {
                shortened.add(new Opening(p.opens(), closes));
            }
        }
        return shortened;
    }

    /** Whether the employee works from start to end of that date: within their own template when one is valid. */
    public boolean works(String employeeId, LocalDate date, LocalTime start, LocalTime end) {
        return applicable(date, t -> employeeId.equals(t.employeeId))
                .map(t -> periods(t, date).stream().anyMatch(p -> !start.isBefore(p.opens()) && !end.isAfter(p.closes())))
                .orElse(true);
    }

    /** Whether the unit (or the whole municipality) is closed at any time between start and end. */
    public boolean closed(Instant start, Instant end) {
        return exceptions.stream().anyMatch(e -> e.kind == ScheduleException.Kind.CLOSURE && e.overlaps(start, end));
    }

    public boolean onLeave(String employeeId, Instant start, Instant end) {
        return exceptions.stream().anyMatch(e -> e.kind == ScheduleException.Kind.LEAVE
                && employeeId.equals(e.employeeId) && e.overlaps(start, end));
    }

    /** How many can be received in person at once on that date; empty when the unit sets no limit. */
    public OptionalInt positions(LocalDate date) {
        return positions.stream().filter(p -> p.validOn(date))
                .max(Comparator.comparing((WorkPositions p) -> p.validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(p -> p.id))
                .map(p -> OptionalInt.of(p.positions)).orElse(OptionalInt.empty());
    }

    /**
     * Why an appointment of this service and employee no longer fits the rules, or empty when it does (the
     * conflict check of AV-7).
     */
    public Optional<String> misfit(String serviceId, String employeeId, Instant start, Instant end) {
        LocalDateTime localStart = LocalDateTime.ofInstant(start, zone);
        LocalDateTime localEnd = LocalDateTime.ofInstant(end, zone);
        LocalDate date = localStart.toLocalDate();
        if (days.closed().contains(date)) {
            return Optional.of("holiday");
        }
        boolean open = localEnd.toLocalDate().equals(date) && opening(date, serviceId).stream().anyMatch(p ->
                !localStart.toLocalTime().isBefore(p.opens()) && !localEnd.toLocalTime().isAfter(p.closes()));
        if (!open) {
            return Optional.of("outside-opening-hours");
        }
        if (closed(start, end)) {
            return Optional.of("closure");
        }
        if (!works(employeeId, date, localStart.toLocalTime(), localEnd.toLocalTime())) {
            return Optional.of("outside-employee-hours");
        }
        if (onLeave(employeeId, start, end)) {
            return Optional.of("employee-leave");
        }
        return Optional.empty();
    }

    private Optional<ScheduleTemplate> applicable(LocalDate date, Predicate<ScheduleTemplate> owner) {
        return templates.stream().filter(owner).filter(t -> t.validOn(date))
                .max(Comparator.comparing((ScheduleTemplate t) -> t.validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(t -> t.id));
    }

    private List<Opening> periods(ScheduleTemplate template, LocalDate date) {
        return week.get(template).getOrDefault(date.getDayOfWeek().getValue(), List.of());
    }
}
