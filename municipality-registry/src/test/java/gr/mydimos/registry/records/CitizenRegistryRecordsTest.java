package gr.mydimos.registry.records;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import gr.mydimos.registry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Civil acts and family records (issue 10) against the real PostgreSQL and Keycloak, with the demo records. */
@QuarkusTest
class CitizenRegistryRecordsTest {

    private static final String ACTS = "/api/registry/civil-acts";
    private static final String SHARES = "/api/registry/family-shares";
    private static final String MARIA = "094259216";
    private static final String MARIAS_BIRTH = "6b1f0c1e-0000-4000-8000-000000000001";

    @Test
    void aRegistryClerkFindsAPersonsActsAndFamilyByTaxNumber() {
        String clerk = Tokens.employee("clerk-thessaloniki");
        given().auth().oauth2(clerk).get(ACTS + "?taxId=" + MARIA).then().statusCode(200)
                .body("kind", hasItem("BIRTH")).body("kind", hasItem("MARRIAGE"))
                .body("find { it.id == '" + MARIAS_BIRTH + "' }.persons[0].lastName", equalTo("Παπαδοπούλου"));
        given().auth().oauth2(clerk).get(SHARES + "?taxId=" + MARIA).then().statusCode(200)
                .body("", hasSize(1)).body("[0].shareNumber", equalTo(4821))
                .body("[0].members.firstName", contains("Νικόλαος", "Μαρία", "Γεώργιος", "Ελένη"))
                .body("[0].members.role", contains("HEAD", "SPOUSE", "CHILD", "CHILD"));
        // another municipality's clerk may read (one Citizen Registry), by the act's numbers too
        given().auth().oauth2(Tokens.employee("clerk-thermaikos"))
                .get(ACTS + "?registryOffice=thessaloniki&year=1985&volume=3&actNumber=412").then().statusCode(200)
                .body("id", contains(MARIAS_BIRTH));
    }

    @Test
    void everyReadOfARecordLeavesAnEntryNamingTheReader() {
        String record = "6b1f0c1e-0000-4000-8000-000000000005";
        int before = reads(record).getList("").size();
        given().auth().oauth2(Tokens.employee("clerk-thermaikos")).header("X-Request-Id", "read-eleni-1")
                .get(ACTS + "/" + record).then().statusCode(200);
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(ACTS + "?taxId=135792468").then().statusCode(200)
                .body("id", contains(record));

        JsonPath reads = reads(record);
        assertThat(reads.getList("")).hasSize(before + 2);
        assertThat(reads.getString("[0].reader")).isEqualTo("clerk-thessaloniki");
        assertThat(reads.getString("[1].reader")).isEqualTo("clerk-thermaikos");
        assertThat(reads.getString("[1].readerMunicipality")).isEqualTo("thermaikos");
        assertThat(reads.getString("[1].requestId")).isEqualTo("read-eleni-1");
        // supervising reads is for the central administration only
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get("/api/registry/record-reads?recordId=" + record)
                .then().statusCode(403);
    }

