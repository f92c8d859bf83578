package gr.mydimos.availability.registry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import gr.mydimos.availability.RegistryStub;
import gr.mydimos.events.EventContract;
import gr.mydimos.events.RegistryEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Registry events from the real Kafka change who can be assigned and when units open. */
@QuarkusTest
@QuarkusTestResource(RegistryStub.class)
class RegistryEventsTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    @ConfigProperty(name = "mp.messaging.incoming.registry-events.topic")
    String topic;


    private final LocalDate wednesday = LocalDate.of(2026, 12, 16);

    @Test
    void anEmployeeAddedInTheRegistryIsAssignableAndOnceRemovedIsNot() {
        String id = "thessaloniki-emp-" + UUID.randomUUID().toString().substring(0, 8);
        publish(id, employeeEvent("EmployeeAdded", id, true));
        String token = gr.mydimos.availability.Tokens.bookingService();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> reserve(token, at("08:00"), id).then().statusCode(201));

        publish(id, employeeEvent("EmployeeRemoved", id, false));
        // once removed, the id names nobody who serves: a problem naming the field, not an empty day
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> reserve(token, at("08:35"), id).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("employee")));
        given().queryParams("municipality", "thessaloniki", "service", "thessaloniki-civil-marriage-licence",
                        "mode", "IN_PERSON", "from", wednesday.toString(), "to", wednesday.toString(), "employee", id)
                .get("/api/availability/slots").then().statusCode(400).contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("employee"));
    }

    @Test
    void declaredHoursOfAnActivatedMunicipalityBecomeTheUnitsSchedule() {
        LocalDate saturday = wednesday.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        List<RegistryEvent.Hours> hours = java.util.stream.IntStream.rangeClosed(1, 6)
                .mapToObj(day -> new RegistryEvent.Hours(day, "08:00", "14:00")).toList();
        publish("thessaloniki", EventContract.json(RegistryEvent.of(RegistryEvent.MUNICIPALITY_ACTIVATED, Instant.now(),
                new RegistryEvent.Municipality("thessaloniki", "Δήμος Θεσσαλονίκης", "Thessaloniki", List.of("IN_PERSON"),
                        List.of(new RegistryEvent.Unit("thessaloniki-municipal-registry", hours))))));

        // 08:00–14:00 every 20 minutes (15 + 5 of buffer): 18 starts, now on Saturdays too
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .queryParams("municipality", "thessaloniki", "service", "thessaloniki-registry-certificate",
                        "mode", "IN_PERSON", "from", saturday.toString(), "to", saturday.toString())
                .get("/api/availability/slots").then().statusCode(200).body("$", hasSize(18)));
    }

    @Test
    void aChangedServiceDurationTakesEffectFromTheEventAlone() {
        LocalDate thursday = wednesday.plusDays(1);
        io.restassured.specification.RequestSpecification search = given().queryParams("municipality", "thessaloniki",
                "service", "thessaloniki-registry-certificate", "mode", "VIDEO",
                "from", thursday.toString(), "to", thursday.toString());
        search.get("/api/availability/slots").then().statusCode(200).body("$", hasSize(18)); // 15 + 5 minutes, cached now

        // the registry (stubbed) still answers the old terms: what changes the slots is the event's
        publish("thessaloniki-registry-certificate", serviceChanged(30));
        try {
            // 30 + 5 minutes from 08:00, the last ending by 14:00: 10 starts
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> search.get("/api/availability/slots")
                    .then().statusCode(200).body("$", hasSize(10)));
        } finally {
            publish("thessaloniki-registry-certificate", serviceChanged(15)); // the other tests expect the demo catalogue
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> search.get("/api/availability/slots")
                    .then().statusCode(200).body("$", hasSize(18)));
        }
    }

    /** The registry certificate's terms, its video calls taking that many minutes. */
    private static String serviceChanged(int videoMinutes) {
        return EventContract.json(RegistryEvent.of(RegistryEvent.SERVICE_CHANGED, Instant.now(), new RegistryEvent.Service(
                "thessaloniki-registry-certificate", "thessaloniki", "thessaloniki-municipal-registry",
                List.of(new RegistryEvent.ModeDuration("IN_PERSON", 15), new RegistryEvent.ModeDuration("VIDEO", videoMinutes)), 5)));
    }

    private String at(String time) {
        int offset = ATHENS.getRules().getOffset(wednesday.atTime(12, 0)).getTotalSeconds() / 3600;
        return wednesday + "T" + time + ":00+0" + offset + ":00";
    }

    private static io.restassured.response.Response reserve(String token, String start, String employee) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"bookingReference": "TEST-REGISTRY", "municipality": "thessaloniki",
                 "service": "thessaloniki-civil-marriage-licence", "mode": "IN_PERSON", "start": "%s", "employee": "%s"}"""
                .formatted(start, employee)).post("/api/availability/reservations");
    }

    private static String employeeEvent(String type, String id, boolean active) {
        return EventContract.json(RegistryEvent.of(type, Instant.now(), new RegistryEvent.Employee(id, "thessaloniki",
                "thessaloniki-municipal-registry", "Ο. Νέος", List.of("thessaloniki-civil-marriage-licence"), active)));
    }

    private void publish(String key, String json) {
        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, json)).awaitCompletion();
        }
    }
}
