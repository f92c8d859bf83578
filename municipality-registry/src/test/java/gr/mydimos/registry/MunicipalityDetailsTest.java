package gr.mydimos.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import gr.mydimos.events.EventContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 21 item 1 against the real PostgreSQL and Keycloak: a municipality keeps its own details current. */
@QuarkusTest
class MunicipalityDetailsTest {

    private static final String UNIT = "/api/registry/municipalities/thessaloniki/units/thessaloniki-transparency";

    @Test
    void aMunicipalAdminChangesAUnitsHoursAndContactsAndThePortalShowsThem() {
        String admin = Tokens.employee("admin-thessaloniki");
        Map<String, Object> before = unit();
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                    {"address": "Βασ. Γεωργίου 1, 546 40 Θεσσαλονίκη", "phones": ["2313 317000"], "email": "diafaneia@thessaloniki.gr",
                     "hoursEl": "Δευτέρα έως Παρασκευή 08:00–15:00· Τετάρτη έως 19:00", "hoursEn": "Monday to Friday 08:00–15:00; Wednesday until 19:00"}""")
                    .put(UNIT).then().statusCode(204);
            given().get("/api/registry/municipalities/thessaloniki").then().statusCode(200)
                    .body("units.find { it.id == 'thessaloniki-transparency' }.hoursEl", equalTo("Δευτέρα έως Παρασκευή 08:00–15:00· Τετάρτη έως 19:00"))
                    .body("units.find { it.id == 'thessaloniki-transparency' }.phones", hasItem("2313 317000"));
        } finally {
            // the demo unit as it was (its id and names are not part of the change and are ignored)
            Map<String, Object> restore = new HashMap<>(before);
            restore.putIfAbsent("phones", List.of());
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(restore).put(UNIT).then().statusCode(204);
        }
    }

    @Test
    void onlyItsOwnAdminChangesItAndEveryBadFieldIsNamed() {
        String body = "{\"phones\": [\"2310\"], \"email\": \"not-an-address\"}";
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON).body(body)
                .put("/api/registry/municipalities/thessaloniki/contact").then().statusCode(400)
                .body("violations.field", hasItem("phones[0]")).body("violations.field", hasItem("email"));
        String valid = "{\"phones\": [\"2310000000\"]}";
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON).body(valid)
                .put("/api/registry/municipalities/thermaikos/contact").then().statusCode(403);
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).contentType(ContentType.JSON).body(valid)
                .put("/api/registry/municipalities/thessaloniki/contact").then().statusCode(403);
        given().contentType(ContentType.JSON).body(valid).put("/api/registry/municipalities/thessaloniki/contact").then().statusCode(401);
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).contentType(ContentType.JSON).body(valid)
                .put("/api/registry/municipalities/thessaloniki/units/thermaikos-registry").then().statusCode(404);
    }

    private static Map<String, Object> unit() {
        JsonPath municipality = given().get("/api/registry/municipalities/thessaloniki").then().statusCode(200).extract().jsonPath();
        return municipality.getMap("units.find { it.id == 'thessaloniki-transparency' }");
    }

    @Test
    void aMunicipalAdminSetsThePostalCodesAResidentFindsItByAndNotAnotherMunicipalitys() {
        String areas = "/api/registry/municipalities/thessaloniki/postal-areas";
        String admin = Tokens.employee("admin-thessaloniki");
        java.util.List<java.util.Map<String, Object>> before = given().auth().oauth2(admin).get(areas).then().statusCode(200)
                .extract().jsonPath().getList("$");
        org.assertj.core.api.Assertions.assertThat(before).extracting(a -> a.get("postalCode")).contains("54640");
        try {
            given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).get(areas).then().statusCode(403);
            given().auth().oauth2(Tokens.employee("admin-neapoli-sykies")).contentType(io.restassured.http.ContentType.JSON)
                    .body("[]").put(areas).then().statusCode(403);
            given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON)
                    .body("[{\"postalCode\": \"54640\"}, {\"postalCode\": \"5464\"}]").put(areas)
                    .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.containsString("postalCode"));
            given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON)
                    .body("[{\"postalCode\": \"54640\"}, {\"postalCode\": \"54640\"}]").put(areas)
                    .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("[1].postalCode"));
            // Thermaikos serves 57019: not Thessaloniki's to take
            given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON)
                    .body("[{\"postalCode\": \"54640\"}, {\"postalCode\": \"57019\"}]").put(areas)
                    .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("57019"));
            given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON)
                    .body("[{\"postalCode\": \"54640\"}, {\"postalCode\": \"54699\"}]").put(areas).then().statusCode(204);
            given().queryParam("postalCode", "546 99").get("/api/registry/municipalities").then().statusCode(200)
                    .body("code", org.hamcrest.Matchers.contains("thessaloniki"));
        } finally {
            given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON).body(before).put(areas).then().statusCode(204);
        }
    }

    @Test
    void aMunicipalAdminChangesTheWaysItServesButNotFromUnderItsServices() {
        String modes = "/api/registry/municipalities/thessaloniki/modes";
        String admin = Tokens.employee("admin-thessaloniki");
        JsonPath before = given().get("/api/registry/municipalities/thessaloniki").then().statusCode(200).extract().jsonPath();
        assertThat(before.getList("modes")).contains("IN_PERSON", "PHONE", "VIDEO");
        // transparency information is offered by video call: the municipality cannot stop serving so
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"modes": ["IN_PERSON", "PHONE"], "thirdPartyVideoAllowed": false}""").put(modes)
                .then().statusCode(400).body("field", equalTo("modes"))
                .body("detail", org.hamcrest.Matchers.containsString("Ενημέρωση για θέματα διαφάνειας"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"modes": ["IN_PERSON", "PHONE"], "thirdPartyVideoAllowed": true}""").put(modes)
                .then().statusCode(400).body("field", equalTo("thirdPartyVideoAllowed"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"modes": [], "thirdPartyVideoAllowed": false}""").put(modes)
                .then().statusCode(400).body("violations.field", hasItem("modes"));
        given().auth().oauth2(Tokens.employee("admin-neapoli-sykies")).contentType(ContentType.JSON).body("""
                {"modes": ["IN_PERSON", "PHONE", "VIDEO"], "thirdPartyVideoAllowed": false}""").put(modes)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.employee("clerk-thessaloniki")).contentType(ContentType.JSON).body("""
                {"modes": ["IN_PERSON", "PHONE", "VIDEO"], "thirdPartyVideoAllowed": false}""").put(modes)
                .then().statusCode(403);
        boolean thirdParty = before.getBoolean("thirdPartyVideoAllowed");
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                    {"modes": ["IN_PERSON", "PHONE", "VIDEO"], "thirdPartyVideoAllowed": %s}""".formatted(!thirdParty)).put(modes)
                    .then().statusCode(204);
            given().get("/api/registry/municipalities/thessaloniki").then().body("thirdPartyVideoAllowed", equalTo(!thirdParty));
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                    {"modes": ["IN_PERSON", "PHONE", "VIDEO"], "thirdPartyVideoAllowed": %s}""".formatted(thirdParty)).put(modes)
                    .then().statusCode(204);
        }
    }

    @Test
    void aMunicipalAdminAddsAUnitWithItsHoursAndTheOtherServicesAreTold() {
        String units = "/api/registry/municipalities/thessaloniki/units";
        String id = "thessaloniki-unit-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String unit = """
                {"id": "%s", "nameEl": "Τμήμα Κοινωνικής Πολιτικής", "nameEn": "Social Policy Department", "phones": [],
                 "hours": [{"day": 1, "opens": "%s", "closes": "14:00"}]}""";
        String admin = Tokens.employee("admin-thessaloniki");
        given().auth().oauth2(Tokens.employee("admin-neapoli-sykies")).contentType(io.restassured.http.ContentType.JSON)
                .body(unit.formatted(id, "08:00")).post(units).then().statusCode(403);
        given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON)
                .body(unit.formatted("neapoli-sykies-archive", "08:00")).post(units)
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("id"));
        given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON).body(unit.formatted(id, "15:00")).post(units)
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("hours[0].closes"));
        given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON).body(unit.formatted(id, "8 am")).post(units)
                .then().statusCode(400);
        given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON).body(unit.formatted(id, "08:00")
                        .replace("}]}", "}, {\"day\": 1, \"opens\": \"13:00\", \"closes\": \"16:00\"}]}")).post(units)
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("hours[1].opens"));
        try (io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion kafka =
                     new io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion("127.0.0.1:9092")) {
            var events = kafka.consumeStrings().fromTopics("registry-events-test");
            given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON).body(unit.formatted(id, "08:00")).post(units)
                    .then().statusCode(201);
            given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON).body(unit.formatted(id, "08:00")).post(units)
                    .then().statusCode(409).body("field", org.hamcrest.Matchers.equalTo("id"));
            given().get("/api/registry/municipalities/thessaloniki").then().body("units.id", org.hamcrest.Matchers.hasItem(id));
            io.restassured.path.json.JsonPath added = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> events.getRecords().stream().map(r -> io.restassured.path.json.JsonPath.from(r.value()))
                            .filter(e -> "UnitAdded".equals(e.getString("type"))
                                    && id.equals(e.getString("municipality.units[0].id"))).findFirst(), java.util.Optional::isPresent)
                    .orElseThrow();
            EventContract.registryEvent(added.prettify());
            org.assertj.core.api.Assertions.assertThat(added.getString("municipality.units[0].hours[0].opens")).isEqualTo("08:00");
            events.close();
        }
    }
}
