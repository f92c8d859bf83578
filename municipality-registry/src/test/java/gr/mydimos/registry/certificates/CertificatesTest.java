package gr.mydimos.registry.certificates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import gr.mydimos.registry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Certificates for citizens (issue 10) from the demo records, against the real PostgreSQL and Keycloak. */
@QuarkusTest
class CertificatesTest {

    private static final String CERTIFICATES = "/api/registry/certificates";
    private static final String COUNTER = "/api/registry/counter-certificates";
    private static final String VERIFY = "/api/registry/certificate-verifications/";
    private static final String FAMILY_4821 = "7c2e1d2f-0000-4000-8000-000000000001";

    @Test
    void aCitizenDownloadsAFamilyStatusCertificateThatVerifiesUntilTheRecordIsCorrected() throws Exception {
        String maria = Tokens.citizen("citizen-maria");
        String code = given().auth().oauth2(maria).contentType(ContentType.JSON).body("{\"type\": \"FAMILY_STATUS\"}")
                .post(CERTIFICATES).then().statusCode(201).body("type", equalTo("FAMILY_STATUS"))
                .body("subjectTaxId", equalTo("094259216")).extract().path("code");
        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

        byte[] pdf = given().auth().oauth2(maria).get(CERTIFICATES + "/" + code).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("ΠΙΣΤΟΠΟΙΗΤΙΚΟ ΟΙΚΟΓΕΝΕΙΑΚΗΣ ΚΑΤΑΣΤΑΣΗΣ", "Δήμος Θεσσαλονίκης", "μερίδα 4821",
                    "Αρχηγός Αντωνίου Νικόλαος", "Σύζυγος Παπαδοπούλου Μαρία", "Τέκνο Αντωνίου Γεώργιος",
                    "Τέκνο Αντωνίου Ελένη", code);
            PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertThat(font.isEmbedded()).as("the font travels with the document").isTrue();
            assertThat(qrCode(document)).isEqualTo("http://127.0.0.1:8080/certificates/verify/"
                    + code.replace("-", ""));
        }

