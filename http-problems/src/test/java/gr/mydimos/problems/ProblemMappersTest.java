package gr.mydimos.problems;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The answer to a failure nobody provokes on purpose (internal-error, issue 18): no endpoint fails on request, so the
 * mapper is called here directly, as Quarkus calls it, in both languages.
 */
class ProblemMappersTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anUnexpectedFailureIsAProblemInTheCallersLanguageThatSaysNothingOfTheCode() throws Exception {
        ProblemMappers mappers = new ProblemMappers();
        mappers.json = json;
        RuntimeException failure = new IllegalStateException("connection to 10.0.0.7:5432 refused; SELECT * FROM booking");

        Response greek = mappers.unexpected(failure, null, acceptLanguage(null));
        JsonNode el = json.readTree((String) greek.getEntity());
        assertThat(greek.getStatus()).isEqualTo(500);
        assertThat(greek.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(greek.getHeaderString("Content-Language")).isEqualTo("el");
        assertThat(el.get("type").asText()).isEqualTo("https://mydimos.gov.gr/problems/internal-error");
        assertThat(el.get("title").asText()).isEqualTo("Εσωτερικό σφάλμα");
        assertThat(el.get("detail").asText()).startsWith("Παρουσιάστηκε σφάλμα στο σύστημά μας");

        Response english = mappers.unexpected(failure, null, acceptLanguage("en-GB,en;q=0.9"));
        JsonNode en = json.readTree((String) english.getEntity());
        assertThat(english.getHeaderString("Content-Language")).isEqualTo("en");
        assertThat(en.get("title").asText()).isEqualTo("Internal error");
        assertThat(en.get("detail").asText()).isEqualTo(
                "Something went wrong on our side; nothing was changed. Please try again later.");
        assertThat(greek.getEntity() + " " + english.getEntity()).doesNotContain("10.0.0.7").doesNotContain("SELECT")
                .doesNotContain("IllegalState");
    }

    @Test
    void aDatabaseOutOfReachIsABriefUnavailabilityToRetryNotAFault() throws Exception {
        ProblemMappers mappers = new ProblemMappers();
        mappers.json = json;
        // as Hibernate Reactive reports PostgreSQL shutting down for a restart, and a connection reset by a failover
        RuntimeException restart = new RuntimeException("wrapped", new io.vertx.pgclient.PgException(
                "the database system is shutting down", "FATAL", "57P03", null));
        RuntimeException reset = new IllegalStateException(new java.net.SocketException("Connection reset"));

        for (RuntimeException failure : new RuntimeException[] {restart, reset}) {
            Response answer = mappers.unexpected(failure, null, acceptLanguage(null));
            JsonNode el = json.readTree((String) answer.getEntity());
            assertThat(answer.getStatus()).isEqualTo(503);
            assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(el.get("type").asText()).isEqualTo("https://mydimos.gov.gr/problems/dependency-unavailable");
            assertThat(el.get("detail").asText()).contains("δοκιμάστε ξανά σε λίγα δευτερόλεπτα");
        }
        // a statement PostgreSQL refuses is a fault of ours, not an outage
        Response refused = mappers.unexpected(new io.vertx.pgclient.PgException(
                "syntax error at or near \"FORM\"", "ERROR", "42601", null), null, acceptLanguage(null));
        assertThat(refused.getStatus()).isEqualTo(500);
        // nor is a protocol violation (class 08 too: a statement bound with the wrong number of parameters)
        Response violation = mappers.unexpected(new io.vertx.pgclient.PgException(
                "bind message supplies 4 parameters, but prepared statement requires 3", "ERROR", "08P01", null),
                null, acceptLanguage(null));
        assertThat(violation.getStatus()).isEqualTo(500);
    }

    private static HttpHeaders acceptLanguage(String value) {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> "getHeaderString".equals(method.getName()) ? value : null);
    }
}
