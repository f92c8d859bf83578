package gr.mydimos.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The gateway against the real Keycloak; the services behind it are one stub. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class GatewayRoutingTest {

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void theCatalogueAndSlotSearchArePublic() {
        given().get("/api/registry/municipalities?q=thes").then().statusCode(200).body("upstream", equalTo(true))
                .header("X-Request-Id", notNullValue()).header("X-Content-Type-Options", "nosniff");
        given().get("/api/availability/slots?municipality=thessaloniki").then().statusCode(200);
    }

    @Test
    void bookingsNeedAValidTokenFromEitherRealm() {
        given().get("/api/bookings").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/bookings").then().statusCode(401);
        given().auth().oauth2(token("citizens", "citizen-maria", "portal")).get("/api/bookings").then().statusCode(200);
        given().auth().oauth2(token("employees", "clerk-thessaloniki", "backoffice")).get("/api/bookings/agenda")
                .then().statusCode(200);
    }

    @Test
    void theBodyTokenAndCorrelationIdReachTheService() {
        String token = token("citizens", "citizen-maria", "portal");
        // the platform names each request itself; the id the caller chose travels beside it
        String issued = given().auth().oauth2(token).header("X-Request-Id", "trace-me-42").contentType(ContentType.JSON)
                .body("{\"municipality\": \"thessaloniki\", \"person\": {\"fullName\": \"Μαρία\"}}")
                .post("/api/bookings")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(issued).matches("[0-9a-f-]{36}");

        UpstreamStub.server.verify(postRequestedFor(urlEqualTo("/api/bookings"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + token))
                .withHeader("X-Request-Id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(issued))
                .withHeader("X-Client-Request-Id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("trace-me-42"))
                .withRequestBody(equalToJson("{\"municipality\": \"thessaloniki\", \"person\": {\"fullName\": \"Μαρία\"}}")));
    }

    @Test
    void aCorrelationIdThatIsNotAPlainTokenIsReplacedNotPassedOn() {
        String issued = given().header("X-Request-Id", "two words").get("/api/registry/municipalities?q=kat")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(issued).matches("[0-9a-f-]{36}");
        UpstreamStub.server.verify(getRequestedFor(urlEqualTo("/api/registry/municipalities?q=kat"))
                .withHeader("X-Request-Id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(issued)));
        // refused requests carry one too, so the audit entry and the caller's report can be matched
        given().get("/api/bookings").then().statusCode(401).header("X-Request-Id", notNullValue());
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedBeforeItReachesTheService() {
        given().auth().oauth2(token("citizens", "citizen-maria", "portal")).contentType(ContentType.JSON)
                .body("{\"note\": \"" + "α".repeat(40_000) + "\"}")
                .post("/api/bookings")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://mydimos.gov.gr/problems/body-too-large"));
    }

    @Test
    void anOversizedFormIsReadToItsEndAndRefusedWithoutDroppingTheConnection() throws Exception {
        // answered and closed with the form still arriving, the connection would be reset and the client (on a busy
        // machine, now and then) never read why; read to its end, the 413 arrives and the connection serves on
        String token = token("citizens", "citizen-maria", "portal");
        byte[] form = ("{\"note\": \"" + "α".repeat(75_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            out.write(("POST /api/bookings/K7QX-M4PA/reschedule HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + form.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(form);
            out.flush();
            List<String> head = head(in);
            assertThat(head.get(0)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            assertThat(head).doesNotContain("connection: close");
            in.readNBytes(head.stream().filter(h -> h.startsWith("content-length: ")).map(h -> Integer.parseInt(h.substring(16)))
                    .findFirst().orElseThrow());
            out.write(("GET /api/registry/municipalities HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            assertThat(head(in).get(0)).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    /** The status line and the headers (lower case) of the next response on a connection. */
    private static List<String> head(java.io.DataInputStream in) throws java.io.IOException {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                String text = line.toString().strip();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(lines.isEmpty() ? text : text.toLowerCase(java.util.Locale.ROOT));
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        throw new java.io.EOFException("the connection closed after " + lines);
    }

    @Test
    void aPathSpelledAnyOtherWayThanTheCanonicalOneIsRefusedBeforeAnyRule() throws Exception {
        String token = token("citizens", "citizen-maria", "portal");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        UpstreamStub.server.resetRequests();
        for (String path : new String[] {"/api/bookings/", "/api/bookings;x=1", "/api/availability/x/../slots",
                "/api/registry/certificates/", "/api//bookings", "/api/./bookings", "/api/bookings/%2e%2e/agenda",
                "/api/bookings%2Fagenda", "/api/bookings/.", "/api/bookings\\agenda",
                // percent-encoded letters: the router would read /api/availability/slots, a rule the raw spelling
                "/api/availability/slot%73", "/api/booking%73", "/api/registr%79/municipalities"}) {
            for (String method : new String[] {"GET", "POST"}) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(gateway.resolve(path.replace("\\", "%5C")))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(400);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(answer.body()).contains("https://mydimos.gov.gr/problems/non-canonical-path");
            }
        }
        assertThat(UpstreamStub.server.getAllServeEvents()).as("none reached a service").isEmpty();
    }

    @Test
    void aStreamedBodyIsCountedAndRefusedPastTheLimitAnonymousOrNot() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = token("citizens", "citizen-maria", "portal");
        UpstreamStub.server.resetRequests();
        for (String method : new String[] {"POST", "GET"}) {
            for (String authorization : new String[] {"Bearer " + token, null}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve("/api/registry/municipalities"))
                        .header("Content-Type", "application/json")
                        // no length announced: sent in chunks, 5 MB of them
                        .method(method, HttpRequest.BodyPublishers.ofInputStream(() ->
                                new java.io.ByteArrayInputStream(new byte[5 * 1024 * 1024])));
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                String what = method + (authorization == null ? " anonymous" : " signed in");
                int expected = method.equals("GET") ? 400 : authorization == null ? 401 : 413;
                try {
                    HttpResponse<String> answer = client.send(request.build(), BodyHandlers.ofString());
                    assertThat(answer.statusCode()).as(what).isEqualTo(expected);
                    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                } catch (java.io.IOException closed) {
                    // refused and the connection closed while the rest of the body was still being sent
                    assertThat(expected).as(what + ": " + closed).isNotEqualTo(401);
                }
            }
        }
        assertThat(UpstreamStub.server.getAllServeEvents()).as("none reached a service").isEmpty();
        // a small form sent in chunks is passed on whole
        HttpResponse<String> small = client.send(HttpRequest.newBuilder(gateway.resolve("/api/bookings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        "{\"chunked\": true}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build(), BodyHandlers.ofString());
        assertThat(small.statusCode()).isEqualTo(200);
        UpstreamStub.server.verify(postRequestedFor(urlEqualTo("/api/bookings")).withRequestBody(equalToJson("{\"chunked\": true}")));
    }

    @Test
    void aStreamedBodyThatDoesNotArriveInTimeIsRefused() throws Exception {
        UpstreamStub.server.resetRequests();
        // a caller that sends the start of a form in a chunk and then nothing, for longer than the gateway waits (1 s)
        try (java.net.Socket socket = new java.net.Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/bookings HTTP/1.1\r\nHost: " + gateway.getAuthority()
                    + "\r\nAuthorization: Bearer " + token("citizens", "citizen-maria", "portal")
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "a\r\n{\"note\": \"\r\n") // one chunk of ten bytes, and no last chunk
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("https://mydimos.gov.gr/problems/body-too-slow");
        }
        assertThat(UpstreamStub.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void writesUnderPublicPathsNeedATokenAndThenReachTheService() {
        given().delete("/api/registry/municipalities/thessaloniki/employees/e1").then().statusCode(401);
        given().auth().oauth2(token("employees", "admin-thessaloniki", "backoffice"))
                .delete("/api/registry/municipalities/thessaloniki/employees/e1").then().statusCode(200);
    }

    @Test
    void aServiceThatIsDownIsABadGateway() {
        given().auth().oauth2(token("citizens", "citizen-maria", "portal")).get("/api/notifications?booking=X")
                .then().statusCode(502).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", org.hamcrest.Matchers.equalTo("https://mydimos.gov.gr/problems/upstream-unavailable"))
                .body("status", org.hamcrest.Matchers.equalTo(502));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAGatewayTimeout() {
        given().auth().oauth2(token("citizens", "citizen-maria", "portal")).get("/api/bookings/SLOW-SLOW")
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://mydimos.gov.gr/problems/upstream-timeout"));
    }

    @Test
    void requestsBeyondWhatAServiceMayHaveAndQueueAreShedWithoutReachingIt() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/registry/municipalities/busy")).build();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (var answer : IntStream.range(0, 10).mapToObj(i -> client.sendAsync(request, BodyHandlers.ofString())).toList()) {
            answers.add(answer.get(10, TimeUnit.SECONDS));
        }

        List<HttpResponse<String>> shed = answers.stream().filter(a -> a.statusCode() == 503).toList();
        long served = answers.stream().filter(a -> a.statusCode() == 200).count();
        assertThat(served + shed.size()).as("every request served or shed").isEqualTo(10);
        assertThat(served).as("at most four at a time and two waiting are served").isBetween(1L, 6L);
        assertThat(shed).as("the rest are shed").isNotEmpty().allSatisfy(a -> {
            assertThat(a.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(a.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(a.body()).contains("https://mydimos.gov.gr/problems/service-busy");
        });
        assertThat(UpstreamStub.server.findAll(getRequestedFor(urlEqualTo("/api/registry/municipalities/busy"))))
                .as("shed requests never reach the service").hasSize((int) served);
    }

    @Test
    void aPublicAnswerItsServiceLetsBeKeptKeepsItsOwnCachingAndNoOtherDoes() {
        io.restassured.response.Response answer = given().get("/api/availability/slots?municipality=thessaloniki");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().getValues("Cache-Control")).containsExactly("no-cache");
        assertThat(answer.header("ETag")).as("its validator passed on").startsWith("\"abc-1"); // the stub's server marks gzip
        assertThat(given().get("/api/registry/municipalities").headers().getValues("Cache-Control"))
                .as("an answer that says nothing is not to be stored").containsExactly("no-store");
        assertThat(given().auth().oauth2(token("citizens", "citizen-maria", "portal")).get("/api/bookings/KEPT-KEPT")
                .headers().getValues("Cache-Control"))
                .as("only the listed public APIs may be kept, whatever another service says").containsExactly("no-store");
    }

    @Test
    void unknownPathsAreNotFound() {
        given().auth().oauth2(token("citizens", "citizen-maria", "portal")).get("/api/unknown").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    private String token(String realm, String user, String client) {
        return new KeycloakTestClient(keycloakUrl + "/realms/" + realm).getAccessToken(user, user, client);
    }
}