        given().get(VERIFY + code).then().statusCode(200).body("status", equalTo("VALID"))
                .body("type", equalTo("FAMILY_STATUS")).body("holderName", nullValue())
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("subjectTaxId")));
        given().get(VERIFY + code.toLowerCase().replace("-", " ")).then().statusCode(200);

        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).contentType(ContentType.JSON)
                .body("{\"person\": 0, \"field\": \"fatherName\", \"value\": \"Κωνσταντίνος-Ιωάννης\","
                        + " \"reason\": \"Διόρθωση βάσει δικαστικής απόφασης\"}")
                .post("/api/registry/family-shares/" + FAMILY_4821 + "/corrections").then().statusCode(201);
        given().get(VERIFY + code).then().statusCode(200).body("status", equalTo("SUPERSEDED"));
    }

    @Test
    void anEnglishBirthCertificateForAMinorChildAndNothingForSomeoneElse() throws Exception {
        String maria = Tokens.citizen("citizen-maria");
        String code = given().auth().oauth2(maria).contentType(ContentType.JSON)
                .body("{\"type\": \"BIRTH\", \"language\": \"en\", \"subjectTaxId\": \"164820946\", \"showHolderName\": true}")
                .post(CERTIFICATES).then().statusCode(201).extract().path("code");
        byte[] pdf = given().auth().oauth2(maria).get(CERTIFICATES + "/" + code).then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("BIRTH CERTIFICATE", "Municipality of Thessaloniki",
                    "birth act no. 2211", "Child Αντωνίου Ελένη Νικόλαος Μαρία 20/09/2019");
        }
        given().get(VERIFY + code).then().body("status", equalTo("VALID")).body("holderName", equalTo("Ελένη Αντωνίου"));
        given().auth().oauth2(maria).get(CERTIFICATES).then().statusCode(200).body("code", hasItem(code));

        // Maria's husband is an adult: not hers to request; Eleni cannot download Maria's certificate
        given().auth().oauth2(maria).contentType(ContentType.JSON).body("{\"type\": \"BIRTH\", \"subjectTaxId\": \"123456783\"}")
                .post(CERTIFICATES).then().statusCode(403).body("field", equalTo("subjectTaxId"));
        given().auth().oauth2(Tokens.citizen("business-eleni")).get(CERTIFICATES + "/" + code).then().statusCode(404);
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(CERTIFICATES + "/" + code).then().statusCode(403);
    }

    @Test
    void aClerkWithTheDutyIssuesACertificateAtTheCounterForThePersonInFrontOfThem() throws Exception {
        String clerk = Tokens.employee("clerk-thermaikos");
        String code = given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body("{\"type\": \"MUNICIPAL_REGISTRATION\", \"applicantTaxId\": \"094259216\"}")
                .post(COUNTER).then().statusCode(201).body("subjectTaxId", equalTo("094259216"))
                .body("download", org.hamcrest.Matchers.startsWith(COUNTER + "/")).extract().path("code");
        byte[] pdf = given().auth().oauth2(clerk).get(COUNTER + "/" + code).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Παπαδοπούλου Μαρία", code);
        }
        given().get(VERIFY + code).then().statusCode(200).body("status", equalTo("VALID"));
        // it is Maria's as if she had asked online; another municipality's counter cannot print it again
        given().auth().oauth2(Tokens.citizen("citizen-maria")).get(CERTIFICATES).then().body("code", hasItem(code));
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(COUNTER + "/" + code).then().statusCode(404);
    }

    @Test
    void theCounterIssuesOnlyWhatTheClerksDutyAllows() {
        String body = "{\"type\": \"FAMILY_STATUS\", \"applicantTaxId\": \"094259216\"}";
        // a clerk without a registry duty, and a citizen, are refused
        given().auth().oauth2(Tokens.employee("clerk-call-centre")).header("Mydimos-Municipality", "thessaloniki")
                .contentType(ContentType.JSON).body(body).post(COUNTER).then().statusCode(403);
        given().auth().oauth2(Tokens.citizen("citizen-maria")).contentType(ContentType.JSON).body(body)
                .post(COUNTER).then().statusCode(403);
        // the person at the counter is named by a valid tax number; a child only by a parent, as online
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).contentType(ContentType.JSON)
                .body("{\"type\": \"FAMILY_STATUS\", \"applicantTaxId\": \"094259217\"}").post(COUNTER)
                .then().statusCode(400).body("field", equalTo("applicantTaxId"));
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).contentType(ContentType.JSON)
                .body("{\"type\": \"BIRTH\", \"applicantTaxId\": \"112233441\", \"subjectTaxId\": \"164820946\"}")
                .post(COUNTER).then().statusCode(403).body("field", equalTo("subjectTaxId"));
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        String maria = Tokens.citizen("citizen-maria");
        given().auth().oauth2(maria).contentType(ContentType.JSON).body("{\"type\": \"CIVIL_ACT_EXTRACT\"}")
                .post(CERTIFICATES).then().statusCode(400).body("field", equalTo("actId"));
        given().auth().oauth2(maria).contentType(ContentType.JSON).body("{\"type\": \"BIRTH\", \"language\": \"fr\"}")
                .post(CERTIFICATES).then().statusCode(400);
        given().get(VERIFY + "not-a-code").then().statusCode(400).body("field", equalTo("code"));
        given().get(VERIFY + "0000-0000-0000").then().statusCode(404);
    }

    /**
     * The QR code as a phone would read it: the first page rendered at 150 dpi and decoded by a reader that weighs every
     * candidate finder pattern (ZXing's single-code reader takes the first three it likes, and misses about one valid
     * code in forty whose data modules happen to look like a finder pattern).
     */
    private static String qrCode(PDDocument document) throws Exception {
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        Result[] codes = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))), Map.of(DecodeHintType.TRY_HARDER, true));
        assertThat(codes).as("one QR code on the page").hasSize(1);
        return codes[0].getText();
    }
}
