package gr.mydimos.availability.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import gr.mydimos.availability.RegistryStub;
import gr.mydimos.availability.Tokens;
import gr.mydimos.testing.MovableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18, item 5: closures and moved holidays the state declares once for every municipality (AV-2, AV-7). */
@QuarkusTest
@QuarkusTestResource(RegistryStub.class)
class NationalClosureTest {

    private static final String CLOSURES = "/api/availability/national-closures";
    private static final String SERVICE = "thessaloniki-birth-registration";

    @Inject
    MovableClock clock;

    @Test
    void labourDayOf2027MovedFromHolySaturdayToTuesdayFourthOfMayIsClosedEverywhere() {
        clock.setAthens("2027-04-15T09:00");

        assertThat(daysWithSlots("2027-05-03", "2027-05-07")).doesNotContain("2027-05-03", "2027-05-04")
                .contains("2027-05-05", "2027-05-06", "2027-05-07");
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(CLOSURES).then().statusCode(200)
                .body("find { it.day == '2027-05-04' }.nameEl", equalTo("Εργατική Πρωτομαγιά (μεταφορά)"))
                .body("find { it.day == '2027-05-04' }.movedFrom", equalTo("2027-05-01"));
    }

    @Test
    void aCentralAdminDeclaresAClosureForEveryMunicipalityUnlessItStrandsBookedAppointments() {
        book("2027-01-20T10:00:00+02:00", "TEST-NATIONAL");

        central().body("{\"day\": \"2027-01-20\", \"nameEl\": \"Εθνικό πένθος\", \"nameEn\": \"National mourning\"}")
                .post(CLOSURES).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/schedule-conflict"))
                .body("bookings[0].bookingReference", equalTo("TEST-NATIONAL"))
                .body("bookings[0].municipality", equalTo("thessaloniki"))
                .body("bookings[0].reason", equalTo("holiday"));
        assertThat(daysWithSlots("2027-01-20", "2027-01-20")).containsExactly("2027-01-20"); // nothing applied

        String id = central().body("{\"day\": \"2027-01-21\", \"nameEl\": \"Εθνικό πένθος\", \"nameEn\": \"National mourning\"}")
                .post(CLOSURES).then().statusCode(201).extract().path("id").toString();
        assertThat(daysWithSlots("2027-01-19", "2027-01-22")).doesNotContain("2027-01-21").contains("2027-01-19", "2027-01-22");
        central().body("{\"day\": \"2027-01-21\", \"nameEl\": \"Ξανά\", \"nameEn\": \"Again\"}").post(CLOSURES)
                .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/already-exists"));
        central().delete(CLOSURES + "/" + id).then().statusCode(204);
        assertThat(daysWithSlots("2027-01-21", "2027-01-21")).containsExactly("2027-01-21");
    }

    @Test
    void aMovedHolidayOpensTheDayItMovedFromUnlessAnotherHolidayFallsOnIt() {
        String id = central().body("""
                        {"day": "2027-01-08", "nameEl": "Θεοφάνεια (μεταφορά)", "nameEn": "Epiphany (moved)",
                         "movedFrom": "2027-01-06"}""")
                .post(CLOSURES).then().statusCode(201).extract().path("id").toString();
        assertThat(daysWithSlots("2027-01-05", "2027-01-08")).contains("2027-01-05", "2027-01-06", "2027-01-07")
                .doesNotContain("2027-01-08");
        central().delete(CLOSURES + "/" + id).then().statusCode(204);
        assertThat(daysWithSlots("2027-01-05", "2027-01-08")).doesNotContain("2027-01-06").contains("2027-01-08");
    }

    @Test
    void onlyACentralAdminDeclaresAndBadInputIsAProblemNamingTheField() {
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON)
                .body("{\"day\": \"2027-01-25\", \"nameEl\": \"Πένθος\", \"nameEn\": \"Mourning\"}").post(CLOSURES)
                .then().statusCode(403).body("type", equalTo("https://mydimos.gov.gr/problems/forbidden"));
        central().body("{\"day\": \"25/01/2027\", \"nameEl\": \"\", \"nameEn\": \"Mourning\"}").post(CLOSURES)
                .then().statusCode(400).body("violations.field", hasItem("day")).body("violations.field", hasItem("nameEl"));
        central().body("{\"day\": \"2027-01-25\", \"nameEl\": \"Πένθος\", \"nameEn\": \"Mourning\", \"movedFrom\": \"2027-01-25\"}")
                .post(CLOSURES).then().statusCode(400).body("field", equalTo("movedFrom"));
    }

    private static RequestSpecification central() {
        return given().auth().oauth2(Tokens.employee("central-admin")).contentType(ContentType.JSON);
    }

    private static void book(String start, String reference) {
        String bookingService = Tokens.bookingService();
        given().auth().oauth2(bookingService).contentType(ContentType.JSON).body("""
                        {"bookingReference": "%s", "municipality": "thessaloniki", "service": "%s", "mode": "PHONE",
                         "start": "%s", "employee": null}""".formatted(reference, SERVICE, start))
                .post("/api/availability/reservations").then().statusCode(201);
    }

    private static List<String> daysWithSlots(String from, String to) {
        List<String> starts = given().queryParams("municipality", "thessaloniki", "service", SERVICE, "mode", "PHONE",
                "from", from, "to", to).get("/api/availability/slots").then().statusCode(200).extract().jsonPath().getList("start");
        return starts.stream().map(s -> s.substring(0, 10)).distinct().toList();
    }
}
