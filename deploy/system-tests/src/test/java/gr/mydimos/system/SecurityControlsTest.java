package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The controls of issue 17, each tried as an attacker would, through the gateway and directly at each service (as
 * from inside the cluster): refused tokens, the management endpoints, personal data in metrics, listening addresses,
 * the per-person limit and registry searches that find nothing.
 */
class SecurityControlsTest {

    /** Each service's port, and an endpoint there that needs a signed-in caller. */
    private static final Map<Integer, String> PROTECTED = new LinkedHashMap<>();

    static {
        PROTECTED.put(8080, "/api/bookings");
        PROTECTED.put(8081, "/api/bookings");
        PROTECTED.put(8082, "/api/availability/municipalities/thessaloniki/schedule");
        PROTECTED.put(8083, "/api/notifications?booking=ABCD2345");
        PROTECTED.put(8084, "/api/registry/me");
    }

    @Test
    void everyRefusedTokenIsA401ProblemWithAChallengeAtEveryService() {
        String maria = Demo.token("citizens", "citizen-maria", "portal");
        String[] parts = maria.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("094259216", "123456783");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        // admin-cli is a client of the same realm whose tokens are not issued for the API
        String otherAudience = given().formParams("grant_type", "password", "client_id", "admin-cli",
                        "username", "citizen-maria", "password", "citizen-maria")
                .post(Demo.KEYCLOAK + "/realms/citizens/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        try (KeycloakAdmin keycloak = new KeycloakAdmin("citizens")) {
            String expired = keycloak.shortLivedToken("citizen-maria");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .pollInterval(java.time.Duration.ofMillis(250)) // Keycloak's clock, not ours: the token lives a second
                    .until(() -> given().auth().oauth2(expired).get(Demo.GATEWAY + "/api/bookings").statusCode() == 401);
            Map<String, String> tokens = Map.of("tampered", tampered, "other audience", otherAudience, "expired", expired);
            PROTECTED.forEach((port, path) -> tokens.forEach((kind, token) -> refused(
                    given().auth().oauth2(token).get("http://127.0.0.1:" + port + path), kind + " at " + port, true)));
        }
        PROTECTED.forEach((port, path) -> refused(given().get("http://127.0.0.1:" + port + path), "none at " + port, false));
        // an anonymous call to staff data at the registry itself, not only through the gateway
        refused(given().get("http://127.0.0.1:8084/api/registry/municipalities/thessaloniki/employees"), "staff list", false);
    }

    @Test
    void healthMetricsAndOpenApiAreOnlyOnTheManagementPorts() {
        for (int port : PROTECTED.keySet()) {
            for (String path : new String[] {"/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui/"}) {
                given().get("http://127.0.0.1:" + port + path).then().statusCode(404);
            }
            given().get("http://127.0.0.1:" + (port + 1000) + "/q/health/ready").then().statusCode(200);
            given().get("http://127.0.0.1:" + (port + 1000) + "/q/metrics").then().statusCode(200);
            if (port != 8080) {
                given().get("http://127.0.0.1:" + (port + 1000) + "/q/openapi").then().statusCode(200);
            }
        }
    }

    @Test
    void metricsNameRoutesNotTaxNumbersOrReferences() {
        String reference = "ZQ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String maria = Demo.token("citizens", "citizen-maria", "portal");
        given().get(Demo.GATEWAY + "/api/registry/bodies/persons/094259216/civil-status").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("http://127.0.0.1:8084/api/registry/bodies/persons/094259216/civil-status")
                .then().statusCode(401);
        given().auth().oauth2(maria).get(Demo.GATEWAY + "/api/bookings/" + reference).then().statusCode(404);
        given().auth().oauth2(maria).get("http://127.0.0.1:8081/api/bookings/" + reference).then().statusCode(404);
        for (int port : PROTECTED.keySet()) {
            String metrics = given().get("http://127.0.0.1:" + (port + 1000) + "/q/metrics").then().statusCode(200)
                    .extract().asString();
            assertThat(metrics).as("metrics of " + port).doesNotContain("094259216").doesNotContain(reference);
        }
        assertThat(given().get("http://127.0.0.1:9080/q/metrics").asString())
                .contains("uri=\"/api/registry/{path}\"").contains("uri=\"/api/bookings/{path}\"");
        // nor do the logs name them: the gateway logs each request by its route template
        for (String log : new String[] {"identity-gateway.log", "identity-gateway.json.log", "municipality-registry.log",
                "municipality-registry.json.log"}) {
            assertThat(LOGS.resolve(log)).as(log).exists().content(java.nio.charset.StandardCharsets.UTF_8)
                    .doesNotContain("094259216").doesNotContain(reference);
        }
    }

