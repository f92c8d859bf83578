package gr.mydimos.gateway.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;

import gr.mydimos.gateway.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing in while the identity provider cannot be reached: a problem that says to try again, not an error page. */
@QuarkusTest
@TestProfile(SignInWithoutKeycloakTest.KeycloakAway.class)
@QuarkusTestResource(UpstreamStub.class)
class SignInWithoutKeycloakTest {

    public static class KeycloakAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.citizens-web.auth-server-url", "http://127.0.0.1:9/realms/citizens",
                    "quarkus.oidc.citizens-web.connection-retry-count", "0");
        }
    }

    @Test
    void signingInIsA503ProblemWithRetryAfter() {
        given().redirects().follow(false).get("/auth/citizens/signin")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "30")
                .body("type", endsWith("/dependency-unavailable"))
                .body("detail", equalTo("Η σύνδεση δεν είναι δυνατή αυτή τη στιγμή· δοκιμάστε ξανά σε λίγο."));
    }
}
