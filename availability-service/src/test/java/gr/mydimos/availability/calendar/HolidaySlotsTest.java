package gr.mydimos.availability.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import gr.mydimos.availability.RegistryStub;
import gr.mydimos.testing.MovableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AV-2 and AV-3 through the real slot search: Greek holidays, early closing, a local feast and the change of time. */
@QuarkusTest
@QuarkusTestResource(RegistryStub.class)
class HolidaySlotsTest {

    @Inject
    MovableClock clock;

    @Test
    void noSlotsOnChristmasNewYearOrEpiphanyAndOnChristmasEveTheLastEndsByNoon() {

        List<OffsetDateTime[]> slots = slots("2026-12-21", "2027-01-08");

        assertThat(days(slots)).doesNotContain("2026-12-25", "2027-01-01", "2027-01-06")
                .contains("2026-12-23", "2026-12-24", "2026-12-28", "2027-01-05", "2027-01-07");
        assertThat(slots).filteredOn(s -> s[0].toLocalDate().equals(LocalDate.of(2026, 12, 24)))
                .allSatisfy(s -> assertThat(s[1].toLocalTime()).isBeforeOrEqualTo(java.time.LocalTime.NOON))
                .extracting(s -> s[1].toLocalTime().toString()).contains("11:55");
        assertThat(slots).filteredOn(s -> s[0].toLocalDate().equals(LocalDate.of(2026, 12, 23)))
                .extracting(s -> s[1].toLocalTime().toString()).contains("13:55");
    }

    @Test
    void noSlotsOnGoodFridayOrEasterMondayOrTheMovedLabourDay2027() {
        clock.setAthens("2027-04-15T09:00");

        assertThat(days(slots("2027-04-26", "2027-05-07"))).doesNotContain("2027-04-30", "2027-05-01", "2027-05-03",
                "2027-05-04").contains("2027-04-29", "2027-05-05");
    }

    @Test
    void aroundTheEndOfSummerTimeOfficeHoursStayAtTheirLocalTimeAndSaintDemetriusClosesThessaloniki() {
        clock.setAthens("2026-10-01T09:00");

        List<OffsetDateTime[]> slots = slots("2026-10-23", "2026-10-28");

        assertThat(slots.get(0)[0]).isEqualTo(OffsetDateTime.parse("2026-10-23T08:00+03:00"));
        assertThat(days(slots)).doesNotContain("2026-10-26", "2026-10-28"); // local feast, then national holiday
        assertThat(slots).filteredOn(s -> s[0].toLocalDate().equals(LocalDate.of(2026, 10, 27))).first()
                .satisfies(s -> assertThat(s[0]).isEqualTo(OffsetDateTime.parse("2026-10-27T08:00+02:00")));
    }

    private static List<OffsetDateTime[]> slots(String from, String to) {
        List<java.util.Map<String, String>> answer = given().queryParams("municipality", "thessaloniki",
                        "service", "thessaloniki-registry-certificate", "mode", "VIDEO", "from", from, "to", to)
                .get("/api/availability/slots").then().statusCode(200).extract().jsonPath().getList("$");
        return answer.stream().map(s -> new OffsetDateTime[] {OffsetDateTime.parse(s.get("start")),
                OffsetDateTime.parse(s.get("end"))}).toList();
    }

    private static List<String> days(List<OffsetDateTime[]> slots) {
        return slots.stream().map(s -> s[0].toLocalDate().toString()).distinct().toList();
    }
}
