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

    private static KeycloakTestClient client(String realm) {
        return new KeycloakTestClient(ConfigProvider.getConfig().getValue("keycloak.url", String.class) + "/realms/" + realm);
    }
}
