package gr.mydimos.registry.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import gr.mydimos.events.EventContract;
import gr.mydimos.registry.AvailabilityStub;
import gr.mydimos.registry.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** REG-5 against the real PostgreSQL and Keycloak; availability (the peer that knows the appointments) is stubbed. */
@QuarkusTest
@QuarkusTestResource(AvailabilityStub.class)
class StaffTest {

    private static final String STAFF = "/api/registry/municipalities/thessaloniki/employees";

    @Test
    void adminAddsChangesAndRemovesAnEmployeeAndAvailabilityIsToldEachTime() {
        String admin = Tokens.employee("admin-thessaloniki");
        String id = "thessaloniki-emp-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("registry-events-test");

            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(employee(id, "thessaloniki-civil-registry", "thessaloniki-birth-registration"))
                    .post(STAFF).then().statusCode(201).body("serviceIds", equalTo(List.of("thessaloniki-birth-registration")));
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(employee(id, "thessaloniki-civil-registry", "thessaloniki-death-registration"))
                    .put(STAFF + "/" + id).then().statusCode(200)
                    .body("serviceIds[0]", equalTo("thessaloniki-death-registration"));
            given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(STAFF).then().statusCode(200).body("id", hasItem(id));

            given().auth().oauth2(admin).delete(STAFF + "/" + id).then().statusCode(204);
            given().auth().oauth2(admin).get(STAFF).then().body("id", not(hasItem(id)));

            List<JsonPath> published = await().atMost(Duration.ofSeconds(20)).until(() -> events.getRecords().stream()
                    .filter(r -> id.equals(r.key())).peek(r -> EventContract.registryEvent(r.value())) // keeps the contract
                    .map(r -> JsonPath.from(r.value())).toList(), list -> list.size() >= 3);
            assertThat(published).extracting(e -> e.getString("type"))
                    .containsExactly("EmployeeAdded", "EmployeeChanged", "EmployeeRemoved");
            assertThat(published.get(1).getList("employee.serviceIds")).containsExactly("thessaloniki-death-registration");
            assertThat(published.get(2).getBoolean("employee.active")).isFalse();
            events.close();
        }
    }

    @Test
    void anEmployeeWithBookedAppointmentsIsNotRemovedUntilTheyAreMoved() {
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).delete(STAFF + "/thessaloniki-emp-01")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/employee-has-appointments"))
                .body("appointments[0].bookingReference", equalTo("K7QX-M4PA"));
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).get(STAFF).then().body("id", hasItem("thessaloniki-emp-01"));
    }

    @Test
    void aServiceIsNotTakenFromAnEmployeeWhoHasBookedAppointmentsOfIt() {
        String admin = Tokens.employee("admin-thessaloniki");
        String emp01 = """
                {"id": "thessaloniki-emp-01", "unitId": "thessaloniki-municipal-registry", "displayName": "Α. Παπαδάκη",
                 "serviceIds": %s}""";
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(emp01.formatted("[\"thessaloniki-registry-certificate\", \"thessaloniki-male-registry\"]"))
                .put(STAFF + "/thessaloniki-emp-01")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/employee-has-appointments"))
                .body("appointments[0].bookingReference", equalTo("K7QX-M4PA"));
        given().auth().oauth2(admin).get(STAFF).then()
                .body("find { it.id == 'thessaloniki-emp-01' }.serviceIds", hasItem("thessaloniki-civil-marriage-licence"));
        // the services of the booked appointments stay: the rest may change
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(emp01.formatted("[\"thessaloniki-registry-certificate\", \"thessaloniki-civil-marriage-licence\","
                        + " \"thessaloniki-male-registry\"]"))
                .put(STAFF + "/thessaloniki-emp-01").then().statusCode(200);
    }

    @Test
    void employeesServeOnlyServicesOfTheirOwnUnit() {
        String admin = Tokens.employee("admin-thessaloniki");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(employee("thessaloniki-emp-x", "thermaikos-citizens-service", "thermaikos-certificates"))
                .post(STAFF).then().statusCode(400).body("field", equalTo("unitId"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(employee("thessaloniki-emp-x", "thessaloniki-civil-registry", "thessaloniki-registry-certificate"))
                .post(STAFF).then().statusCode(400).body("field", equalTo("serviceIds[0]"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(employee("Not An Id", "thessaloniki-civil-registry", "thessaloniki-birth-registration"))
                .post(STAFF).then().statusCode(400).body("violations.field", hasItem("id"));
    }

    @Test
    void anotherMunicipalitysAdminOrAClerkCannotChangeStaff() {
        String body = employee("thermaikos-emp-x", "thermaikos-citizens-service", "thermaikos-certificates");
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON).body(body)
                .post("/api/registry/municipalities/thermaikos/employees").then().statusCode(403).body("field", equalTo("code"));
        given().auth().oauth2(Tokens.employee("clerk-thermaikos")).contentType(ContentType.JSON).body(body)
                .post("/api/registry/municipalities/thermaikos/employees").then().statusCode(403);
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).get("/api/registry/municipalities/thermaikos/employees")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.employee("central-admin")).get("/api/registry/municipalities/thermaikos/employees")
                .then().statusCode(200).body("id", hasItem("thermaikos-emp-01"));
    }

    private static String employee(String id, String unit, String service) {
        return """
                {"id": "%s", "unitId": "%s", "displayName": "Ο. Νέος", "serviceIds": ["%s"], "desk": "Γραφείο 3"}"""
                .formatted(id, unit, service);
    }

}
