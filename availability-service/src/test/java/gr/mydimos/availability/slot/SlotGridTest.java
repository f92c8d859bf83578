package gr.mydimos.availability.slot;

import static org.assertj.core.api.Assertions.assertThat;

import gr.mydimos.availability.Mode;
import gr.mydimos.availability.calendar.HolidayCalendar;
import gr.mydimos.availability.catalogue.Catalogue.OfferedService;
import gr.mydimos.availability.schedule.Schedule;
import gr.mydimos.availability.schedule.ScheduleException;
import gr.mydimos.availability.schedule.ScheduleTemplate;
import gr.mydimos.availability.schedule.WorkPositions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The slot arithmetic on its own: templates, validity, early closing, leave, positions, buffers and DST. */
class SlotGridTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant FAR_AHEAD = Instant.parse("2100-01-01T00:00:00Z");
    private static final OfferedService CERTIFICATE = new OfferedService("certificate", "registry", Mode.IN_PERSON,
            Duration.ofMinutes(15), Duration.ofMinutes(5));
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    private final List<ScheduleTemplate> templates = new ArrayList<>(List.of(template(null, null, null, "08:00", "14:00")));
    private final List<WorkPositions> positions = new ArrayList<>();
    private final List<ScheduleException> exceptions = new ArrayList<>();
    private HolidayCalendar.Days days = new HolidayCalendar.Days(Set.of(), Map.of());

    @Test
    void officeHoursKeepTheirLocalTimeAcrossTheEndOfSummerTime() {
        // Summer time ends on Sunday 25 October 2026: Friday opens at 08:00+03:00, Monday at 08:00+02:00.
        List<SlotGrid.Candidate> slots = candidates(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 26), List.of("e1"), List.of());

        assertThat(slots.get(0).start()).isEqualTo(OffsetDateTime.parse("2026-10-23T08:00+03:00").toInstant());
        assertThat(slots).filteredOn(s -> s.start().isAfter(OffsetDateTime.parse("2026-10-24T00:00+03:00").toInstant()))
                .first().extracting(SlotGrid.Candidate::start)
                .isEqualTo(OffsetDateTime.parse("2026-10-26T08:00+02:00").toInstant());
    }

    @Test
    void slotsFollowOneAnotherWithTheBufferAndEndByClosingTime() {
        templates.set(0, template(null, null, null, "08:00", "09:00"));

        List<SlotGrid.Candidate> slots = candidates(MONDAY, MONDAY, List.of("e1"), List.of());

        assertThat(times(slots)).containsExactly(LocalTime.of(8, 0), LocalTime.of(8, 20), LocalTime.of(8, 40));
        assertThat(slots.get(2).end().atZone(ATHENS).toLocalTime()).isEqualTo(LocalTime.of(8, 55));
        assertThat(slots.get(2).blockedUntil().atZone(ATHENS).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void noSlotsOnTheWeekendOrOnAHoliday() {
        days = new HolidayCalendar.Days(Set.of(MONDAY), Map.of());

        assertThat(candidates(MONDAY.minusDays(2), MONDAY, List.of("e1"), List.of())).isEmpty();
    }

    @Test
    void onAnEarlyClosingDayTheLastAppointmentEndsTwoHoursBeforeTheUsualClosing() {
        LocalDate christmasEve = LocalDate.of(2026, 12, 24);
        days = new HolidayCalendar.Days(Set.of(), Map.of(christmasEve, Duration.ofHours(2)));

        List<SlotGrid.Candidate> slots = candidates(christmasEve, christmasEve, List.of("e1"), List.of());

        assertThat(slots.get(slots.size() - 1).end().atZone(ATHENS).toLocalTime()).isEqualTo(LocalTime.of(11, 55));
    }

    @Test
    void aNewerTemplateSupersedesTheOlderFromItsFirstDayAndAServiceTemplateOverridesTheUnits() {
        ScheduleTemplate winter = template(null, null, null, "09:00", "13:00");
        winter.validFrom = MONDAY.plusDays(1);
        templates.add(winter);
        templates.add(template("other-service", null, null, "10:00", "11:00"));

        assertThat(times(candidates(MONDAY, MONDAY, List.of("e1"), List.of())).get(0)).isEqualTo(LocalTime.of(8, 0));
        assertThat(times(candidates(MONDAY.plusDays(1), MONDAY.plusDays(1), List.of("e1"), List.of())).get(0))
                .isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void anEmployeeWithTheirOwnHoursOrOnLeaveIsOfferedOnlyWhenWorking() {
        templates.add(template(null, "e1", null, "08:00", "09:00"));
        ScheduleException leave = new ScheduleException();
        leave.kind = ScheduleException.Kind.LEAVE;
        leave.employeeId = "e2";
        leave.startsAt = OffsetDateTime.parse("2026-12-07T08:00+02:00").toInstant();
        leave.endsAt = OffsetDateTime.parse("2026-12-07T10:00+02:00").toInstant();
        exceptions.add(leave);

        List<SlotGrid.Candidate> slots = candidates(MONDAY, MONDAY, List.of("e1", "e2"), List.of());

        assertThat(slots).filteredOn(s -> s.start().atZone(ATHENS).getHour() == 8)
                .allSatisfy(s -> assertThat(s.freeEmployees()).containsExactly("e1"));
        assertThat(slots).filteredOn(s -> s.start().atZone(ATHENS).getHour() == 9).isEmpty();
        assertThat(slots).filteredOn(s -> s.start().atZone(ATHENS).getHour() >= 10)
                .allSatisfy(s -> assertThat(s.freeEmployees()).containsExactly("e2"));
    }

    @Test
    void inPersonSlotsNeedAFreeWorkPosition() {
        WorkPositions one = new WorkPositions();
        one.id = 1L;
        one.positions = 1;
        positions.add(one);
        Instant eight = OffsetDateTime.parse("2026-12-07T08:00+02:00").toInstant();

        List<SlotGrid.Candidate> slots = SlotGrid.candidates(MONDAY, MONDAY, schedule(), CERTIFICATE, List.of("e1", "e2"),
                List.of(new SlotGrid.Busy("e1", eight, eight.plus(Duration.ofMinutes(20)))),
                List.of(new SlotGrid.Busy("e1", eight, eight.plus(Duration.ofMinutes(15)))), LONG_AGO, FAR_AHEAD);

        assertThat(slots.get(0).start()).isEqualTo(eight.plus(Duration.ofMinutes(20)));
    }

    @Test
    void aSlotStaysFreeWhileOneQualifiedEmployeeIsFreeAndTheLeastBusyComesFirst() {
        templates.set(0, template(null, null, null, "08:00", "09:00"));
        Instant eight = OffsetDateTime.parse("2026-12-07T08:00+02:00").toInstant();
        Instant twenty = eight.plus(Duration.ofMinutes(20));
        List<SlotGrid.Busy> busy = List.of(
                new SlotGrid.Busy("e1", eight, eight.plus(Duration.ofMinutes(20))),
                new SlotGrid.Busy("e2", twenty, twenty.plus(Duration.ofMinutes(20))),
                new SlotGrid.Busy("e2", twenty.plus(Duration.ofMinutes(20)), twenty.plus(Duration.ofMinutes(40))));

        List<SlotGrid.Candidate> slots = candidates(MONDAY, MONDAY, List.of("e1", "e2"), busy);

        assertThat(slots.get(0).freeEmployees()).containsExactly("e2");
        assertThat(slots.get(1).freeEmployees()).containsExactly("e1");
        assertThat(slots.get(2).freeEmployees()).containsExactly("e1");
    }

    @Test
    void slotsTooSoonOrTooFarAheadAreNotOffered() {
        templates.set(0, template(null, null, null, "08:00", "09:00"));
        Instant earliest = OffsetDateTime.parse("2026-12-07T08:30+02:00").toInstant();
        Instant latest = OffsetDateTime.parse("2026-12-07T08:40+02:00").toInstant();

        List<SlotGrid.Candidate> slots = SlotGrid.candidates(MONDAY, MONDAY, schedule(), CERTIFICATE, List.of("e1"),
                List.of(), List.of(), earliest, latest);

        assertThat(times(slots)).containsExactly(LocalTime.of(8, 40));
    }

    private List<SlotGrid.Candidate> candidates(LocalDate from, LocalDate to, List<String> employees, List<SlotGrid.Busy> busy) {
        return SlotGrid.candidates(from, to, schedule(), CERTIFICATE, employees, busy, List.of(), LONG_AGO, FAR_AHEAD);
    }

    private Schedule schedule() {
        return new Schedule(ATHENS, days, templates, positions, exceptions);
    }

    private static List<LocalTime> times(List<SlotGrid.Candidate> slots) {
        return slots.stream().map(s -> s.start().atZone(ATHENS).toLocalTime()).toList();
    }

    private static long ids;

    private static ScheduleTemplate template(String service, String employee, LocalDate from, String opens, String closes) {
        ScheduleTemplate t = new ScheduleTemplate();
        t.id = ++ids;
        t.unitId = "registry";
        t.serviceId = service;
        t.employeeId = employee;
        t.validFrom = from;
        t.week = new ScheduleTemplate.Week(IntStream.rangeClosed(1, 5)
                .mapToObj(d -> new ScheduleTemplate.Period(d, opens, closes)).toList());
        return t;
    }
}
