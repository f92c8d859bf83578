package gr.mydimos.registry;

import io.quarkus.test.keycloak.client.KeycloakTestClient;
import org.eclipse.microprofile.config.ConfigProvider;

/** Access tokens of the demo users from the real Keycloak (password = user name). */
public final class Tokens {

    private Tokens() {
    }

    /** A citizen of realm citizens, signed in through the portal client. */
    public static String citizen(String user) {
        return token("citizens", "portal", user);
    }

    /** An employee of realm employees, signed in through the back-office client. */
    public static String employee(String user) {
        return token("employees", "backoffice", user);
    }

    private static String token(String realm, String client, String user) {
        String keycloak = ConfigProvider.getConfig().getValue("keycloak.url", String.class);
        return new KeycloakTestClient(keycloak + "/realms/" + realm).getAccessToken(user, user, client);
    }
}
