package gr.mydimos.gateway.signin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does in a sign-in, done by hand so that a test sees each step: cookies kept per host (the Secure
 * ones too — the test talks plain HTTP to 127.0.0.1, which browsers treat as secure), redirects followed one by one,
 * and Keycloak's real login form filled in. Sends Sec-Fetch-Site as a browser would for its own pages.
 */
final class Browser {

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();
    /** Every Set-Cookie header any answer carried, as sent. */
    final List<String> setCookies = new ArrayList<>();
    /** Every address visited, in order. */
    final List<URI> visited = new ArrayList<>();

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        String jar = cookies.getOrDefault(built.uri().getHost() + ":" + built.uri().getPort(), Map.of()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(built.uri()).method(built.method(),
                built.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        built.headers().map().forEach((name, values) -> values.forEach(value -> withCookies.header(name, value)));
        if (!jar.isEmpty()) {
            withCookies.header("Cookie", jar);
        }
        visited.add(built.uri());
        HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            setCookies.add(header);
            String pair = header.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            Map<String, String> host = cookies.computeIfAbsent(built.uri().getHost() + ":" + built.uri().getPort(),
                    h -> new LinkedHashMap<>());
            if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                host.remove(name);
            } else {
                host.put(name, value);
            }
        }
        return response;
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Sec-Fetch-Site", "none"));
    }

    /** Follows redirects from a response until a page answers. */
    HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; response.statusCode() / 100 == 3 && hops < 10; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).header("Sec-Fetch-Site", "cross-site"));
        }
        return response;
    }

    /** Fills in Keycloak's login form on the page and follows where it leads. */
    HttpResponse<String> signInOn(HttpResponse<String> loginPage, String username, String password)
            throws IOException, InterruptedException {
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(loginPage.body());
        if (!action.find()) {
            action = Pattern.compile("action=\"([^\"]+login-actions/authenticate[^\"]*)\"").matcher(loginPage.body());
            if (!action.find()) {
                throw new AssertionError("no login form on " + loginPage.uri() + ": " + loginPage.body());
            }
        }
        URI target = loginPage.uri().resolve(action.group(1).replace("&amp;", "&"));
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        return follow(send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    Map<String, String> cookiesOf(URI uri) {
        return cookies.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
    }
}
