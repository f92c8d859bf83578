package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Walks every problem type of docs/problems.md through the running system (issue 18, items 1–2): each is provoked
 * through the gateway as a client would meet it, in Greek (no Accept-Language) and in English, and must answer with
 * the documented status, the type's URI, a title and a detail in the language asked for, and the path as instance.
 * The few types that only a failing peer, a race or the passing of time can produce are named with the module test
 * that provokes them.
 */
class ProblemVocabularyTest {

    private static final String GATEWAY = Demo.GATEWAY;
    private static final String SERVICE = "thessaloniki-registry-certificate";
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (\\d{3}) \\| .+ \\|$");
    private static final Pattern GREEK = Pattern.compile("\\p{InGreek}");

    /** Types a healthy system does not produce on request, and the module test that provokes each. */
    private static final Map<String, String> PROVOKED_ELSEWHERE = Map.of(
            "internal-error", "http-problems ProblemMappersTest (no endpoint fails on purpose)",
            "upstream-unavailable", "identity-gateway GatewayRoutingTest (a service that is down)",
            "upstream-timeout", "identity-gateway GatewayRoutingTest (a service that does not answer)",
            "service-busy", "identity-gateway GatewayRoutingTest (a service's connections all busy)",
            "dependency-unavailable", "availability-service ReservationTest (the registry down)",
            "body-too-slow", "identity-gateway GatewayRoutingTest (takes the 10 s body timeout)",
            "changed-meanwhile", "booking-service BookingLifecycleTest (a cancellation commits while a reschedule waits)",
            "change-cut-off-passed", "booking-service BookingLifecycleTest (a clock set to the last hour)",
            "transfer-expired", "booking-service BookingLifecycleTest (a clock past the proposal's expiry)");

    @Test
    void everyDocumentedTypeIsAnsweredInGreekAndInEnglish() throws Exception {
        Map<String, Integer> documented = documentedTypes();
        Map<String, Function<RequestSpecification, Response>> provoke = provocations();
        List<String> walked = new ArrayList<>(provoke.keySet());
        walked.addAll(PROVOKED_ELSEWHERE.keySet());
        assertThat(walked).as("every documented type is walked, and nothing else").containsExactlyInAnyOrderElementsOf(
                documented.keySet());

        List<String> failures = new ArrayList<>();
        try {
            provoke.forEach((type, request) -> {
                for (String language : new String[] {null, "en"}) {
                    RequestSpecification spec = given().urlEncodingEnabled(false);
                    if (language != null) {
                        spec.header("Accept-Language", language);
                    }
                    check(type, documented.get(type), language, request.apply(spec), failures);
                }
            });
        } finally {
            cleanUp();
        }
        assertThat(failures).isEmpty();
    }

    private static void check(String type, int status, String language, Response answer, List<String> failures) {
        String where = type + (language == null ? " (el)" : " (en)");
        if (answer.statusCode() != status) {
            failures.add(where + ": status " + answer.statusCode() + ", body " + answer.asString());
            return;
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            failures.add(where + ": content type " + answer.contentType());
            return;
        }
        String title = answer.path("title");
        String detail = answer.path("detail");
        boolean greek = language == null;
        if (!("https://mydimos.gov.gr/problems/" + type).equals(answer.path("type"))
                || !Integer.valueOf(status).equals(answer.path("status"))
                || title == null || detail == null || detail.isBlank()
                || GREEK.matcher(title).find() != greek || (greek && !GREEK.matcher(detail).find())
                || (!greek && GREEK.matcher(detail).find() && !detail.contains("ΑΦΜ"))
                || answer.path("instance") == null
                || !(greek ? "el" : "en").equals(answer.header("Content-Language"))) {
            failures.add(where + ": " + answer.asString() + " Content-Language " + answer.header("Content-Language"));
        }
        // the headers a client acts on, as docs/problems.md promises
        String header = switch (type) {
            case "method-not-allowed" -> "Allow";
            case "too-many-requests" -> "Retry-After";
            case "unauthenticated" -> "WWW-Authenticate";
            default -> null;
        };
        if (header != null && (answer.header(header) == null || answer.header(header).isBlank())) {
            failures.add(where + ": no " + header + " header");
        }
    }

