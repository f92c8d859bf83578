package gr.mydimos.availability;

import io.quarkus.test.keycloak.client.KeycloakTestClient;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real tokens of the demo users from the local Keycloak (password = user name). */
public final class Tokens {

    private Tokens() {
    }

    public static String citizen(String user) {
        return client("citizens").getAccessToken(user, user, "portal");
    }

    public static String employee(String user) {
        return client("employees").getAccessToken(user, user, "backoffice");
    }

    /** booking-service's own identity (client credentials): the only caller that may reserve and release. */
    public static String bookingService() {
        return io.restassured.RestAssured.given().formParams("grant_type", "client_credentials",
                        "client_id", "booking-service", "client_secret", "booking-service-secret")
                .post(ConfigProvider.getConfig().getValue("keycloak.url", String.class)
                        + "/realms/employees/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static KeycloakTestClient client(String realm) {
        return new KeycloakTestClient(ConfigProvider.getConfig().getValue("keycloak.url", String.class) + "/realms/" + realm);
    }
}
