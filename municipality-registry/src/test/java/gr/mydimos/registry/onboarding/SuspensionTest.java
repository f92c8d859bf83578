package gr.mydimos.registry.onboarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import gr.mydimos.events.EventContract;
import gr.mydimos.registry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** REG-1: a suspended municipality is no longer listed or bookable, and the other services are told. */
@QuarkusTest
class SuspensionTest {

    @Test
    void centralAdminSuspendsAMunicipalityWhichDisappearsFromThePortal() {
        Instant before = Instant.now();
        String reason = "{\"reason\": \"Λήξη της σύμβασης\"}";
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON).body(reason)
                .post("/api/registry/municipalities/kalamaria/suspend").then().statusCode(403);
        given().auth().oauth2(Tokens.employee("central-admin")).contentType(ContentType.JSON).body("{}")
                .post("/api/registry/municipalities/kalamaria/suspend").then().statusCode(400).body("field", equalTo("reason"));
        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("registry-events-test");
            // its upcoming booking is cancelled with the reason (booking-service, stubbed) before it is suspended
            given().auth().oauth2(Tokens.employee("central-admin")).contentType(ContentType.JSON).body(reason)
                    .post("/api/registry/municipalities/kalamaria/suspend")
                    .then().statusCode(200).body("cancelledBookings", equalTo(1));

            given().get("/api/registry/municipalities").then().body("code", not(hasItem("kalamaria")));
            given().get("/api/registry/municipalities/kalamaria/services").then().statusCode(404);
            given().auth().oauth2(Tokens.employee("central-admin")).contentType(ContentType.JSON).body(reason)
                    .post("/api/registry/municipalities/kalamaria/suspend").then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/municipality-status"));

            JsonPath event = await().atMost(Duration.ofSeconds(20)).until(() -> events.getRecords().stream()
                    .filter(r -> "kalamaria".equals(r.key())).peek(r -> EventContract.registryEvent(r.value()))
                    .map(r -> JsonPath.from(r.value()))
                    .filter(e -> Instant.parse(e.getString("occurredAt")).isAfter(before)).findFirst(), o -> o.isPresent())
                    .orElseThrow();
            assertThat(event.getString("type")).isEqualTo("MunicipalitySuspended");
            events.close();
        }
    }

    @Test
    void aMunicipalityWhoseBookingsCannotBeCancelledIsNotSuspended() {
        given().auth().oauth2(Tokens.employee("central-admin")).contentType(ContentType.JSON)
                .body("{\"reason\": \"Λήξη της σύμβασης\"}").post("/api/registry/municipalities/thermaikos/suspend")
                .then().statusCode(503).body("type", equalTo("https://mydimos.gov.gr/problems/dependency-unavailable"));
        given().get("/api/registry/municipalities").then().body("code", hasItem("thermaikos"));
    }

}
