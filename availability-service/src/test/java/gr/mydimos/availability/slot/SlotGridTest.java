package gr.mydimos.availability.slot;

import static org.assertj.core.api.Assertions.assertThat;

import gr.mydimos.availability.Mode;
import gr.mydimos.availability.catalogue.Catalogue.OfferedService;
import gr.mydimos.availability.schedule.Employee;
import gr.mydimos.availability.schedule.WeeklyHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotGridTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant FAR_AHEAD = Instant.parse("2100-01-01T00:00:00Z");
    private static final OfferedService CERTIFICATE = new OfferedService("certificate", "registry", Mode.IN_PERSON,
            Duration.ofMinutes(15), Duration.ofMinutes(5));

    @Test
    void officeHoursKeepTheirLocalTimeAcrossTheEndOfSummerTime() {
        // Summer time ends on Sunday 25 October 2026: Friday opens at 08:00+03:00, Monday at 08:00+02:00.
        List<SlotGrid.Candidate> slots = candidates(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 26),
                weekdays("08:00", "14:00"), List.of(employee("e1")), List.of());

        assertThat(slots.get(0).start()).isEqualTo(OffsetDateTime.parse("2026-10-23T08:00+03:00").toInstant());
        assertThat(slots).filteredOn(s -> s.start().isAfter(OffsetDateTime.parse("2026-10-24T00:00+03:00").toInstant()))
                .first().extracting(SlotGrid.Candidate::start)
                .isEqualTo(OffsetDateTime.parse("2026-10-26T08:00+02:00").toInstant());
    }

    @Test
    void slotsFollowOneAnotherWithTheBufferAndEndByClosingTime() {
        List<SlotGrid.Candidate> slots = candidates(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7),
                weekdays("08:00", "09:00"), List.of(employee("e1")), List.of());

        assertThat(slots).extracting(s -> s.start().atZone(ATHENS).toLocalTime())
                .containsExactly(LocalTime.of(8, 0), LocalTime.of(8, 20), LocalTime.of(8, 40));
        assertThat(slots.get(2).end().atZone(ATHENS).toLocalTime()).isEqualTo(LocalTime.of(8, 55));
    }

    @Test
    void noSlotsOnTheWeekend() {
        assertThat(candidates(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 6),
                weekdays("08:00", "14:00"), List.of(employee("e1")), List.of())).isEmpty();
    }

    @Test
    void aSlotStaysFreeWhileOneQualifiedEmployeeIsFreeAndTheLeastBusyComesFirst() {
        Instant eight = OffsetDateTime.parse("2026-12-07T08:00+02:00").toInstant();
        Instant twenty = eight.plus(Duration.ofMinutes(20));
        List<SlotGrid.Busy> busy = List.of(
                new SlotGrid.Busy("e1", eight, eight.plus(Duration.ofMinutes(20))),
                new SlotGrid.Busy("e2", twenty, twenty.plus(Duration.ofMinutes(20))),
                new SlotGrid.Busy("e2", twenty.plus(Duration.ofMinutes(20)), twenty.plus(Duration.ofMinutes(40))));
        List<SlotGrid.Candidate> slots = candidates(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7),
                weekdays("08:00", "09:00"), List.of(employee("e1"), employee("e2")), busy);

        assertThat(slots.get(0).freeEmployees()).containsExactly("e2");
        assertThat(slots.get(1).freeEmployees()).containsExactly("e1");
        assertThat(slots.get(2).freeEmployees()).containsExactly("e1");
    }

    @Test
    void slotsTooSoonOrTooFarAheadAreNotOffered() {
        Instant earliest = OffsetDateTime.parse("2026-12-07T08:30+02:00").toInstant();
        Instant latest = OffsetDateTime.parse("2026-12-07T08:40+02:00").toInstant();
        List<SlotGrid.Candidate> slots = SlotGrid.candidates(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7), ATHENS,
                weekdays("08:00", "09:00"), CERTIFICATE, List.of(employee("e1")), List.of(), earliest, latest);

        assertThat(slots).extracting(s -> s.start().atZone(ATHENS).toLocalTime()).containsExactly(LocalTime.of(8, 40));
    }

    private static List<SlotGrid.Candidate> candidates(LocalDate from, LocalDate to, List<WeeklyHours> hours,
                                                       List<Employee> employees, List<SlotGrid.Busy> busy) {
        return SlotGrid.candidates(from, to, ATHENS, hours, CERTIFICATE, employees, busy, LONG_AGO, FAR_AHEAD);
    }

    private static List<WeeklyHours> weekdays(String opens, String closes) {
        List<WeeklyHours> hours = new ArrayList<>();
        for (short day = 1; day <= 5; day++) {
            WeeklyHours h = new WeeklyHours();
            h.unitId = "registry";
            h.dayOfWeek = day;
            h.opens = LocalTime.parse(opens);
            h.closes = LocalTime.parse(closes);
            hours.add(h);
        }
        return hours;
    }

    private static Employee employee(String id) {
        Employee e = new Employee();
        e.id = id;
        e.unitId = "registry";
        e.serviceIds = new String[] {"certificate"};
        e.active = true;
        return e;
    }
}
