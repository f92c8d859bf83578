package gr.mydimos.registry.certificates;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import gr.mydimos.registry.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Required documents that are Citizen Registry certificates, retrieved by the office (seed 003, issue 10). */
@QuarkusTest
@QuarkusTestResource(BookingStub.class)
class ExOfficioDocumentsTest {

    private static final String DOCUMENTS = "/api/registry/ex-officio-documents";

    @Test
    void theCatalogueTellsTheCitizenWhichCertificatesTheOfficeRetrieves() {
        given().get("/api/registry/municipalities/thermaikos/services").then().statusCode(200)
                .body("find { it.id == 'thermaikos-transfer-unmarried' }.documents.find { it.certificate == 'BIRTH' }.exOfficio",
                        equalTo(true));
    }

    @Test
    void aClerkSeesWhichAreReadyForTheAppointmentsPerson() {
        String clerk = Tokens.employee("clerk-thessaloniki");
        given().auth().oauth2(clerk).get(DOCUMENTS + "?service=thessaloniki-civil-marriage-licence&taxId=094259216")
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].certificate", equalTo("FAMILY_STATUS")).body("[0].ready", equalTo(true))
                .body("[0].record.kind", equalTo("FAMILY_SHARE"))
                .body("[0].record.id", equalTo("7c2e1d2f-0000-4000-8000-000000000001"));
        // a person the registry holds nothing for: the office must ask for it
        given().auth().oauth2(clerk).get(DOCUMENTS + "?service=thessaloniki-civil-marriage-licence&taxId=164820958")
                .then().statusCode(200).body("[0].ready", equalTo(false)).body("[0].record", nullValue());
        // the check is a read of the record, logged under the clerk's name
        given().auth().oauth2(Tokens.employee("central-admin"))
                .get("/api/registry/record-reads?recordId=7c2e1d2f-0000-4000-8000-000000000001")
                .then().statusCode(200).body("reader", hasItem("clerk-thessaloniki"));
    }

    @Test
    void onlyTheServicesMunicipalityAsksAndOnlyWithAValidTaxNumber() {
        given().auth().oauth2(Tokens.employee("clerk-thermaikos"))
                .get(DOCUMENTS + "?service=thessaloniki-civil-marriage-licence&taxId=094259216").then().statusCode(403);
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki"))
                .get(DOCUMENTS + "?service=thessaloniki-civil-marriage-licence&taxId=12").then().statusCode(400)
                .body("field", equalTo("taxId"));
        given().auth().oauth2(Tokens.citizen("citizen-maria"))
                .get(DOCUMENTS + "?service=thessaloniki-civil-marriage-licence&taxId=094259216").then().statusCode(403);
    }

    @Test
    void staffWithoutARegistryDutyAskOnlyForABookingOfTheirsAndSeeNoRecordIds() {
        String admin = Tokens.employee("admin-thessaloniki"); // a municipal admin: no registry duty
        given().auth().oauth2(admin).get(DOCUMENTS + "?service=thessaloniki-civil-marriage-licence&taxId=094259216")
                .then().statusCode(403).contentType("application/problem+json").body("field", equalTo("booking"));
        given().auth().oauth2(admin).get(DOCUMENTS + "?booking=K7QX-M4PA")
                .then().statusCode(200).body("[0].certificate", equalTo("FAMILY_STATUS"))
                .body("[0].ready", equalTo(true)).body("[0].record", nullValue());
        // a booking booking-service does not show them (another municipality's, or none)
        given().auth().oauth2(admin).get(DOCUMENTS + "?booking=ZZZZ-9999").then().statusCode(404);
        // the duty sees the record it may retrieve
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(DOCUMENTS + "?booking=K7QX-M4PA")
                .then().statusCode(200).body("[0].record.kind", equalTo("FAMILY_SHARE"));
    }
}