    @Test
    void aCorrectionIsAMarginalNoteByTheKeepingMunicipalityOnly() {
        String act = enterBirth(Tokens.employee("clerk-thessaloniki"), "Ανδρέας", "Παπαδάκης");
        String correction = """
                {"person": 0, "field": "lastName", "value": "Παπαδάκις", "reason": "Σφάλμα κατά την καταχώριση (αίτηση 12/2026)"}""";

        given().auth().oauth2(Tokens.employee("clerk-thermaikos")).contentType(ContentType.JSON).body(correction)
                .post(ACTS + "/" + act + "/corrections").then().statusCode(403)
                .contentType("application/problem+json").body("field", equalTo("municipality"));
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(ACTS + "/" + act).then()
                .body("version", equalTo(1)).body("persons[0].lastName", equalTo("Παπαδάκης"));

        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).contentType(ContentType.JSON).body(correction)
                .post(ACTS + "/" + act + "/corrections").then().statusCode(201)
                .body("version", equalTo(2)).body("field", equalTo("persons[0].lastName"));
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(ACTS + "/" + act).then().statusCode(200)
                .body("version", equalTo(2)).body("persons[0].lastName", equalTo("Παπαδάκις"))
                .body("notes", hasSize(1))
                .body("notes[0].oldValue", equalTo("Παπαδάκης")).body("notes[0].newValue", equalTo("Παπαδάκις"))
                .body("notes[0].notedBy", equalTo("clerk-thessaloniki"))
                .body("notes[0].reason", equalTo("Σφάλμα κατά την καταχώριση (αίτηση 12/2026)"));
    }

    @Test
    void onlyClerksWithTheRegistryDutyWorkWithRecords() {
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).get(ACTS + "?taxId=" + MARIA).then().statusCode(403);
        given().auth().oauth2(Tokens.citizen("citizen-maria")).get(SHARES + "?taxId=" + MARIA).then().statusCode(403);
        given().get(ACTS + "?taxId=" + MARIA).then().statusCode(401);
    }

    @Test
    void badEntriesAndCorrectionsAreProblemsNamingTheField() {
        String clerk = Tokens.employee("clerk-thessaloniki");
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(birth(ThreadLocalRandom.current().nextInt(1, 1_000_000), "Άννα", "Λάμπρου").replace("\"CHILD\"", "\"SPOUSE\""))
                .post(ACTS).then().statusCode(400).contentType("application/problem+json").body("field", equalTo("persons[0].role"));
        given().auth().oauth2(clerk).get(ACTS + "?taxId=123456789").then().statusCode(400).body("field", equalTo("taxId"));
        given().auth().oauth2(clerk).get(ACTS).then().statusCode(400).body("field", equalTo("taxId"));

        String act = enterBirth(clerk, "Άννα", "Λάμπρου");
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body("{\"person\": 0, \"field\": \"birthDate\", \"value\": \"31/02/2026\", \"reason\": \"λάθος\"}")
                .post(ACTS + "/" + act + "/corrections").then().statusCode(400).body("field", equalTo("value"));
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body("{\"person\": 5, \"field\": \"lastName\", \"value\": \"Χ\", \"reason\": \"λάθος\"}")
                .post(ACTS + "/" + act + "/corrections").then().statusCode(400).body("field", equalTo("person"));
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body("{\"person\": 0, \"field\": \"lastName\", \"value\": \"Χ\"}")
                .post(ACTS + "/" + act + "/corrections").then().statusCode(400);
        given().auth().oauth2(clerk).get(ACTS + "/" + act).then().body("version", equalTo(1)).body("notes", hasSize(0));
    }

    @Test
    void aFamilyRecordIsRegisteredInTheClerksOwnMunicipalityAndCorrectedThere() {
        int number = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String clerk = Tokens.employee("clerk-thermaikos");
        String id = given().auth().oauth2(clerk).contentType(ContentType.JSON).body("""
                        {"shareNumber": %d, "members": [
                          {"role": "HEAD", "firstName": "Πέτρος", "lastName": "Ιωάννου", "birthDate": "1970-05-01", "sex": "M"},
                          {"role": "CHILD", "firstName": "Σοφία", "lastName": "Ιωάννου", "birthDate": "2012-02-11", "sex": "F"}]}
                        """.formatted(number))
                .post(SHARES).then().statusCode(201).body("municipality", equalTo("thermaikos")).extract().path("id");
        given().auth().oauth2(clerk).contentType(ContentType.JSON).body("{\"shareNumber\": " + number
                        + ", \"members\": [{\"role\": \"HEAD\", \"firstName\": \"Α\", \"lastName\": \"Β\"}]}")
                .post(SHARES).then().statusCode(409);

        String correction = "{\"person\": 1, \"field\": \"firstName\", \"value\": \"Σοφία-Μαρία\", \"reason\": \"Ονοματοδοσία\"}";
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).contentType(ContentType.JSON).body(correction)
                .post(SHARES + "/" + id + "/corrections").then().statusCode(403);
        given().auth().oauth2(clerk).contentType(ContentType.JSON).body(correction)
                .post(SHARES + "/" + id + "/corrections").then().statusCode(201);
        given().auth().oauth2(clerk).get(SHARES + "?municipality=thermaikos&shareNumber=" + number).then().statusCode(200)
                .body("[0].members.firstName", containsInAnyOrder("Πέτρος", "Σοφία-Μαρία")).body("[0].version", equalTo(2));
    }

    private static String enterBirth(String clerk, String firstName, String lastName) {
        return given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(birth(ThreadLocalRandom.current().nextInt(1, 1_000_000), firstName, lastName))
                .post(ACTS).then().statusCode(201).body("registryOffice", equalTo("thessaloniki")).extract().path("id");
    }

    private static String birth(int number, String firstName, String lastName) {
        return """
                {"kind": "BIRTH", "year": 2026, "volume": 9, "actNumber": %d, "eventDate": "2026-10-01",
                 "eventPlace": "Θεσσαλονίκη", "persons": [
                   {"role": "CHILD", "firstName": "%s", "lastName": "%s", "birthDate": "2026-10-01", "sex": "M"},
                   {"role": "MOTHER", "firstName": "Ιωάννα", "lastName": "%s"}]}
                """.formatted(number, firstName, lastName, lastName);
    }

    private static JsonPath reads(String record) {
        return given().auth().oauth2(Tokens.employee("central-admin")).get("/api/registry/record-reads?recordId=" + record)
                .then().statusCode(200).extract().jsonPath();
    }
}
