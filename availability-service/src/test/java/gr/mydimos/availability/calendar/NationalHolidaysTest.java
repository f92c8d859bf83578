package gr.mydimos.availability.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import gr.mydimos.availability.AvailabilityConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** AV-2: the country's closed days, Orthodox Easter's moving feasts among them, on the rule alone (no platform). */
class NationalHolidaysTest {

    private final NationalHolidays national = new NationalHolidays();

    NationalHolidaysTest() {
        national.config = new SmallRyeConfigBuilder().withMapping(AvailabilityConfig.class).build()
                .getConfigMapping(AvailabilityConfig.class); // the shipped defaults
    }

    @Test
    void greekNationalHolidaysIncludingThoseThatMoveWithOrthodoxEaster() {
        assertThat(closedDays(2026)).containsExactly("2026-01-01", "2026-01-06", "2026-02-23", "2026-03-25",
                "2026-04-10", "2026-04-11", "2026-04-12", "2026-04-13", "2026-05-01", "2026-06-01", "2026-08-15",
                "2026-10-28", "2026-12-25", "2026-12-26");
        assertThat(closedDays(2027)).containsExactly("2027-01-01", "2027-01-06", "2027-03-15", "2027-03-25",
                "2027-04-30", "2027-05-01", "2027-05-02", "2027-05-03", "2027-06-21", "2027-08-15",
                "2027-10-28", "2027-12-25", "2027-12-26");
        assertThat(closedDays(2028)).containsExactly("2028-01-01", "2028-01-06", "2028-02-28", "2028-03-25",
                "2028-04-14", "2028-04-15", "2028-04-16", "2028-04-17", "2028-05-01", "2028-06-05", "2028-08-15",
                "2028-10-28", "2028-12-25", "2028-12-26");
        assertThat(national.orthodoxEaster(2027)).isEqualTo(LocalDate.of(2027, 5, 2));
    }

    @Test
    void aDayTwoHolidaysFallOnStaysClosedWhenOneOfThemMovesAndOfficesCloseEarlyOnNewYearsAndChristmasEve() {
        // 1 May 2027 is both Labour Day and Holy Saturday: moving Labour Day does not open it
        assertThat(national.isOnlyHoliday(LocalDate.of(2027, 5, 1))).isFalse();
        assertThat(national.isOnlyHoliday(LocalDate.of(2026, 5, 1))).isTrue();
        // the Three Hierarchs is a school holiday: public offices stay open
        assertThat(national.isHoliday(LocalDate.of(2027, 1, 30))).isFalse();
        assertThat(national.earlyClosing(LocalDate.of(2026, 12, 24))).contains(Duration.ofHours(2));
        assertThat(national.earlyClosing(LocalDate.of(2026, 12, 31))).contains(Duration.ofHours(2));
        assertThat(national.earlyClosing(LocalDate.of(2026, 12, 23))).isEmpty();
    }

    private List<String> closedDays(int year) {
        return Stream.iterate(LocalDate.of(year, 1, 1), d -> d.getYear() == year, d -> d.plusDays(1))
                .filter(national::isHoliday).map(LocalDate::toString).toList();
    }
}