    private static Map<String, Integer> documentedTypes() throws Exception {
        Map<String, Integer> types = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("../../docs/problems.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                types.put(row.group(1), Integer.parseInt(row.group(2)));
            }
        }
        return types;
    }

    // --- the requests that provoke each type -------------------------------------------------------------------

    private final String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
    private final String admin = Demo.token("employees", "admin-thessaloniki", "backoffice");
    private final String central = Demo.token("employees", "central-admin", "backoffice");
    private final String maria = Demo.token("citizens", "citizen-maria", "portal");
    private final List<String> bookings = new ArrayList<>();
    private KeycloakAdmin keycloak;

    private Map<String, Function<RequestSpecification, Response>> provocations() {
        Map<String, Function<RequestSpecification, Response>> p = new LinkedHashMap<>();
        String slot = Demo.freeSlot(SERVICE, 5);
        String key = UUID.randomUUID().toString();
        String booked = phoneBooking(given(), key, slot).then().statusCode(201).extract().path("reference");
        bookings.add(booked);
        Response view = given().auth().oauth2(clerk).get(GATEWAY + "/api/bookings/" + booked).then().statusCode(200).extract().response();
        String employee = view.path("employee");
        String unit = view.path("unit.id");
        OffsetDateTime start = OffsetDateTime.parse(slot);

        p.put("invalid-field", r -> r.auth().oauth2(clerk).contentType(ContentType.JSON).body("{\"start\": 12345, \"mode\": \"FAX\"}")
                .post(GATEWAY + "/api/bookings"));
        p.put("unreadable-body", r -> r.auth().oauth2(clerk).contentType(ContentType.JSON).body("[1, 2]")
                .post(GATEWAY + "/api/bookings"));
        p.put("malformed-request", r -> r.auth().oauth2(clerk).contentType(ContentType.JSON).body("{}")
                .get(GATEWAY + "/api/bookings"));
        p.put("non-canonical-path", r -> r.get(GATEWAY + "/api/registry/municipalities/"));
        p.put("unknown-service", r -> r.queryParams("municipality", "thessaloniki", "service", "no-such-service",
                "mode", "IN_PERSON", "from", start.toLocalDate().toString(), "to", start.toLocalDate().toString())
                .get(GATEWAY + "/api/availability/slots"));
        p.put("unauthenticated", r -> r.get(GATEWAY + "/api/bookings"));
        p.put("forbidden", r -> r.auth().oauth2(maria).get(GATEWAY + "/api/audit"));
        p.put("not-found", r -> r.auth().oauth2(maria).get(GATEWAY + "/api/bookings/ZZZZ-ZZZZ"));
        p.put("no-registry-record", r -> r.auth().oauth2(Demo.token("citizens", "citizen-nikos", "portal"))
                .get(GATEWAY + "/api/registry/me"));
        p.put("method-not-allowed", r -> r.auth().oauth2(clerk).delete(GATEWAY + "/api/registry/municipalities"));
        p.put("not-acceptable", r -> r.accept("application/xml").get(GATEWAY + "/api/registry/municipalities"));
        p.put("body-too-large", r -> r.auth().oauth2(clerk).contentType(ContentType.JSON)
                .body("{\"x\": \"" + "a".repeat(70_000) + "\"}").post(GATEWAY + "/api/bookings"));
        p.put("uri-too-long", r -> r.get(GATEWAY + "/api/registry/municipalities?q=" + "a".repeat(5000)));
        p.put("unsupported-media-type", r -> r.auth().oauth2(clerk).contentType(ContentType.TEXT).body("hello")
                .post(GATEWAY + "/api/bookings"));
        p.put("idempotency-key-reused", r -> phoneBooking(r, key, start.plusHours(1).toString()));
        p.put("too-many-requests", this::overTheLimit);
        p.put("municipality-status", r -> r.auth().oauth2(central).contentType(ContentType.JSON).body("{\"reason\": \"Δοκιμή\"}")
                .post(GATEWAY + "/api/registry/municipalities/pylaia-chortiatis/suspend"));
        String request = openOnboardingRequest();
        p.put("request-open", r -> r.auth().oauth2(Demo.token("employees", "admin-neapoli-sykies", "backoffice"))
                .contentType(ContentType.JSON).body(DECLARATION).post(GATEWAY + "/api/registry/onboarding-requests"));
        java.util.concurrent.atomic.AtomicBoolean decided = new java.util.concurrent.atomic.AtomicBoolean();
        p.put("already-decided", r -> {
            if (!decided.getAndSet(true)) { // after request-open has been provoked
                given().auth().oauth2(central).contentType(ContentType.JSON).body("{\"reason\": \"Ελλιπής φάκελος\"}")
                        .post(GATEWAY + "/api/registry/onboarding-requests/" + request + "/reject").then().statusCode(200);
            }
            return r.auth().oauth2(central).contentType(ContentType.JSON).body("{\"reason\": \"Ξανά\"}")
                    .post(GATEWAY + "/api/registry/onboarding-requests/" + request + "/reject");
        });
        p.put("already-exists", r -> r.auth().oauth2(admin).contentType(ContentType.JSON).body("""
                        {"id": "%s", "unitId": "%s", "displayName": "Διπλός", "serviceIds": ["%s"]}"""
                        .formatted(employee, unit, SERVICE))
                .post(GATEWAY + "/api/registry/municipalities/thessaloniki/employees"));
        p.put("schedule-conflict", r -> r.auth().oauth2(admin).contentType(ContentType.JSON).body("""
                        {"kind": "CLOSURE", "unitId": "%s", "start": "%s", "end": "%s", "reason": "Απολύμανση"}"""
                        .formatted(unit, start.minusMinutes(30), start.plusHours(2)))
                .post(GATEWAY + "/api/availability/municipalities/thessaloniki/exceptions"));
        p.put("employee-has-appointments", r -> r.auth().oauth2(admin)
                .delete(GATEWAY + "/api/registry/municipalities/thessaloniki/employees/" + employee));
        p.put("slot-unavailable", r -> phoneBooking(r, UUID.randomUUID().toString(), start.plusMinutes(1).toString()));
        p.put("booking-limit-reached", bookingLimit());
        String cancelled = phoneBooking(given(), UUID.randomUUID().toString(), Demo.freeSlot(SERVICE, 6))
                .then().statusCode(201).extract().path("reference");
        given().auth().oauth2(clerk).post(GATEWAY + "/api/bookings/" + cancelled + "/cancel").then().statusCode(200);
        p.put("booking-status", r -> r.auth().oauth2(clerk).post(GATEWAY + "/api/bookings/" + cancelled + "/cancel"));
        // a cancelled VIDEO booking's call never opens, whoever holds its link
        io.restassured.path.json.JsonPath video = given().auth().oauth2(clerk).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "%s", "mode": "VIDEO", "start": "%s",
                         "person": {"fullName": "Ελένη Αθανασίου", "email": "eleni@example.gr", "phone": "6912345678"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el", "channel": "PHONE"}"""
                        .formatted(SERVICE, Demo.freeStarts(SERVICE, "VIDEO", 7).get(0)))
                .post(GATEWAY + "/api/bookings").then().statusCode(201).extract().jsonPath();
        // staff never see the person's link (it enters as the person): it is in the confirmation mail
        String reference = video.getString("reference");
        String confirmation = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Demo.inbox("eleni@example.gr").stream().map(m -> m[1]).filter(body -> body.contains(reference))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("/call/([A-Za-z0-9_-]{43})").matcher(confirmation);
        assertThat(found.find()).as("the call's link in the confirmation").isTrue();
        String link = found.group(1);
        given().auth().oauth2(clerk).post(GATEWAY + "/api/bookings/" + reference + "/cancel").then().statusCode(200);
        p.put("call-not-open", r -> r.contentType(ContentType.JSON).body("{\"link\": \"" + link + "\"}")
                .post(GATEWAY + "/api/bookings/calls/admissions"));
        return p;
    }

    /** A clerk's phone booking of the service for a caller, with the given Idempotency-Key. */
    private Response phoneBooking(RequestSpecification r, String key, String start) {
        return r.auth().oauth2(clerk).header("Idempotency-Key", key).contentType(ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "%s", "mode": "IN_PERSON", "start": "%s",
                         "person": {"fullName": "Ελένη Αθανασίου", "email": "eleni@example.gr", "phone": "6912345678"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el", "channel": "PHONE"}"""
                        .formatted(SERVICE, start))
                .post(GATEWAY + "/api/bookings");
    }

    /**
     * Anna holds one booking of a service; a second of the same service is over the per-person limit. (Not Maria: she
     * books often in the other tests, and 10 booking requests in 10 minutes are all a person may make.)
     */
    private Function<RequestSpecification, Response> bookingLimit() {
        String service = "thessaloniki-transparency-information";
        String anna = Demo.token("citizens", "citizen-anna", "portal");
        Demo.cancelUpcomingBookings(anna, service);
        List<String> starts = Demo.freeStarts(service, "PHONE", 6);
        String body = """
                {"municipality": "thessaloniki", "service": "%s", "mode": "PHONE", "start": "%s",
                 "person": {"fullName": "Άννα Νικολάου", "email": "anna@example.gr", "phone": "6912345678"},
                 "onBehalfOfOther": false, "declarationAccepted": true, "language": "el"}""";
        bookings.add(given().auth().oauth2(anna).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body.formatted(service, starts.get(0)))
                .post(GATEWAY + "/api/bookings").then().statusCode(201).extract().path("reference"));
        return r -> r.auth().oauth2(anna).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body.formatted(service, starts.get(starts.size() - 1)))
                .post(GATEWAY + "/api/bookings");
    }

    /**
     * A new citizen, so that no other test's limit is touched, goes over the per-person limit of booking requests
     * (10 in 10 minutes; refused ones count too).
     */
    private Response overTheLimit(RequestSpecification r) {
        if (keycloak == null) {
            keycloak = new KeycloakAdmin("citizens");
        }
        String user = keycloak.citizenWithoutTaxNumber();
        String token = Demo.token("citizens", user, "portal");
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post(GATEWAY + "/api/bookings");
        }
        return r.auth().oauth2(token).contentType(ContentType.JSON).body("{}").post(GATEWAY + "/api/bookings");
    }

    /** The id of Neapoli-Sykies' onboarding request awaiting a decision, submitted now unless one is open already. */
    private String openOnboardingRequest() {
        given().auth().oauth2(Demo.token("employees", "admin-neapoli-sykies", "backoffice")).contentType(ContentType.JSON)
                .body(DECLARATION).post(GATEWAY + "/api/registry/onboarding-requests");
        List<Map<String, Object>> requests = given().auth().oauth2(central).get(GATEWAY + "/api/registry/onboarding-requests")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return requests.stream().filter(q -> "neapoli-sykies".equals(q.get("municipality")) && "SUBMITTED".equals(q.get("status")))
                .map(q -> q.get("id").toString()).findFirst().orElseThrow();
    }

    private void cleanUp() {
        bookings.forEach(reference -> given().auth().oauth2(clerk).post(GATEWAY + "/api/bookings/" + reference + "/cancel"));
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static final String DECLARATION = """
            {"code": "neapoli-sykies", "nameEl": "Δήμος Νεάπολης-Συκεών", "nameEn": "Municipality of Neapoli-Sykies",
             "address": "Ελ. Βενιζέλου 2, 567 28 Νεάπολη", "phones": ["2313313500"], "email": "info@neapoli-sykies.gr",
             "modes": ["IN_PERSON"], "thirdPartyVideoAllowed": false,
             "units": [{"id": "neapoli-sykies-registry", "nameEl": "Τμήμα Δημοτολογίου", "nameEn": "Municipal Registry",
                        "hours": [{"day": 1, "opens": "08:00", "closes": "14:00"}]}],
             "services": [{"id": "neapoli-sykies-certificate", "unitId": "neapoli-sykies-registry",
                           "nameEl": "Πιστοποιητικό δημοτολογίου", "nameEn": "Registry certificate",
                           "modes": [{"mode": "IN_PERSON", "durationMinutes": 15}], "bufferMinutes": 5,
                           "documents": [{"nameEl": "Ταυτότητα", "nameEn": "Identity card", "exOfficio": false}]}]}""";
}
