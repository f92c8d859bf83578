package gr.mydimos.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Things a security test makes in the demo Keycloak through its admin API and removes afterwards: a client whose
 * tokens expire after one second, and a citizen whose sign-in carries no tax number.
 */
final class KeycloakAdmin implements AutoCloseable {

    private final String realm;
    private final String admin;
    private final List<String> made = new java.util.ArrayList<>();

    KeycloakAdmin(String realm) {
        this.realm = realm;
        this.admin = given().formParams("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", "admin")
                .post(Demo.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A token of the user, issued for the API like the portal's, that expires one second after it is issued. */
    String shortLivedToken(String user) {
        String clientId = "expiry-check-" + UUID.randomUUID();
        made.add(given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                        "clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false, "attributes", Map.of("access.token.lifespan", "1"),
                        "protocolMappers", List.of(Map.of("name", "api-audience", "protocol", "openid-connect",
                                "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                        "included.custom.audience", "mydimos-api", "access.token.claim", "true")))))
                .post(Demo.KEYCLOAK + "/admin/realms/" + realm + "/clients")
                .then().statusCode(201).extract().header("Location"));
        return Demo.token(realm, user, clientId);
    }

    /** A citizen (role citizen, password = user name) without the afm attribute; answers the user name. */
    String citizenWithoutTaxNumber() {
        String user = "no-afm-" + UUID.randomUUID().toString().substring(0, 8);
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                        "username", user, "enabled", true, "firstName", "Χωρίς", "lastName", "ΑΦΜ",
                        "email", user + "@example.gr", "emailVerified", true,
                        "credentials", List.of(Map.of("type", "password", "value", user, "temporary", false))))
                .post(Demo.KEYCLOAK + "/admin/realms/" + realm + "/users")
                .then().statusCode(201).extract().header("Location");
        made.add(location);
        Map<String, Object> role = given().auth().oauth2(admin).get(Demo.KEYCLOAK + "/admin/realms/" + realm + "/roles/citizen")
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role))
                .post(location + "/role-mappings/realm").then().statusCode(204);
        return user;
    }

    @Override
    public void close() {
        made.forEach(location -> given().auth().oauth2(admin).delete(location));
    }
}
