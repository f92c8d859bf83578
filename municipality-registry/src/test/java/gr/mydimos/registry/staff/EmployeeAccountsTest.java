package gr.mydimos.registry.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import gr.mydimos.registry.AvailabilityStub;
import gr.mydimos.registry.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 2 against the real Keycloak and mail server: an employee's account follows the staff — created (and
 * mailed a link to set its password) or linked by tax number, given the municipality and roles, and disabled once
 * it serves no municipality. Availability is stubbed.
 */
@QuarkusTest
@QuarkusTestResource(AvailabilityStub.class)
class EmployeeAccountsTest {

    private static final String STAFF = "/api/registry/municipalities/%s/employees";

    @Test
    void anEmployeeAddedWithATaxNumberGetsAnAccountWithTheMunicipalityAndRolesUntilRemovedEverywhere() {
        String taxId = validTaxNumber();
        String id = "thessaloniki-emp-" + UUID.randomUUID().toString().substring(0, 8);
        String email = id + "@example.gr";
        String admin = Tokens.employee("admin-thessaloniki");

        // a new account needs somewhere to send the link to set a password; a role is one of the four
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(employee(id, taxId, null, "[\"clerk\"]"))
                .post(STAFF.formatted("thessaloniki")).then().statusCode(400).body("field", equalTo("email"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(employee(id, taxId, email, "[\"central-admin\"]"))
                .post(STAFF.formatted("thessaloniki")).then().statusCode(400).body("field", equalTo("roles[0]"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(employee(id, "123456789", email, "[\"clerk\"]"))
                .post(STAFF.formatted("thessaloniki")).then().statusCode(400).body("field", equalTo("taxId"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(employee(id, taxId, email, "[\"clerk\", \"civil-registry\"]"))
                .post(STAFF.formatted("thessaloniki")).then().statusCode(201)
                .body("hasAccount", equalTo(true)).body("roles", equalTo(List.of("clerk", "civil-registry")));
        JsonPath account = account(taxId);
        assertThat(account.getString("username")).isEqualTo(id);
        assertThat(account.getList("attributes.municipality")).containsExactly("thessaloniki");
        // the staff record it is: what names the employee assigned to a booking in their tokens (a video call's entry)
        assertThat(account.getList("attributes.employee")).containsExactly(id);
        assertThat(account.getBoolean("enabled")).isTrue();
        assertThat(realmRoles(account.getString("id"))).contains("clerk", "civil-registry").doesNotContain("municipal-admin");
        // the link to set a password reaches them by mail
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get(mailApi() + "/api/user/" + email + "/messages/INBOX")
                .then().extract().jsonPath().getList("subject").size() > 0);

        // changed, the account follows: another e-mail, a role given and one taken; the tax number stays
        String changedEmail = id + ".new@example.gr";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(employee(id, taxId, changedEmail, "[\"clerk\", \"municipal-admin\"]"))
                .put(STAFF.formatted("thessaloniki") + "/" + id).then().statusCode(200)
                .body("roles", equalTo(List.of("clerk", "municipal-admin"))).body("email", equalTo(changedEmail));
        assertThat(account(taxId).getString("email")).isEqualTo(changedEmail);
        assertThat(realmRoles(account(taxId).getString("id"))).contains("clerk", "municipal-admin").doesNotContain("civil-registry");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(employee(id, validTaxNumber(), changedEmail, "[\"clerk\"]"))
                .put(STAFF.formatted("thessaloniki") + "/" + id).then().statusCode(400).body("field", equalTo("taxId"));
        assertThat(realmRoles(account(taxId).getString("id"))).contains("municipal-admin");

        // the account is this municipality's to manage: another municipality may not take it over
        String second = "thermaikos-emp-" + UUID.randomUUID().toString().substring(0, 8);
        String central = Tokens.employee("central-admin");
        String atThermaikos = employee(second, taxId, null, "[\"clerk\"]").replace("thessaloniki-civil-registry", "thermaikos-citizens-service")
                .replace("thessaloniki-birth-registration", "thermaikos-change-of-address");
        given().auth().oauth2(central).contentType(ContentType.JSON).body(atThermaikos)
                .post(STAFF.formatted("thermaikos")).then().statusCode(403).body("field", equalTo("taxId"));
        // clerks see who their colleagues are, not their tax numbers
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(STAFF.formatted("thessaloniki")).then().statusCode(200)
                .body("find { it.id == '" + id + "' }.taxId", org.hamcrest.Matchers.nullValue());

        // removed, the account no longer signs in and keeps no staff role
        given().auth().oauth2(admin).delete(STAFF.formatted("thessaloniki") + "/" + id).then().statusCode(204);
        assertThat(account(taxId).getBoolean("enabled")).isFalse();
        assertThat(realmRoles(account(taxId).getString("id"))).doesNotContain("clerk", "municipal-admin");

        // taken on later by another municipality, the same account serves it alone, and is mailed its link again
        given().auth().oauth2(central).contentType(ContentType.JSON).body(atThermaikos)
                .post(STAFF.formatted("thermaikos")).then().statusCode(201).body("hasAccount", equalTo(true));
        assertThat(account(taxId).getList("attributes.municipality")).containsExactly("thermaikos");
        assertThat(account(taxId).getList("attributes.employee")).containsExactly(second);
        assertThat(account(taxId).getBoolean("enabled")).isTrue();
        assertThat(realmRoles(account(taxId).getString("id"))).contains("clerk").doesNotContain("civil-registry");
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get(mailApi() + "/api/user/" + changedEmail + "/messages/INBOX")
                .then().extract().jsonPath().getList("subject").size() > 0);
        given().auth().oauth2(central).delete(STAFF.formatted("thermaikos") + "/" + second).then().statusCode(204);
        assertThat(account(taxId).getBoolean("enabled")).isFalse();
    }

    private static JsonPath account(String taxId) {
        List<Object> found = given().auth().oauth2(registryToken()).queryParam("q", "afm:" + taxId).queryParam("exact", true)
                .get(keycloak() + "/admin/realms/employees/users").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(found).hasSize(1);
        return given().auth().oauth2(registryToken()).queryParam("q", "afm:" + taxId).queryParam("exact", true)
                .get(keycloak() + "/admin/realms/employees/users").then().extract().jsonPath().setRootPath("[0]");
    }

    private static List<String> realmRoles(String accountId) {
        return given().auth().oauth2(registryToken()).get(keycloak() + "/admin/realms/employees/users/" + accountId + "/role-mappings/realm")
                .then().statusCode(200).extract().jsonPath().getList("name");
    }

    /** The registry's own service account, as it calls Keycloak's admin API. */
    private static String registryToken() {
        return given().formParams("grant_type", "client_credentials", "client_id", "municipality-registry",
                        "client_secret", "municipality-registry-secret")
                .post(keycloak() + "/realms/employees/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    private static String keycloak() {
        return ConfigProvider.getConfig().getValue("keycloak.url", String.class);
    }

    private static String mailApi() {
        return ConfigProvider.getConfig().getOptionalValue("greenmail.api", String.class).orElse("http://127.0.0.1:8025");
    }

    /** A tax number no other test uses, with its check digit right. */
    private static String validTaxNumber() {
        String digits = String.format("%08d", new Random().nextInt(100_000_000));
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') << (8 - i);
        }
        return digits + (sum % 11 % 10);
    }

    private static String employee(String id, String taxId, String email, String roles) {
        return """
                {"id": "%s", "unitId": "thessaloniki-civil-registry", "displayName": "Αθηνά Παππά",
                 "serviceIds": ["thessaloniki-birth-registration"], "taxId": "%s", "email": %s, "roles": %s}"""
                .formatted(id, taxId, email == null ? "null" : "\"" + email + "\"", roles);
    }
}
