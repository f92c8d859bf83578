package gr.mydimos.booking.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gr.mydimos.booking.PeerServicesStub;
import gr.mydimos.booking.PublishedEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BK-11 on the real PostgreSQL and Kafka: an event is published for a committed change only, and events written while
 * the relay cannot run are all delivered once it runs again, each once to a consumer that deduplicates by event id.
 */
@QuarkusTest
@QuarkusTestResource(PeerServicesStub.class)
class OutboxGuaranteesTest {

    /** The relay's advisory lock (transactional-outbox): holding it elsewhere keeps every relay of the service idle. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private static PublishedEvents events;

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;
    @Inject
    DataSource database;

    @BeforeAll
    static void listen() {
        events = new PublishedEvents();
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void aDoubleSubmittedFormMakesOneBookingAndOnlyTheCommittedOneIsPublished() throws Exception {
        String clerk = employee("clerk-thessaloniki");
        String key = UUID.randomUUID().toString();
        String email = "double-" + UUID.randomUUID() + "@example.gr";
        List<Response> answers = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        given().auth().oauth2(clerk).header("Idempotency-Key", key).contentType(ContentType.JSON)
                                .body(body("2026-12-22T09:00:00+02:00", email)).post("/api/bookings")))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        String reference = answers.get(0).path("reference");
        assertThat(answers).extracting(r -> r.<String>path("reference")).containsOnly(reference);
        // both requests held and confirmed a slot and wrote an event; the transaction that lost rolled its event back
        assertThat(outboxRows(email)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> published(email).size() >= 1);
        assertThat(published(email)).hasSize(1).first()
                .satisfies(e -> assertThat(e.getString("booking.reference")).isEqualTo(reference));
    }

    @Test
    void eventsWrittenWhileTheRelayIsStoppedAreAllDeliveredOnceItRunsAgain() throws Exception {
        String clerk = employee("clerk-thessaloniki");
        String email = "relay-" + UUID.randomUUID() + "@example.gr";
        List<String> references = new ArrayList<>();
        try (Connection lock = database.getConnection()) {
            advisory(lock, "pg_advisory_lock");
            for (int i = 0; i < 5; i++) {
                references.add(given().auth().oauth2(clerk).header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(ContentType.JSON).body(body("2026-12-22T1%d:00:00+02:00".formatted(i), email))
                        .post("/api/bookings").then().statusCode(201).extract().path("reference"));
            }
            assertThat(unpublished(references)).isEqualTo(5); // committed, and waiting for the relay
            advisory(lock, "pg_advisory_unlock");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> published(email).size() >= 5);
        Map<String, Long> perEvent = published(email).stream()
                .collect(Collectors.groupingBy(e -> e.getString("eventId"), Collectors.counting()));
        assertThat(perEvent).hasSize(5);
        assertThat(published(email).stream().map(e -> e.getString("booking.reference")).distinct())
                .containsExactlyInAnyOrderElementsOf(references);
        assertThat(unpublished(references)).isZero();
    }

    private List<JsonPath> published(String email) {
        return events.records().stream().map(ConsumerRecord::value).map(JsonPath::from)
                .filter(e -> email.equals(e.getString("booking.person.email")))
                .filter(e -> "BookingConfirmed".equals(e.getString("type")))
                .toList();
    }

    private void advisory(Connection connection, String function) throws Exception {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SELECT " + function + "(" + RELAY_LOCK + ")");
        }
    }

    private int outboxRows(String email) throws Exception {
        try (Connection c = database.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE payload LIKE ?")) {
            q.setString(1, "%" + email + "%");
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private int unpublished(List<String> references) throws Exception {
        try (Connection c = database.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_key = ANY (?)")) {
            q.setArray(1, c.createArrayOf("text", references.toArray()));
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static String body(String start, String email) {
        return """
                {"municipality": "thessaloniki", "service": "thessaloniki-registry-certificate", "mode": "IN_PERSON",
                 "start": "%s", "person": {"fullName": "Νίκος Γεωργίου", "email": "%s", "phone": "6912345678"},
                 "onBehalfOfOther": false, "declarationAccepted": true, "language": "el", "channel": "PHONE"}"""
                .formatted(start, email);
    }

    private String employee(String user) {
        return new KeycloakTestClient(keycloakUrl + "/realms/employees").getAccessToken(user, user, "backoffice");
    }
}
