package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One booking is one trace (OpenTelemetry): the trace id the gateway logs for the request appears in
 * booking-service's log line of the change and in notification-service's, which received it through Kafka from the
 * outbox relay. Reads the log files of the locally started services.
 */
class OneTraceThroughTheServicesTest {

    private static final Path LOGS = Path.of(System.getProperty("local.logs", "../local/.runtime/logs"));
    private static final String SERVICE = "thessaloniki-registry-certificate";
    private static final Pattern TRACE_ID = Pattern.compile("traceId=([0-9a-f]{32})");

    @Test
    void aBookingsTraceIdIsInTheGatewayBookingAndNotificationLogs() {
        String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        String requestId = "trace-" + UUID.randomUUID();
        String reference = given().auth().oauth2(clerk).header("Idempotency-Key", requestId).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "%s", "mode": "IN_PERSON", "start": "%s",
                         "person": {"fullName": "Νίκος Γεωργίου", "email": "trace-%s@example.gr", "phone": "6912345678"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el", "channel": "PHONE"}"""
                        .formatted(SERVICE, Demo.freeSlot(SERVICE, 4), UUID.randomUUID()))
                .post(Demo.GATEWAY + "/api/bookings").then().statusCode(201).extract().path("reference");
        try {
            String gatewayLine = Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> line("identity-gateway", requestId), l -> l != null);
            Matcher trace = TRACE_ID.matcher(gatewayLine);
            assertThat(trace.find()).as("trace id in: " + gatewayLine).isTrue();
            String traceId = trace.group(1);

            assertThat(Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> line("booking-service", "Booking " + reference + ": BookingConfirmed"), l -> l != null))
                    .contains("traceId=" + traceId);
            assertThat(Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> line("notification-service", "Booking " + reference + ": planning the messages of BookingConfirmed"),
                            l -> l != null))
                    .contains("traceId=" + traceId);
        } finally {
            given().auth().oauth2(clerk).post(Demo.GATEWAY + "/api/bookings/" + reference + "/cancel").then().statusCode(200);
        }
    }

    /** The first line of a service's log that contains the text, or null. */
    private static String line(String service, String text) throws IOException {
        List<String> lines = Files.readAllLines(LOGS.resolve(service + ".log"), StandardCharsets.UTF_8);
        return lines.stream().filter(l -> l.contains(text)).findFirst().orElse(null);
    }
}
