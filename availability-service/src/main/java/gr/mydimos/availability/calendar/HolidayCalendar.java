package gr.mydimos.availability.calendar;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A municipality's closed days and early closings over a date range: the national calendar, the state's closures and
 * moved holidays, and the municipality's own holidays together.
 */
@ApplicationScoped
public class HolidayCalendar {

    /** Dates on which offices are closed, and dates on which they close early by the given time. */
    public record Days(Set<LocalDate> closed, Map<LocalDate, Duration> earlyClosing) {}

    @Inject
    NationalHolidays national;

    public Uni<Days> of(String municipality, LocalDate from, LocalDate to) {
        return NationalClosure.touching(from, to).flatMap(closures -> LocalHoliday.<LocalHoliday>list("municipalityCode", municipality)
                .map(local -> days(closures, local, from, to)));
    }

    Days days(List<NationalClosure> closures, List<LocalHoliday> local, LocalDate from, LocalDate to) {
        Set<LocalDate> closed = new HashSet<>();
        Map<LocalDate, Duration> early = new HashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (national.isHoliday(day)) {
                closed.add(day);
            }
            LocalDate date = day;
            national.earlyClosing(day).ifPresent(by -> early.put(date, by));
        }
        for (NationalClosure closure : closures) {
            if (closure.movedFrom != null && national.isOnlyHoliday(closure.movedFrom)) {
                closed.remove(closure.movedFrom); // the holiday is kept on its new day instead
            }
            closed.add(closure.day);
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (LocalHoliday holiday : local) {
                closed.add(holiday.in(year, national));
            }
        }
        closed.removeIf(d -> d.isBefore(from) || d.isAfter(to));
        return new Days(Set.copyOf(closed), Map.copyOf(early));
    }
}
