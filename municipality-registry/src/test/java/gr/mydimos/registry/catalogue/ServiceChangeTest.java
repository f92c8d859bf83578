package gr.mydimos.registry.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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

/** REG-4 changes against the real PostgreSQL, Keycloak and Kafka: the catalogue changes and the others are told. */
@QuarkusTest
class ServiceChangeTest {

    private static final String SERVICE = "/api/registry/municipalities/thessaloniki/services/thessaloniki-transparency-information";

    @Test
    void adminChangesADurationAndAvailabilityIsTold() {
        Instant before = Instant.now();
        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("registry-events-test");
            given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON)
                    .body(service("thessaloniki-transparency", "IN_PERSON", 25)).put(SERVICE)
                    .then().statusCode(200).body("modes[0].durationMinutes", equalTo(25));
            given().get("/api/registry/municipalities/thessaloniki/services")
                    .then().body("find { it.id == 'thessaloniki-transparency-information' }.modes[0].durationMinutes", equalTo(25));

            JsonPath event = await().atMost(Duration.ofSeconds(20)).until(() -> events.getRecords().stream()
                    .filter(r -> "thessaloniki-transparency-information".equals(r.key()))
                    .peek(r -> EventContract.registryEvent(r.value())).map(r -> JsonPath.from(r.value()))
                    .filter(e -> Instant.parse(e.getString("occurredAt")).isAfter(before)).findFirst(), o -> o.isPresent())
                    .orElseThrow();
            assertThat(event.getString("type")).isEqualTo("ServiceChanged");
            assertThat(event.getInt("service.modes[0].durationMinutes")).isEqualTo(25);
            events.close();
        }
    }

    @Test
    void changesThatTheMunicipalityCannotServeAreRefused() {
        String admin = Tokens.employee("admin-thessaloniki");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(service("thermaikos-citizens-service", "IN_PERSON", 20))
                .put(SERVICE).then().statusCode(400).body("field", equalTo("unitId"));
        given().auth().oauth2(Tokens.employee("admin-neapoli-sykies")).contentType(ContentType.JSON)
                .body(service("thessaloniki-transparency", "IN_PERSON", 20)).put(SERVICE)
                .then().statusCode(403).body("field", equalTo("code"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(service("thessaloniki-transparency", "IN_PERSON", 0))
                .put(SERVICE).then().statusCode(400);
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON)
                .body(service("kalamaria-citizens-service", "IN_PERSON", 20).replace("thessaloniki-transparency-information", "kalamaria-registry-certificate"))
                .put("/api/registry/municipalities/thessaloniki/services/kalamaria-registry-certificate")
                .then().statusCode(400).body("field", equalTo("unitId"));
    }

    @Test
    void aChangeThatWouldStrandBookedAppointmentsIsRefusedListingThem() {
        // the stub of availability has K7QX-M4PA booked in person for the civil marriage licence
        String path = "/api/registry/municipalities/thessaloniki/services/thessaloniki-civil-marriage-licence";
        String admin = Tokens.employee("admin-thessaloniki");
        String licence = """
                {"id": "thessaloniki-civil-marriage-licence", "unitId": "%s",
                 "nameEl": "Άδεια πολιτικού γάμου", "nameEn": "Civil marriage licence",
                 "modes": [{"mode": "%s", "durationMinutes": %d}], "bufferMinutes": 5, "documents": []}""";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(licence.formatted("thessaloniki-municipal-registry", "PHONE", 30))
                .put(path).then().statusCode(409).body("type", equalTo("https://mydimos.gov.gr/problems/schedule-conflict"))
                .body("bookings[0].bookingReference", equalTo("K7QX-M4PA")).body("bookings[0].reason", equalTo("mode-withdrawn"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(licence.formatted("thessaloniki-civil-registry", "IN_PERSON", 30))
                .put(path).then().statusCode(409).body("bookings[0].reason", equalTo("unit-changed"));
        given().get("/api/registry/municipalities/thessaloniki/services")
                .then().body("find { it.id == 'thessaloniki-civil-marriage-licence' }.unitId", equalTo("thessaloniki-municipal-registry"))
                .body("find { it.id == 'thessaloniki-civil-marriage-licence' }.modes.mode", equalTo(java.util.List.of("IN_PERSON")));
    }

    private static String service(String unit, String mode, int minutes) {
        return """
                {"id": "thessaloniki-transparency-information", "unitId": "%s",
                 "nameEl": "Ενημέρωση για θέματα διαφάνειας", "nameEn": "Information on transparency matters",
                 "modes": [{"mode": "%s", "durationMinutes": %d}], "bufferMinutes": 5, "documents": []}"""
                .formatted(unit, mode, minutes);
    }

}