    private static final java.nio.file.Path LOGS = java.nio.file.Path.of(System.getProperty("local.logs", "../local/.runtime/logs"));

    @Test
    void servicesListenOnTheLoopbackOnly() throws IOException {
        InetAddress outside = NetworkInterface.networkInterfaces().filter(this::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
        Assumptions.assumeTrue(outside != null, "this machine has no address but the loopback");
        for (int port : PROTECTED.keySet()) {
            for (int p : new int[] {port, port + 1000}) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(outside, p), 2000);
                    throw new AssertionError("port " + p + " answers on " + outside.getHostAddress());
                } catch (java.net.ConnectException expected) {
                    // refused: nothing listens there
                }
            }
        }
    }

    @Test
    void aCitizenWhoseSignInCarriesNoTaxNumberCannotBook() {
        try (KeycloakAdmin keycloak = new KeycloakAdmin("citizens")) {
            String user = keycloak.citizenWithoutTaxNumber();
            String token = Demo.token("citizens", user, "portal");
            String service = "thessaloniki-registry-certificate";
            String form = """
                    {"municipality": "thessaloniki", "service": "%s", "mode": "IN_PERSON", "start": "%s",
                     "person": {"fullName": "Χωρίς ΑΦΜ", "email": "%s@example.gr", "phone": "6912345678"},
                     "onBehalfOfOther": false, "declarationAccepted": true, "language": "el"}"""
                    .formatted(service, Demo.freeSlot(service, 5), user);
            for (String base : new String[] {Demo.GATEWAY, "http://127.0.0.1:8081"}) {
                given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(ContentType.JSON).body(form).post(base + "/api/bookings")
                        .then().statusCode(403).contentType("application/problem+json").body("field", equalTo("afm"));
            }
        }
    }

    @Test
    void registrySearchesThatFindNothingAnswerEmptyOrNotFound() {
        String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        String aade = given().formParams("grant_type", "client_credentials", "client_id", "aade-tax-registry",
                        "client_secret", "aade-tax-registry-secret")
                .post(Demo.KEYCLOAK + "/realms/employees/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String nobody = "000000012"; // a valid tax number no record names
        for (String base : new String[] {Demo.GATEWAY, "http://127.0.0.1:8084"}) {
            given().auth().oauth2(clerk).get(base + "/api/registry/civil-acts?taxId=" + nobody)
                    .then().statusCode(200).body("size()", equalTo(0));
            given().auth().oauth2(clerk).get(base + "/api/registry/family-shares?municipality=thessaloniki&shareNumber=999999")
                    .then().statusCode(200).body("size()", equalTo(0));
            given().auth().oauth2(aade).get(base + "/api/registry/bodies/persons/" + nobody + "/civil-status")
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void noOtherOriginsPageMayCallTheApiAndEachAnswerHasOneRequestId() {
        // the front ends are pages of the gateway's own origin: no cross-origin calls are allowed, from anywhere
        Response answer = given().header("Origin", "http://localhost:5173").header("X-Request-Id", "mine-1")
                .get(Demo.GATEWAY + "/api/registry/municipalities/thessaloniki");
        answer.then().statusCode(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.headers().getList("X-Request-Id")).hasSize(1);
        Response preflight = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options(Demo.GATEWAY + "/api/bookings");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void linksNameThePublicAddressNotTheHostACallerSent() {
        String maria = Demo.token("citizens", "citizen-maria", "portal");
        String location = given().auth().oauth2(maria).header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example").contentType(ContentType.JSON)
                .body("{\"type\": \"FAMILY_STATUS\"}").post(Demo.GATEWAY + "/api/registry/certificates")
                .then().statusCode(201).extract().header("Location");
        assertThat(location).startsWith(Demo.GATEWAY + "/api/registry/certificates/").doesNotContain("evil");
    }

    @Test
    void aServiceRefusesALargeBodyItselfStreamedOrAnnounced() throws Exception {
        String maria = Demo.token("citizens", "citizen-maria", "portal");
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        // 5 MB of a JSON string, so that it reads as JSON to the end
        byte[] large = ("{\"note\": \"" + "a".repeat(5 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int port : new int[] {8081, 8084}) {
            for (boolean streamed : new boolean[] {true, false}) {
                java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                                + port + (port == 8081 ? "/api/bookings" : "/api/registry/certificates")))
                        .header("Authorization", "Bearer " + maria).header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(streamed // no length announced: the body comes in chunks
                                ? java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large))
                                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(large))
                        .build();
                // the service answers at once and reads the rest before it closes, so the client reads the answer
                java.net.http.HttpResponse<String> refused = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                String which = "port " + port + (streamed ? ", streamed" : ", with its length");
                assertThat(refused.statusCode()).as(which).isEqualTo(413);
                assertThat(refused.headers().firstValue("Content-Type")).as(which).contains("application/problem+json");
                assertThat(refused.body()).as(which).contains("body-too-large").contains("Το σώμα του αιτήματος");
            }
        }
    }

    @Test
    void aServiceTellsACallerToSendItsBodyAndRefusesOneThatStalls() throws Exception {
        String maria = Demo.token("citizens", "citizen-maria", "portal");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", 8081)) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            out.write(("POST /api/bookings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + maria
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            // a chunked body within the limit may come: the service says so rather than leave the caller waiting
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(in.readLine()).isEmpty();
            out.write("2\r\n{\"\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // then nothing more
            out.flush();
            long sent = System.nanoTime();
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - sent)).isBetween(
                    java.time.Duration.ofSeconds(8), java.time.Duration.ofSeconds(15));
            List<String> headers = new java.util.ArrayList<>();
            for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                headers.add(line.toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(headers).contains("content-type: application/problem+json", "connection: close");
            char[] body = new char[200];
            assertThat(new String(body, 0, in.read(body))).contains("body-too-slow");
        }
    }

    @Test
    void problemsAreWrittenForPeopleWithoutInternalsAtEveryService() {
        String maria = Demo.token("citizens", "citizen-maria", "portal");
        String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        List<Response> answers = new java.util.ArrayList<>();
        for (String base : new String[] {Demo.GATEWAY, "http://127.0.0.1:8081"}) {
            answers.add(given().auth().oauth2(maria).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(ContentType.JSON).body("{\"mode\": \"XYZ\", \"start\": \"2026-13-45T10:00\"}")
                    .post(base + "/api/bookings"));
            answers.add(given().auth().oauth2(maria).contentType(ContentType.JSON).body("{\"start\": [1, 2]}")
                    .post(base + "/api/bookings/ABCD2345/reschedule"));
            answers.add(given().auth().oauth2(maria).contentType("text/plain").body("x").post(base + "/api/bookings"));
            answers.add(given().auth().oauth2(maria).put(base + "/api/bookings"));
            answers.add(given().auth().oauth2(clerk).get(base + "/api/bookings/agenda?date=2026-02-30"));
        }
        for (int port : PROTECTED.keySet()) {
            answers.add(given().auth().oauth2(clerk).get("http://127.0.0.1:" + port + "/api/no-such-thing"));
        }
        answers.add(given().auth().oauth2(clerk).get("http://127.0.0.1:8084/api/registry/civil-acts?year=abc&office=x"));
        answers.add(given().auth().oauth2(clerk).get("http://127.0.0.1:8082/api/availability/slots?municipality=thessaloniki"
                + "&service=thessaloniki-registry-certificate&mode=\u0001&from=x&to=y"));
        for (Response answer : answers) {
            String body = answer.then().contentType("application/problem+json").extract().asString();
            assertThat(answer.statusCode()).as(body).isBetween(400, 499);
            assertThat(body).doesNotContain("gr.mydimos").doesNotContain("Exception").doesNotContain("java.")
                    .doesNotContain("jakarta.").doesNotContain("com.fasterxml").doesNotContain("\tat ");
        }
    }

    @Test
    void registryFactsForAnAppointmentOnlyToTheDutyOrForABookingOfTheirs() {
        String admin = Demo.token("employees", "admin-thessaloniki", "backoffice"); // no registry duty
        String documents = "/api/registry/ex-officio-documents";
        for (String base : new String[] {Demo.GATEWAY, "http://127.0.0.1:8084"}) {
            given().auth().oauth2(admin).get(base + documents + "?service=thessaloniki-civil-marriage-licence&taxId=094259216")
                    .then().statusCode(403).contentType("application/problem+json").body("field", equalTo("booking"));
            // booking-service, asked with the admin's own token, knows no such booking
            given().auth().oauth2(admin).get(base + documents + "?booking=ZZZZ-9999").then().statusCode(404);
        }
        String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        given().auth().oauth2(clerk)
                .get(Demo.GATEWAY + documents + "?service=thessaloniki-civil-marriage-licence&taxId=094259216")
                .then().statusCode(200).body("[0].record.kind", equalTo("FAMILY_SHARE"));
        // a booking of the admin's municipality, made by a clerk for Maria on the phone: readiness, and no record id
        String service = "thessaloniki-civil-marriage-licence";
        String reference = given().auth().oauth2(clerk).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "%s", "mode": "IN_PERSON", "start": "%s",
                         "person": {"fullName": "Μαρία Παπαδοπούλου", "email": "maria@example.gr", "phone": "6912345678",
                                    "taxId": "094259216"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el", "channel": "PHONE",
                         "limitOverrideReason": "Έλεγχος αυτεπάγγελτων εγγράφων"}""".formatted(service, Demo.freeSlot(service, 7)))
                .post(Demo.GATEWAY + "/api/bookings").then().statusCode(201).extract().path("reference");
        try {
            given().auth().oauth2(admin).get(Demo.GATEWAY + documents + "?booking=" + reference).then().statusCode(200)
                    .body("[0].certificate", equalTo("FAMILY_STATUS")).body("[0].ready", equalTo(true))
                    .body("[0].record", org.hamcrest.Matchers.nullValue());
            // another municipality's admin learns nothing of it
            given().auth().oauth2(Demo.token("employees", "admin-neapoli-sykies", "backoffice"))
                    .get(Demo.GATEWAY + documents + "?booking=" + reference).then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        } finally {
            given().auth().oauth2(clerk).post(Demo.GATEWAY + "/api/bookings/" + reference + "/cancel").then().statusCode(200);
        }
    }

    @Test
    void onlyBookingServiceReservesAndReleasesAnEmployeesTime() {
        String service = "thessaloniki-registry-certificate";
        String reservation = """
                {"bookingReference": "PHANTOM-01", "municipality": "thessaloniki", "service": "%s", "mode": "IN_PERSON",
                 "start": "%s"}""".formatted(service, Demo.freeSlot(service, 6));
        String citizen = Demo.token("citizens", "citizen-maria", "portal");
        String efka = given().formParams("grant_type", "client_credentials", "client_id", "efka-benefits",
                        "client_secret", "efka-benefits-secret")
                .post(Demo.KEYCLOAK + "/realms/employees/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        for (String token : new String[] {citizen, efka, Demo.token("employees", "central-admin", "backoffice")}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(reservation)
                    .post("http://127.0.0.1:8082/api/availability/reservations").then().statusCode(403);
            given().auth().oauth2(token).queryParam("booking", "PHANTOM-01")
                    .delete("http://127.0.0.1:8082/api/availability/reservations/" + UUID.randomUUID()).then().statusCode(403);
            // and from outside the reservations do not exist at all
            given().auth().oauth2(token).contentType(ContentType.JSON).body(reservation)
                    .post(Demo.GATEWAY + "/api/availability/reservations").then().statusCode(404);
            // nor may anyone but booking-service put a closure in force that strands bookings
            String closure = """
                    {"closure": {"kind": "CLOSURE", "start": "2030-01-07T08:00:00+02:00", "end": "2030-01-07T09:00:00+02:00",
                     "reason": "x"}, "handledBookings": []}""";
            given().auth().oauth2(token).contentType(ContentType.JSON).body(closure)
                    .post("http://127.0.0.1:8082/api/availability/internal/municipalities/thessaloniki/closures").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(closure)
                    .post(Demo.GATEWAY + "/api/availability/internal/municipalities/thessaloniki/closures").then().statusCode(404);
        }
    }

    /** A 401 problem with the Bearer challenge, small and free of internals. */
    private static void refused(Response response, String what, boolean invalidToken) {
        String body = response.then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("WWW-Authenticate", invalidToken ? containsString("invalid_token") : startsWith("Bearer"))
                .body("type", equalTo("https://mydimos.gov.gr/problems/unauthenticated"))
                .body("status", equalTo(401))
                .extract().asString();
        assertThat(body).as(what).hasSizeLessThan(1000).doesNotContain("Exception").doesNotContain("gr.mydimos");
    }

    private boolean up(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (IOException e) {
            return false;
        }
    }
}
