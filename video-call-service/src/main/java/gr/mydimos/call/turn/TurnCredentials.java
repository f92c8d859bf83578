package gr.mydimos.call.turn;

import gr.mydimos.call.CallConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived TURN credentials for one participant, in the form coturn checks with {@code use-auth-secret} (the
 * "TURN REST API" draft): the user name is the expiry time and the participant, the password an HMAC-SHA1 of it under
 * the secret the TURN server shares. Nothing is stored; the credentials stop working by themselves.
 */
@ApplicationScoped
public class TurnCredentials {

    @Inject
    CallConfig config;
    @Inject
    Clock clock;

    /**
     * The ICE servers for RTCPeerConnection, as the browser takes them, with credentials that end when the room closes
     * (or sooner); empty without a TURN server.
     */
    public JsonArray iceServersFor(String participant, Instant roomClosesAt) {
        List<String> urls = config.turn().urls().orElse(List.of());
        if (urls.isEmpty() || config.turn().secret().isEmpty()) {
            return new JsonArray();
        }
        Instant latest = clock.instant().plus(config.turn().credentialsValidFor());
        long expires = (roomClosesAt.isBefore(latest) ? roomClosesAt : latest).getEpochSecond();
        String username = expires + ":" + participant;
        return new JsonArray().add(new JsonObject().put("urls", new JsonArray(urls)).put("username", username)
                .put("credential", password(username, config.turn().secret().get())));
    }

    static String password(String username, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
