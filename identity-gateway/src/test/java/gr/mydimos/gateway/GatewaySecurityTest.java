package gr.mydimos.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Who gets past the gateway (ID-1, ID-4), against the real Keycloak: only tokens of the two sign-ins, unexpired,
 * untampered and meant for the API; no page of another origin; internal APIs not at all.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class GatewaySecurityTest {

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;

    @Test
    void withoutATokenTheAnswerIsA401Problem() {
        unauthenticated(given().get("/api/bookings"));
        unauthenticated(given().contentType(ContentType.JSON).body("{}").post("/api/bookings"));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = token("citizens", "citizen-maria", "portal");
        String[] parts = token.split("\\.");
        // Maria's token with another tax number in it: the signature no longer matches.
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("094259216", "123456789");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        unauthenticated(given().auth().oauth2(forged).get("/api/bookings"));
        given().auth().oauth2(token).get("/api/bookings").then().statusCode(200);
    }

    @Test
    void aTokenMeantForAnotherAudienceIsRefused() {
        // admin-cli is a client of the same realm whose tokens are not issued for the API (no "mydimos-api" audience)
        String foreign = new KeycloakTestClient(keycloakUrl + "/realms/citizens")
                .getAccessToken("citizen-maria", "citizen-maria", "admin-cli");
        unauthenticated(given().auth().oauth2(foreign).get("/api/bookings"));
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        try (ShortLivedClient client = new ShortLivedClient(keycloakUrl, "citizens")) {
            String token = client.token("citizen-maria");
            given().auth().oauth2(token).get("/api/bookings").then().statusCode(200);
            Thread.sleep(4_500); // Keycloak's clock, not ours: the token lives three seconds (one was too short on a busy machine)
            unauthenticated(given().auth().oauth2(token).get("/api/bookings"));
        }
    }

    @Test
    void browsersSignInOnlyThroughTheGatewayWithTheCodeFlowAndPkce() {
        for (String realm : new String[] {"citizens", "employees"}) {
            String authorize = keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/auth";
            Map<String, String> request = Map.of("client_id", "mydimos-gateway", "response_type", "code", "scope", "openid",
                    "redirect_uri", "http://127.0.0.1:8080/auth/" + realm + "/callback");
            // without a code challenge Keycloak sends the browser back with an error instead of a sign-in page
            given().redirects().follow(false).queryParams(request).get(authorize)
                    .then().statusCode(302)
                    .header("Location", org.hamcrest.Matchers.containsString("error=invalid_request"));
            given().redirects().follow(false).queryParams(request)
                    .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                    .queryParam("code_challenge_method", "S256")
                    .get(authorize).then().statusCode(200);
            // nor may a sign-in send the code anywhere but the gateway
            given().redirects().follow(false).queryParams(Map.of("client_id", "mydimos-gateway", "response_type", "code",
                            "scope", "openid", "redirect_uri", "https://evil.example/callback",
                            "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                            "code_challenge_method", "S256"))
                    .get(authorize).then().statusCode(400);
        }
        // the public clients that scripts and tests use cannot start a browser's sign-in at all
        for (String[] client : new String[][] {{"citizens", "portal"}, {"employees", "backoffice"}}) {
            given().redirects().follow(false).queryParams(Map.of("client_id", client[1], "response_type", "code",
                            "scope", "openid", "redirect_uri", "http://localhost:5173/callback",
                            "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256"))
                    .get(keycloakUrl + "/realms/" + client[0] + "/protocol/openid-connect/auth")
                    .then().statusCode(400);
        }
    }

    @Test
    void internalApisAreNotReachableFromOutside() {
        String token = token("citizens", "citizen-maria", "portal");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/availability/reservations")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).delete("/api/availability/reservations/1").then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .post("/api/availability/slots/../reservations").then().statusCode(400); // not even routed: not canonical
        UpstreamStub.server.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/availability/.*reservations.*")));
    }

    @Test
    void noOtherSitesPageMayCallTheApi() {
        // the front ends are served from the gateway's own origin: no origin at all is allowed cross-origin calls
        for (String origin : new String[] {"https://evil.example", "http://localhost:5173"}) {
            given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type,idempotency-key")
                    .options("/api/bookings")
                    .then().header("Access-Control-Allow-Origin", nullValue());
            given().header("Origin", origin).get("/api/registry/municipalities")
                    .then().header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (ValidatableResponse response : new ValidatableResponse[] {
                given().get("/api/registry/municipalities").then().statusCode(200),
                given().get("/api/bookings").then().statusCode(401)}) {
            response.header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                    .header("Strict-Transport-Security", startsWith("max-age="))
                    .header("Cache-Control", "no-store");
        }
    }

    private static void unauthenticated(io.restassured.response.Response response) {
        response.then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://mydimos.gov.gr/problems/unauthenticated"))
                .body("status", equalTo(401));
    }

    private String token(String realm, String user, String client) {
        return new KeycloakTestClient(keycloakUrl + "/realms/" + realm).getAccessToken(user, user, client);
    }

    /**
     * A client made for one test through Keycloak's admin API, like the portal (API audience) but whose tokens live
     * one second; removed afterwards.
     */
    static final class ShortLivedClient implements AutoCloseable {
        private final String keycloak;
        private final String realm;
        private final String clientId = "expiry-check-" + java.util.UUID.randomUUID();
        private final String admin;
        private final String location;

        ShortLivedClient(String keycloak, String realm) {
            this.keycloak = keycloak;
            this.realm = realm;
            this.admin = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", "admin", "password", "admin"))
                    .post(keycloak + "/realms/master/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token");
            this.location = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                            "clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                            "standardFlowEnabled", false, "attributes", Map.of("access.token.lifespan", "3"),
                            "protocolMappers", java.util.List.of(Map.of("name", "api-audience",
                                    "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                                    "config", Map.of("included.custom.audience", "mydimos-api",
                                            "access.token.claim", "true")))))
                    .post(keycloak + "/admin/realms/" + realm + "/clients")
                    .then().statusCode(201).extract().header("Location");
        }

        String token(String user) {
            return new KeycloakTestClient(keycloak + "/realms/" + realm).getAccessToken(user, user, clientId);
        }

        @Override
        public void close() {
            given().auth().oauth2(admin).delete(location);
        }
    }
}
