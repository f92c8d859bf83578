package gr.mydimos.availability.schedule;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.calendar.HolidayCalendar;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/** Loads a unit's {@link Schedule} for a date range; runs inside the caller's session. */
@ApplicationScoped
public class Schedules {

    @Inject
    AvailabilityConfig config;
    @Inject
    HolidayCalendar holidays;

    public Uni<Schedule> of(String municipality, String unitId, LocalDate from, LocalDate to) {
        return holidays.of(municipality, from, to).flatMap(days -> ScheduleTemplate.<ScheduleTemplate>list("unitId", unitId)
                .flatMap(templates -> WorkPositions.<WorkPositions>list("unitId", unitId)
                        .flatMap(positions -> ScheduleException.<ScheduleException>list(
                                        "municipalityCode = ?1 and (unitId is null or unitId = ?2) and endsAt > ?3 and startsAt < ?4",
                                        municipality, unitId, from.atStartOfDay(config.zone()).toInstant(),
                                        to.plusDays(1).atStartOfDay(config.zone()).toInstant())
                                .map(exceptions -> new Schedule(config.zone(), days, templates, positions, exceptions)))));
    }
}
