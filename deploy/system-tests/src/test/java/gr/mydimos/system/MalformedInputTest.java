package gr.mydimos.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input against every public and citizen endpoint, through the gateway: wrong types, impossible dates, bytes that
 * are not UTF-8, injection strings, bodies that are not JSON, too deep or too large. Whatever comes in, the answer is
 * never a 5xx, and every refusal is an RFC 9457 problem whose status is the answer's.
 */
class MalformedInputTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] NASTY = {
        "' OR '1'='1", "1; DROP TABLE booking; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}",
        "../../../../etc/passwd", "%00", "\u0000", "😀", "Ω".repeat(3000), "-1", "9999999999999999999999", "null", "[]",
    };
    private static final String[] BAD_DATES = {"2026-02-30", "2026-13-01", "20261201", "yesterday", "2026-12-01T25:00",
        "+999999999-12-31", ""};
    private static String maria;
    /**
     * Forms are also sent by a clerk (booking for a caller: the same endpoint and form): a citizen may create only a few
     * bookings in ten minutes (gateway.rate-limits), and these would be answered 429 before reaching booking-service
     * and spend the demo citizen's allowance for the other tests.
     */
    private static String clerk;

    @BeforeAll
    static void signIn() {
        maria = Demo.token("citizens", "citizen-maria", "portal");
        clerk = Demo.token("employees", "clerk-thermaikos", "backoffice");
    }

    @Test
    void publicQueriesWithNastyParametersAreNeverAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String nasty : NASTY) {
            String v = enc(nasty);
            check(failures, get("/api/registry/municipalities?q=" + v + "&postalCode=" + v, null));
            check(failures, get("/api/registry/municipalities/" + v, null));
            check(failures, get("/api/registry/municipalities/" + v + "/services", null));
            check(failures, get("/api/availability/slots?municipality=" + v + "&service=" + v + "&mode=" + v + "&from=" + v
                    + "&to=" + v + "&employee=" + v, null));
            check(failures, get("/api/availability/slots?municipality=thessaloniki&service=thessaloniki-registry-certificate"
                    + "&mode=IN_PERSON&employee=" + v, null));
            check(failures, get("/api/availability/slots/employees?municipality=" + v + "&service=" + v, null));
            check(failures, get("/api/registry/certificate-verifications/" + v, null));
        }
        for (String date : BAD_DATES) {
            check(failures, get("/api/availability/slots?municipality=thessaloniki&service=thessaloniki-registry-certificate"
                    + "&mode=IN_PERSON&from=" + enc(date) + "&to=" + enc(date), null));
        }
        // percent-encoded bytes that are not UTF-8, and a from after to, and a range of centuries
        check(failures, get("/api/registry/municipalities/%C3%28", null));
        check(failures, get("/api/registry/municipalities?q=%FF%FE%FD", null));
        check(failures, get("/api/availability/slots?municipality=thessaloniki&service=thessaloniki-registry-certificate"
                + "&mode=IN_PERSON&from=2027-01-10&to=2026-12-01", null));
        check(failures, get("/api/availability/slots?municipality=thessaloniki&service=thessaloniki-registry-certificate"
                + "&mode=IN_PERSON&from=0001-01-01&to=9999-12-31", null));
        assertThat(failures).isEmpty();
    }

    @Test
    void citizenEndpointsWithNastyPathsAndParametersAreNeverAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String nasty : NASTY) {
            String v = enc(nasty);
            check(failures, get("/api/bookings/" + v, maria));
            check(failures, post("/api/bookings/" + v + "/cancel", maria, bytes("{}")));
            check(failures, post("/api/bookings/" + v + "/reschedule", maria, bytes("{\"start\": \"2026-12-10T09:00:00+02:00\"}")));
            check(failures, post("/api/bookings/" + v + "/transfer/accept", maria, bytes("{}")));
            check(failures, get("/api/notifications?booking=" + v, maria));
            check(failures, get("/api/bookings?status=" + v + "&from=" + v, maria));
            check(failures, get("/api/registry/certificates/" + v, maria));
        }
        check(failures, get("/api/registry/me", maria));
        assertThat(failures).isEmpty();
    }

    @Test
    void bookingFormsThatAreNotWhatTheyShouldBeAreRefusedWithAProblem() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (String raw : List.of("", "not json", "[]", "null", "42", "{", "{\"municipality\": }", "{\"a\":1,}",
                "{\"municipality\": 1, \"service\": [], \"mode\": {}, \"start\": true, \"person\": \"x\"}",
                "{\"municipality\": \"thessaloniki\", \"service\": \"thessaloniki-registry-certificate\", \"mode\": \"FLYING\"}",
                "{\"declarationAccepted\": \"yes\", \"onBehalfOfOther\": 3, \"language\": \"klingon\"}")) {
            bodies.add(bytes(raw));
        }
        for (String date : BAD_DATES) {
            bodies.add(bytes(form(date, "Μαρία Παπαδοπούλου", "maria@example.gr")));
        }
        for (String nasty : NASTY) {
            bodies.add(bytes(form("2026-12-10T09:00:00+02:00", nasty, nasty)));
        }
        bodies.add(bytes("[".repeat(5000) + "]".repeat(5000)));                       // deeper than any parser should go
        bodies.add(bytes("{\"person\": {\"fullName\": \"" + "Α".repeat(50_000) + "\"}}")); // over the gateway's limit
        bodies.add(new byte[] {'{', '"', 'm', 'u', 'n', 'i', 'c', 'i', 'p', 'a', 'l', 'i', 't', 'y', '"', ':', '"',
            (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});                            // not UTF-8
        List<String> failures = new ArrayList<>();
        for (byte[] body : bodies) {
            check(failures, post("/api/bookings", clerk, body));
            check(failures, post("/api/bookings/K7QX-M4PA/reschedule", maria, body));
            check(failures, post("/api/registry/certificates", maria, body));
        }
        for (String nasty : NASTY) {
            check(failures, post("/api/registry/certificates", maria, bytes("{\"type\": " + json(nasty) + ", \"language\": "
                    + json(nasty) + ", \"subjectTaxId\": " + json(nasty) + ", \"actId\": " + json(nasty) + "}")));
        }
        assertThat(failures).isEmpty();
    }

    private static String form(String start, String name, String email) {
        return """
                {"municipality": "thessaloniki", "service": "thessaloniki-registry-certificate", "mode": "IN_PERSON",
                 "start": %s, "person": {"fullName": %s, "email": %s, "phone": "6900000000"},
                 "onBehalfOfOther": false, "declarationAccepted": true, "language": "el"}"""
                .formatted(json(start), json(name), json(email));
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static HttpRequest get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Demo.GATEWAY + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.GET().build();
    }

    private static HttpRequest post(String path, String token, byte[] body) {
        return HttpRequest.newBuilder(URI.create(Demo.GATEWAY + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** Never a 5xx; a refusal is a problem+json naming its own status. A 429 would mean the input was never tried. */
    private static void check(List<String> failures, HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 429) {
            failures.add(request.method() + " " + shorten(request.uri().toString()) + " -> 429: rate-limited, not tested");
            return;
        }
        String what = request.method() + " " + shorten(request.uri().toString()) + " -> " + response.statusCode();
        if (response.statusCode() >= 500) {
            failures.add(what + " " + shorten(response.body()));
        } else if (response.statusCode() >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(what + " not a problem: " + type + " " + shorten(response.body()));
            } else if (!response.body().contains("\"status\":" + response.statusCode())
                    && !response.body().contains("\"status\": " + response.statusCode())) {
                failures.add(what + " problem without its status: " + shorten(response.body()));
            }
        }
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
