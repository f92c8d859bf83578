package gr.mydimos.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The audit trail (ID-3) in the real PostgreSQL: who read which record, when, from where and with what outcome, and
 * every refused request; the chain of hashes shows an edited row.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class AuditTrailTest {

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Test
    void readingABookingLeavesAnEntryNamingWhoWhatWhenWhereAndTheOutcome() {
        String requestId = "audit-" + UUID.randomUUID();
        given().auth().oauth2(token("citizens", "citizen-maria", "portal")).header("X-Request-Id", requestId)
                .get("/api/bookings/K7QX-M4PA").then().statusCode(200);

        Map<String, Object> entry = awaitEntry("K7QX-M4PA", requestId);
        assertThat(entry).containsEntry("actorName", "citizen-maria").containsEntry("action", "GET")
                .containsEntry("record", "/api/bookings/K7QX-M4PA").containsEntry("outcome", 200)
                .containsEntry("address", "127.0.0.1");
        assertThat((String) entry.get("actor")).startsWith("citizens:");
        assertThat((String) entry.get("at")).isNotBlank();
    }

    @Test
    void refusedRequestsAreAuditedWhoeverMadeThem() {
        String requestId = "refused-" + UUID.randomUUID();
        given().auth().oauth2("forged.token.value").header("X-Request-Id", requestId)
                .get("/api/bookings/REFUSED-1").then().statusCode(401);
        assertThat(awaitEntry("REFUSED-1", requestId)).containsEntry("actor", "anonymous").containsEntry("outcome", 401);

        String clerkRequest = "forbidden-" + UUID.randomUUID();
        given().auth().oauth2(token("employees", "clerk-thessaloniki", "backoffice")).header("X-Request-Id", clerkRequest)
                .get("/api/audit?record=ANYTHING").then().statusCode(403).contentType("application/problem+json");
        assertThat(awaitEntry("/api/audit", clerkRequest)).containsEntry("actorName", "clerk-thessaloniki")
                .containsEntry("municipality", "thessaloniki").containsEntry("outcome", 403);
    }

    @Test
    void everyEntryHasARequestIdOfThePlatformsOwnWhateverTheCallerSends() {
        String chosen = "chosen-" + UUID.randomUUID();
        String maria = token("citizens", "citizen-maria", "portal");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(maria).header("X-Request-Id", chosen).get("/api/bookings/SAME-ID").then().statusCode(200);
        }
        String admin = centralAdmin();
        List<Map<String, Object>> entries = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given()
                .auth().oauth2(admin).queryParam("record", "/api/bookings/SAME-ID").get("/api/audit").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(e -> chosen.equals(e.get("clientRequestId"))).toList(), found -> found.size() == 2);
        assertThat(entries.get(0).get("requestId")).isNotEqualTo(entries.get(1).get("requestId")).isNotEqualTo(chosen);
    }

    @Test
    void malformedAndFailedRequestsAreAuditedToo() {
        String maria = token("citizens", "citizen-maria", "portal");
        String malformed = "malformed-" + UUID.randomUUID();
        given().auth().oauth2(maria).header("X-Request-Id", malformed).get("/api/bookings;MALFORMED-1=x")
                .then().statusCode(400);
        assertThat(awaitEntry("MALFORMED-1", malformed)).containsEntry("actorName", "citizen-maria")
                .containsEntry("outcome", 400);

        String tooLarge = "too-large-" + UUID.randomUUID();
        given().auth().oauth2(maria).header("X-Request-Id", tooLarge).contentType(ContentType.JSON)
                .body("{\"note\": \"" + "x".repeat(70_000) + "\"}").post("/api/bookings?TOO-LARGE-1")
                .then().statusCode(413);
        assertThat(awaitEntry("TOO-LARGE-1", tooLarge)).containsEntry("actorName", "citizen-maria")
                .containsEntry("outcome", 413);

        // an anonymous read of a public API is not audited, unless the platform failed it
        String failed = "failed-" + UUID.randomUUID();
        given().header("X-Request-Id", failed).get("/api/registry/municipalities/broken").then().statusCode(500);
        assertThat(awaitEntry("/api/registry/municipalities/broken", failed)).containsEntry("actor", "anonymous")
                .containsEntry("outcome", 500);
    }

    @Test
    void anAlteredEntryIsDetected() throws SQLException {
        String requestId = "tamper-" + UUID.randomUUID();
        given().auth().oauth2(token("citizens", "citizen-nikos", "portal")).header("X-Request-Id", requestId)
                .get("/api/bookings/NIKOS-1").then().statusCode(200);
        long seq = ((Number) awaitEntry("NIKOS-1", requestId).get("seq")).longValue();
        verify().body("intact", equalTo(true));

        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
             Statement sql = db.createStatement()) {
            // Editing is refused outright ...
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.executeUpdate(
                    "UPDATE audit_entry SET record = '/api/bookings/SOMEONE-ELSE' WHERE seq = " + seq))
                    .hasMessageContaining("append-only");
            // ... and someone who can switch that off is still caught by the chain.
            sql.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            try {
                sql.executeUpdate("UPDATE audit_entry SET record = '/api/bookings/SOMEONE-ELSE' WHERE seq = " + seq);
                verify().body("intact", equalTo(false)).body("firstBrokenSeq", equalTo((int) seq));
            } finally {
                sql.executeUpdate("UPDATE audit_entry SET record = '/api/bookings/NIKOS-1' WHERE seq = " + seq);
                sql.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
            }
        }
        verify().body("intact", equalTo(true));
    }

    /** Seed 004 Art.5§3: a municipal admin reads what their municipality's staff did, and nothing else. */
    @Test
    void aMunicipalAdminReadsTheTrailOfTheirMunicipalitysStaffOnly() {
        String ours = "ours-" + UUID.randomUUID();
        String theirs = "theirs-" + UUID.randomUUID();
        given().auth().oauth2(token("employees", "clerk-thessaloniki", "backoffice")).header("X-Request-Id", ours)
                .get("/api/bookings/STAFF-READ-1").then().statusCode(200);
        given().auth().oauth2(token("employees", "clerk-thermaikos", "backoffice")).header("X-Request-Id", theirs)
                .get("/api/bookings/STAFF-READ-1").then().statusCode(200);
        awaitEntry("STAFF-READ-1", ours);
        awaitEntry("STAFF-READ-1", theirs);

        List<Map<String, Object>> seen = given().auth().oauth2(token("employees", "admin-thessaloniki", "backoffice"))
                .queryParam("record", "STAFF-READ-1").get("/api/audit").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(seen).extracting(e -> e.get("clientRequestId")).contains(ours).doesNotContain(theirs);
        assertThat(seen).allSatisfy(e -> assertThat(e).containsEntry("municipality", "thessaloniki"));
        // the chain's verification stays with the central administration
        given().auth().oauth2(token("employees", "admin-thessaloniki", "backoffice")).get("/api/audit/verify").then().statusCode(403);
    }

    @Test
    void onlyAdminsReadTheTrailAndOnlyCentralAdminsVerifyIt() {
        given().auth().oauth2(token("citizens", "citizen-maria", "portal")).get("/api/audit/verify")
                .then().statusCode(403);
        given().auth().oauth2(token("citizens", "citizen-maria", "portal")).get("/api/audit").then().statusCode(403);
        given().auth().oauth2(centralAdmin()).queryParam("from", "yesterday").get("/api/audit")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("from"));
    }

    private Map<String, Object> awaitEntry(String record, String requestId) {
        String admin = centralAdmin();
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Map<String, Object>> entries = given().auth().oauth2(admin).queryParam("record", record)
                    .get("/api/audit").then().statusCode(200).extract().jsonPath().getList("$");
            return entries.stream().filter(e -> requestId.equals(e.get("clientRequestId"))).findFirst().orElse(null);
        }, java.util.Objects::nonNull);
    }

    private io.restassured.response.ValidatableResponse verify() {
        return given().auth().oauth2(centralAdmin()).get("/api/audit/verify").then().statusCode(200);
    }

    private String centralAdmin() {
        return token("employees", "central-admin", "backoffice");
    }

    private String token(String realm, String user, String client) {
        return new KeycloakTestClient(keycloakUrl + "/realms/" + realm).getAccessToken(user, user, client);
    }
}
