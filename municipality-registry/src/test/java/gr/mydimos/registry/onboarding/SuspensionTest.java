package gr.mydimos.registry.onboarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import gr.mydimos.registry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
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
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).post("/api/registry/municipalities/kalamaria/suspend")
                .then().statusCode(403);
        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("registry-events-test");
            given().auth().oauth2(Tokens.employee("central-admin")).post("/api/registry/municipalities/kalamaria/suspend")
                    .then().statusCode(204);

            given().get("/api/registry/municipalities").then().body("code", not(hasItem("kalamaria")));
            given().get("/api/registry/municipalities/kalamaria/services").then().statusCode(404);
            given().auth().oauth2(Tokens.employee("central-admin")).post("/api/registry/municipalities/kalamaria/suspend")
                    .then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/municipality-status"));

            JsonPath event = await().atMost(Duration.ofSeconds(20)).until(() -> events.getRecords().stream()
                    .filter(r -> "kalamaria".equals(r.key())).map(r -> JsonPath.from(r.value()))
                    .filter(e -> Instant.parse(e.getString("occurredAt")).isAfter(before)).findFirst(), o -> o.isPresent())
                    .orElseThrow();
            assertThat(event.getString("type")).isEqualTo("MunicipalitySuspended");
            events.close();
        }
    }

}
