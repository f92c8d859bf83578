package gr.mydimos.gateway.signin;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import gr.mydimos.gateway.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The front ends' sign-in through the gateway (backend-for-frontend), against the real Keycloak and its login page:
 * the code flow with PKCE, a session the browser holds only as an encrypted HttpOnly cookie, the access token relayed
 * to the services, writes only from the site's own pages, and signing out that ends the Keycloak session.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class SignInTest {

    @TestHTTPResource("/")
    URL url;
    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;

    private URI gateway;
    private Browser browser;

    @BeforeEach
    void browser() {
        // 127.0.0.1 rather than localhost: the address the local realm lets the sign-in return to on any port
        gateway = URI.create("http://127.0.0.1:" + url.getPort() + "/");
        browser = new Browser();
        UpstreamStub.server.resetRequests();
    }

    @Test
    void signingInRunsTheCodeFlowWithPkceAndLeavesTheBrowserNoToken() throws Exception {
        HttpResponse<String> start = browser.get(gateway.resolve("/auth/citizens/signin?return=%2Fbookings%2Fmine"));
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(keycloakUrl + "/realms/citizens/protocol/openid-connect/auth")
                .contains("client_id=mydimos-gateway", "code_challenge=", "code_challenge_method=S256",
                        "redirect_uri=" + java.net.URLEncoder.encode(gateway.resolve("/auth/citizens/callback").toString(),
                                StandardCharsets.UTF_8));

        HttpResponse<String> loginPage = browser.follow(start);
        assertThat(loginPage.uri().getPort()).as("Keycloak's own login page").isEqualTo(URI.create(keycloakUrl).getPort());
        HttpResponse<String> landed = browser.signInOn(loginPage, "citizen-maria", "citizen-maria");

        assertThat(landed.uri().getPath()).as("back on the page the person was on").isEqualTo("/bookings/mine");
        assertThat(browser.visited).anyMatch(visit -> visit.getPath().equals("/auth/citizens/callback"));
        List<String> sessionCookies = browser.setCookies.stream().filter(c -> c.startsWith("q_session_citizens-web")).toList();
        assertThat(sessionCookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie.toLowerCase())
                .contains("httponly", "secure", "samesite=lax", "path=/"));
        // encrypted (JWE: five parts, the header naming the encryption), nothing in it readable
        String sealed = browser.cookiesOf(gateway).entrySet().stream().filter(c -> c.getKey().startsWith("q_session"))
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).reduce("", String::concat);
        assertThat(sealed.split("\\.")).hasSize(5);
        assertThat(new JsonObject(new String(Base64.getUrlDecoder().decode(sealed.split("\\.")[0]), StandardCharsets.UTF_8))
                .getString("enc")).startsWith("A256");
        for (String part : sealed.split("\\.")) {
            assertThat(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1))
                    .doesNotContain("094259216", "citizen-maria", "eyJ");
        }

        JsonObject session = new JsonObject(fetch("GET", "/auth/citizens/session", null).body());
        assertThat(session.getBoolean("signedIn")).isTrue();
        assertThat(session.getString("name")).isEqualTo("Μαρία Παπαδοπούλου");
        assertThat(session.getJsonArray("roles").getList()).contains("citizen");
        assertThat(session.encode()).doesNotContain("eyJ");
        // the other realm knows nothing of it
        assertThat(new JsonObject(fetch("GET", "/auth/employees/session", null).body()).getBoolean("signedIn")).isFalse();
    }

    @Test
    void theServicesGetTheSessionsAccessTokenAndNeverTheCookie() throws Exception {
        signIn("citizen-maria");
        HttpResponse<String> bookings = fetch("GET", "/api/bookings", null);
        assertThat(bookings.statusCode()).isEqualTo(200);

        LoggedRequest forwarded = UpstreamStub.server.findAll(getRequestedFor(urlPathEqualTo("/api/bookings"))).get(0);
        String token = forwarded.getHeader("Authorization").substring("Bearer ".length());
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.getString("afm")).isEqualTo("094259216");
        assertThat(claims.getValue("aud").toString()).contains("mydimos-api");
        assertThat(forwarded.containsHeader("Cookie")).isFalse();
    }

    @Test
    void aWriteThatDidNotComeFromTheSitesOwnPagesIsRefused() throws Exception {
        signIn("citizen-maria");
        String body = "{\"municipality\": \"thessaloniki\"}";
        for (Map<String, String> foreign : List.of(Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Sec-Fetch-Site", "same-site"),
                Map.of("Origin", "https://evil.example"), Map.<String, String>of())) {
            HttpResponse<String> refused = send("POST", "/api/bookings", body, foreign);
            assertThat(refused.statusCode()).as(foreign.toString()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(new JsonObject(refused.body()).getString("detail")).contains("σελίδες της πλατφόρμας");
        }
        // nor may another site's page read what the API holds about the person
        assertThat(send("GET", "/api/bookings", null, Map.of("Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
        UpstreamStub.server.verify(0, postRequestedFor(urlPathEqualTo("/api/bookings")));

        // the site's own pages may; an older browser that only sends Origin too
        assertThat(fetch("POST", "/api/bookings", body).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/bookings", body, Map.of("Origin", gateway.toString().replaceAll("/$", ""))).statusCode())
                .isEqualTo(200);
        UpstreamStub.server.verify(2, postRequestedFor(urlPathEqualTo("/api/bookings")));
    }

    @Test
    void signingOutIsAPostOfThisSiteOnly() throws Exception {
        signIn("citizen-maria");
        // a link or an image on another site's page, or a form posted from there, does not sign the person out
        assertThat(send("GET", "/auth/citizens/signout", null, Map.of("Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/auth/citizens/signout", null, Map.of("Sec-Fetch-Site", "same-origin")).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/auth/citizens/signout", "", Map.of("Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
        assertThat(new JsonObject(fetch("GET", "/auth/citizens/session", null).body()).getBoolean("signedIn")).isTrue();
    }

    @Test
    void aForgedCallIsRefusedWhateverElseItCarries() throws Exception {
        signIn("citizen-maria");
        // an Authorization header no sign-in takes must not turn the check off for a call the cookie would sign in
        for (String authorization : new String[] {"Basic eDp5", "Bearer not-a-token"}) {
            HttpResponse<String> refused = send("POST", "/api/bookings", "{}",
                    Map.of("Sec-Fetch-Site", "cross-site", "Authorization", authorization));
            assertThat(refused.statusCode()).as(authorization).isEqualTo(403);
        }
        UpstreamStub.server.verify(0, postRequestedFor(urlPathEqualTo("/api/bookings")));
    }

    @Test
    void aBrowserHoldsOneSignInAtATime() throws Exception {
        signIn("citizen-maria");
        HttpResponse<String> login = browser.follow(browser.get(gateway.resolve("/auth/employees/signin")));
        assertThat(browser.signInOn(login, "clerk-thessaloniki", "clerk-thessaloniki").uri().getPath()).isEqualTo("/");
        // the employee's sign-in forgot the citizen's: no call can go out in the wrong one
        assertThat(browser.cookiesOf(gateway).keySet()).anyMatch(name -> name.startsWith("q_session_employees-web"))
                .noneMatch(name -> name.startsWith("q_session_citizens-web"));
        assertThat(new JsonObject(fetch("GET", "/auth/citizens/session", null).body()).getBoolean("signedIn")).isFalse();
        JsonObject employee = new JsonObject(fetch("GET", "/auth/employees/session", null).body());
        assertThat(employee.getJsonArray("municipalities").getList()).containsExactly("thessaloniki");
        assertThat(employee.getJsonArray("roles").getList()).contains("clerk");
        fetch("GET", "/api/bookings", null);
        LoggedRequest forwarded = UpstreamStub.server.findAll(getRequestedFor(urlPathEqualTo("/api/bookings"))).get(0);
        assertThat(claims(forwarded).getJsonArray("municipality").getList()).containsExactly("thessaloniki");
        assertThat(claims(forwarded).getString("afm")).isNull();
    }

    @Test
    void aServiceCannotSetACookieOnTheSite() throws Exception {
        HttpResponse<String> answer = fetch("GET", "/api/registry/municipalities/cookie", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    }

    private static JsonObject claims(LoggedRequest forwarded) {
        String token = forwarded.getHeader("Authorization").substring("Bearer ".length());
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void aCallWhoseSessionHasEndedGetsA401ProblemNotARedirect() throws Exception {
        browser.cookies.put("127.0.0.1:" + gateway.getPort(), new java.util.LinkedHashMap<>(Map.of("q_session_citizens-web", "stale")));
        HttpResponse<String> call = fetch("GET", "/api/bookings", null);
        assertThat(call.statusCode()).isEqualTo(401);
        assertThat(call.headers().firstValue("Location")).isEmpty();
        assertThat(new JsonObject(call.body()).getString("type")).endsWith("/unauthenticated");
        // the page asking who is signed in hears that nobody is
        browser.cookies.put("127.0.0.1:" + gateway.getPort(), new java.util.LinkedHashMap<>(Map.of("q_session_citizens-web", "stale")));
        HttpResponse<String> session = fetch("GET", "/auth/citizens/session", null);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(session.body()).getBoolean("signedIn")).isFalse();
        assertThat(browser.cookiesOf(gateway)).as("the stale cookie is forgotten")
                .noneSatisfy((name, value) -> assertThat(name).startsWith("q_session"));
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() throws Exception {
        signIn("citizen-maria");
        HttpResponse<String> out = send("POST", "/auth/citizens/signout", "", Map.of("Sec-Fetch-Site", "same-origin"));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow())
                .startsWith(keycloakUrl + "/realms/citizens/protocol/openid-connect/logout").contains("id_token_hint=");
        HttpResponse<String> home = browser.follow(out);
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(browser.cookiesOf(gateway)).noneSatisfy((name, value) -> assertThat(name).startsWith("q_session"));
        assertThat(new JsonObject(fetch("GET", "/auth/citizens/session", null).body()).getBoolean("signedIn")).isFalse();

        // Keycloak no longer knows the person: signing in again asks for the password
        HttpResponse<String> again = browser.follow(browser.get(gateway.resolve("/auth/citizens/signin")));
        assertThat(again.uri().toString()).startsWith(keycloakUrl);
        assertThat(again.body()).contains("kc-form-login");
    }

    @Test
    void signingInWithACookieThatNoLongerOpensStartsAgain() throws Exception {
        browser.cookies.put("127.0.0.1:" + gateway.getPort(), new java.util.LinkedHashMap<>(Map.of("q_session_citizens-web", "stale")));
        HttpResponse<String> again = browser.get(gateway.resolve("/auth/citizens/signin?return=%2Fbookings"));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue("/auth/citizens/signin?return=%2Fbookings");
        assertThat(browser.cookiesOf(gateway)).noneSatisfy((name, value) -> assertThat(name).startsWith("q_session"));
        HttpResponse<String> landed = browser.signInOn(browser.follow(again), "citizen-maria", "citizen-maria");
        assertThat(landed.uri().getPath()).isEqualTo("/bookings");
    }

    @Test
    void signingOutWithoutASessionJustForgetsTheCookie() throws Exception {
        browser.cookies.put("127.0.0.1:" + gateway.getPort(), new java.util.LinkedHashMap<>(Map.of("q_session_citizens-web", "stale")));
        HttpResponse<String> out = send("POST", "/auth/citizens/signout", "", Map.of("Sec-Fetch-Site", "same-origin"));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/");
        assertThat(browser.cookiesOf(gateway)).noneSatisfy((name, value) -> assertThat(name).startsWith("q_session"));
    }

    @Test
    void theReturnAddressIsAlwaysAPageOfThisSite() throws Exception {
        signIn("citizen-maria");
        for (String target : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"}) {
            HttpResponse<String> back = browser.get(gateway.resolve("/auth/citizens/signin?return="
                    + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8)));
            assertThat(back.statusCode()).isEqualTo(303);
            assertThat(back.headers().firstValue("Location")).as(target).hasValue("/");
        }
    }

    private void signIn(String person) throws Exception {
        HttpResponse<String> landed = browser.signInOn(browser.follow(browser.get(gateway.resolve("/auth/citizens/signin"))),
                person, person);
        assertThat(landed.uri().getPath()).isEqualTo("/");
    }

    /** A call of the site's own page script. */
    private HttpResponse<String> fetch(String method, String path, String body) throws Exception {
        return send(method, path, body, Map.of("Sec-Fetch-Site", "same-origin"));
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return browser.send(request);
    }
}
