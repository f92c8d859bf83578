package gr.mydimos.availability.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import gr.mydimos.availability.AvailabilityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The country's fixed public holidays from jollyday (its Greek calendar computes the feasts that move with Orthodox
 * Easter), plus Holy Saturday, minus holidays on which offices open; and the days offices close early (AV-2). Moves
 * and closures decided by the state are {@link NationalClosure}s, applied by {@link HolidayCalendar}.
 */
@ApplicationScoped
public class NationalHolidays {

    private static final String EASTER = "christian.EASTER";

    @Inject
    AvailabilityConfig config;

    /** One year's closed days, each with how many holidays fall on it, and its Orthodox Easter; computed once. */
    private record HolidayYear(Map<LocalDate, Integer> closed, LocalDate easter) {}

    private volatile Set<MonthDay> earlyClosingDays;
    private final Map<Integer, HolidayYear> years = new ConcurrentHashMap<>();

    /** Whether offices are closed all day on this date for a national holiday. */
    public boolean isHoliday(LocalDate date) {
        return year(date.getYear()).closed().containsKey(date);
    }

    /** Whether exactly one holiday closes offices on this date: moving it away opens the date. */
    public boolean isOnlyHoliday(LocalDate date) {
        return year(date.getYear()).closed().getOrDefault(date, 0) == 1;
    }

    /** Orthodox Easter Sunday of the year, for local feasts that move with it. */
    public LocalDate orthodoxEaster(int year) {
        return year(year).easter();
    }

    /** How much earlier than usual offices close on this date (24 and 31 December), if at all. */
    public Optional<Duration> earlyClosing(LocalDate date) {
        if (earlyClosingDays == null) {
            earlyClosingDays = config.holidays().earlyClosingDays().stream().map(MonthDay::parse).collect(Collectors.toSet());
        }
        return earlyClosingDays.contains(MonthDay.from(date)) ? Optional.of(config.holidays().earlyClosingBy()) : Optional.empty();
    }

    private HolidayYear year(int year) {
        return years.computeIfAbsent(year, y -> {
            Set<Holiday> holidays = HolidayManager.getInstance(ManagerParameters.create(config.holidays().country()))
                    .getHolidays(Year.of(y));
            Map<LocalDate, Integer> days = new HashMap<>();
            LocalDate easter = null;
            for (Holiday holiday : holidays) {
                if (EASTER.equals(holiday.getPropertiesKey())) {
                    easter = holiday.getDate();
                    days.merge(easter.minusDays(1), 1, Integer::sum); // Holy Saturday: offices that open on Saturdays close
                }
                if (!config.holidays().officesOpen().contains(holiday.getPropertiesKey())) {
                    days.merge(holiday.getDate(), 1, Integer::sum);
                }
            }
            return new HolidayYear(Map.copyOf(days), easter);
        });
    }
}
