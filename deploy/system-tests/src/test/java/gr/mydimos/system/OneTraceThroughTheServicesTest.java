package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One booking is one trace (OpenTelemetry) and one correlation id: the JSON log line the gateway writes for the
 * request carries both; booking-service's line of the change carries the same two; notification-service's line,
 * written when the event arrived through Kafka from the outbox relay, carries the trace id. None of the person's
 * details is in any service's log. Reads the JSON log files of the locally started services.
 */
class OneTraceThroughTheServicesTest {

    private static final Path LOGS = Path.of(System.getProperty("local.logs", "../local/.runtime/logs"));
    private static final String SERVICE = "thessaloniki-registry-certificate";
    private static final String MAIL_API = System.getProperty("greenmail.api", "http://127.0.0.1:8025");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBookingsTraceAndRequestIdsAreInTheGatewayBookingAndNotificationLogs() throws IOException {
        String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        String key = "trace-" + UUID.randomUUID();
        String email = "trace-" + UUID.randomUUID() + "@example.gr";
        io.restassured.response.Response created = given().auth().oauth2(clerk).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "%s", "mode": "IN_PERSON", "start": "%s",
                         "person": {"fullName": "Ευτέρπη Ιχνηλάτη", "email": "%s", "phone": "6987654321"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el", "channel": "PHONE"}"""
                        .formatted(SERVICE, Demo.freeSlot(SERVICE, 4), email))
                .post(Demo.GATEWAY + "/api/bookings");
        // the platform names the request itself: the id the gateway answers with is the one every log line carries
        String requestId = created.then().statusCode(201).extract().header("X-Request-Id");
        String reference = created.path("reference");
        try {
            JsonNode gateway = Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> line("identity-gateway", "POST /api/bookings -> 201", requestId), l -> l != null);
            String traceId = gateway.path("mdc").path("traceId").asText();
            assertThat(traceId).as("trace id of " + gateway).matches("[0-9a-f]{32}");
            assertThat(gateway.path("mdc").path("requestId").asText()).isEqualTo(requestId);

            JsonNode booking = Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> line("booking-service", "Booking " + reference + ": BookingConfirmed", null), l -> l != null);
            assertThat(booking.path("mdc").path("traceId").asText()).isEqualTo(traceId);
            assertThat(booking.path("mdc").path("requestId").asText()).isEqualTo(requestId);

            JsonNode notification = Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> line("notification-service", "Booking " + reference + ": planning the messages of BookingConfirmed", null),
                            l -> l != null);
            assertThat(notification.path("mdc").path("traceId").asText()).isEqualTo(traceId);

            // the confirmation went out; still no address, name or phone in any log
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> given().get(MAIL_API + "/api/user/" + email
                    + "/messages/INBOX").then().extract().jsonPath().getList("mimeMessage"), mails -> mails != null && !mails.isEmpty());
            for (String service : List.of("identity-gateway", "booking-service", "availability-service", "notification-service",
                    "municipality-registry")) {
                for (String file : List.of(service + ".log", service + ".json.log")) {
                    assertThat(Files.readString(LOGS.resolve(file), StandardCharsets.UTF_8)).as(file)
                            .doesNotContain(email).doesNotContain("Ιχνηλάτη").doesNotContain("6987654321");
                }
            }
        } finally {
            given().auth().oauth2(clerk).post(Demo.GATEWAY + "/api/bookings/" + reference + "/cancel").then().statusCode(200);
        }
    }

    /** The first JSON line of a service's log whose message contains the text (and whose mdc has the request id), or null. */
    private static JsonNode line(String service, String text, String requestId) throws IOException {
        List<String> lines = Files.readAllLines(LOGS.resolve(service + ".json.log"), StandardCharsets.UTF_8);
        return lines.stream().map(OneTraceThroughTheServicesTest::parse)
                .filter(l -> l.path("message").asText().contains(text))
                .filter(l -> requestId == null || requestId.equals(l.path("mdc").path("requestId").asText()))
                .findFirst().orElse(null);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON log line: " + line, e);
        }
    }
}
