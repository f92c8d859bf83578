package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * every time in an answer carries the Europe/Athens offset, whichever service wrote it: bookings, their
 * delivery log, certificates, onboarding requests, an employee's appointments and the audit trail.
 */
class AthensTimeTest {

    private static final Pattern DATE_TIME = Pattern.compile("\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d[^\"]*)\"");

    @Test
    void everyTimeInAnAnswerIsAthensTime() {
        String maria = Demo.token("citizens", "citizen-maria", "portal");
        String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        String central = Demo.token("employees", "central-admin", "backoffice");
        String service = "thessaloniki-registry-certificate";
        String reference = Demo.phoneBooking(clerk, service, Demo.freeSlot(service, 8));
        try {
            String employee = given().auth().oauth2(clerk).get(Demo.GATEWAY + "/api/bookings/" + reference)
                    .then().statusCode(200).extract().path("employee");
            String code = given().auth().oauth2(maria).contentType(ContentType.JSON).body("{\"type\": \"FAMILY_STATUS\"}")
                    .post(Demo.GATEWAY + "/api/registry/certificates").then().statusCode(201).extract().path("code");
            List<String> answers = List.of(
                    given().auth().oauth2(clerk).get(Demo.GATEWAY + "/api/bookings/" + reference).asString(),
                    given().auth().oauth2(clerk).queryParam("booking", reference).get(Demo.GATEWAY + "/api/notifications").asString(),
                    given().auth().oauth2(maria).get(Demo.GATEWAY + "/api/registry/certificates").asString(),
                    given().get(Demo.GATEWAY + "/api/registry/certificate-verifications/" + code).asString(),
                    given().auth().oauth2(central).get(Demo.GATEWAY + "/api/registry/onboarding-requests").asString(),
                    // availability's list as the registry passes it on: a removal refused while the appointment stands
                    given().auth().oauth2(Demo.token("employees", "admin-thessaloniki", "backoffice"))
                            .delete(Demo.GATEWAY + "/api/registry/municipalities/thessaloniki/employees/" + employee).asString(),
                    given().auth().oauth2(central).queryParam("limit", 5).get(Demo.GATEWAY + "/api/audit").asString(),
                    given().auth().oauth2(maria).get(Demo.GATEWAY + "/api/bookings/my-data").asString());
            List<String> times = new ArrayList<>();
            for (String answer : answers) {
                Matcher m = DATE_TIME.matcher(answer);
                while (m.find()) {
                    times.add(m.group(1));
                }
            }
            assertThat(times).as("times in the answers").hasSizeGreaterThan(10)
                    .allMatch(t -> t.matches(".*T\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+0[23]:00"), "in Athens time (+02:00 or +03:00)");
        } finally {
            given().auth().oauth2(clerk).post(Demo.GATEWAY + "/api/bookings/" + reference + "/cancel").then().statusCode(200);
        }
    }
}
