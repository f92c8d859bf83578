package gr.mydimos.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gr.mydimos.testing.MovableClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox as a service uses it, on the real PostgreSQL and Kafka: an event added in a transaction leaves once that
 * transaction commits, with nothing to call afterwards (the relay's poll is an hour here: only the database's
 * notification can have sent it); a rolled-back one never leaves; what waited while another instance held the relay
 * leaves in order at the next poll; the relay hears commits again after its connection was cut; old published events
 * are purged, unpublished ones never.
 */
@QuarkusTest
class OutboxTest {

    /** The relay's advisory lock: holding it here plays another instance that is relaying. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private static final Duration SOON = Duration.ofSeconds(10);

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    OutboxPurge purge;
    @Inject
    MovableClock clock;
    @Inject
    DataSource database;
    @Inject
    Mutiny.SessionFactory sessions;

    private final KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092");
    private String topic;
    private ConsumerTask<String, String> consumer;

    @BeforeEach
    void newTopic() {
        topic = "outbox-test-" + UUID.randomUUID();
        consumer = kafka.consumeStrings().fromTopics(topic);
    }

    @AfterEach
    void close() {
        consumer.close();
        kafka.close();
    }

    @Test
    void anEventLeavesOnceItsTransactionCommitsWithNothingToCallAfter() throws Throwable {
        UUID id = commit("booking-1", "BookingConfirmed");

        Awaitility.await().atMost(SOON).until(() -> payloads("booking-1").size() == 1);
        assertThat(payloads("booking-1").get(0)).isEqualTo("{\"type\":\"BookingConfirmed\"}");
        Awaitility.await().atMost(SOON).until(() -> publishedAt(id) != null);
    }

    @Test
    void aRolledBackEventNeverLeaves() throws Throwable {
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> add("booking-2", "BookingCancelled")
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed"))))))
                .hasMessageContaining("the change failed");
        commit("booking-2", "BookingConfirmed"); // same key, so it comes after anything sent before it

        Awaitility.await().atMost(SOON).until(() -> types("booking-2").contains("BookingConfirmed"));
        assertThat(types("booking-2")).containsExactly("BookingConfirmed");
    }

    @Test
    void whatWaitedWhileAnotherInstanceRelayedLeavesInOrderAtTheNextPoll() throws Throwable {
        try (Connection otherInstance = database.getConnection()) {
            advisory(otherInstance, "pg_advisory_lock");
            for (int i = 1; i <= 3; i++) {
                commit("booking-3", "Step" + i);
            }
            Thread.sleep(1_000); // the notifications came and went: the relay found the lock taken
            assertThat(types("booking-3")).isEmpty();
            advisory(otherInstance, "pg_advisory_unlock");
        }
        relay.poll();

        Awaitility.await().atMost(SOON).until(() -> types("booking-3").size() == 3);
        assertThat(types("booking-3")).containsExactly("Step1", "Step2", "Step3");
    }

    @Test
    void afterItsConnectionIsCutTheRelayHearsCommitsAgain() throws Throwable {
        try (Connection admin = database.getConnection(); Statement sql = admin.createStatement();
             ResultSet cut = sql.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE query ILIKE 'LISTEN%' AND datname = current_database()")) {
            assertThat(cut.next() && cut.getBoolean(1)).as("the relay's listening connection was cut").isTrue();
        }
        commit("booking-4", "BookingConfirmed");

        Awaitility.await().atMost(SOON).until(() -> types("booking-4").contains("BookingConfirmed"));
    }

    /**
     * A relay's queries use the plans Hibernate cached the first time. A native select would add a plan at every run
     * (Hibernate Reactive's key for it never matches again), filling the cache and pushing the services' plans out.
     */
    @Test
    void relayingAgainReusesItsQueryPlans() throws Throwable {
        commit("booking-5", "BookingConfirmed");
        Awaitility.await().atMost(SOON).until(() -> types("booking-5").size() == 1);
        long misses = sessions.getStatistics().getQueryPlanCacheMissCount();
        for (int i = 1; i <= 5; i++) {
            commit("booking-5", "Step" + i);
        }
        Awaitility.await().atMost(SOON).until(() -> types("booking-5").size() == 6);

        assertThat(sessions.getStatistics().getQueryPlanCacheMissCount()).as("query plans made anew").isEqualTo(misses);
    }

    @Test
    void publishedEventsArePurgedAfterTheirTimeAndWaitingOnesNever() throws Throwable {
        Instant now = clock.instant();
        UUID old = insert(now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(8)));
        UUID recent = insert(now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)));
        UUID waiting = insert(now.minus(Duration.ofDays(30)), null);

        assertThat(VertxContextSupport.subscribeAndAwait(() -> purge.purge())).isGreaterThanOrEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(waiting)).isTrue();
        delete(waiting); // not for the relay of the other tests
    }

    private UUID commit(String key, String type) throws Throwable {
        UUID id = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.add(topic, key, type, id, clock.instant(), Map.of("type", type))));
        return id;
    }

    private Uni<Void> add(String key, String type) {
        return outbox.add(topic, key, type, UUID.randomUUID(), clock.instant(), Map.of("type", type));
    }

    private List<String> payloads(String key) {
        return consumer.getRecords().stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    /** The types of the events on the topic with that key, in the order Kafka holds them. */
    private List<String> types(String key) {
        return payloads(key).stream().map(payload -> payload.replaceAll("^\\{\"type\":\"(\\w+)\"}$", "$1")).toList();
    }

    private Instant publishedAt(UUID id) throws Exception {
        try (Connection c = database.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT published_at FROM outbox_event WHERE id = ?")) {
            q.setObject(1, id);
            try (ResultSet row = q.executeQuery()) {
                return row.next() && row.getTimestamp(1) != null ? row.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private UUID insert(Instant createdAt, Instant publishedAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = database.getConnection(); PreparedStatement q = c.prepareStatement(
                "INSERT INTO outbox_event (id, topic, event_key, type, payload, created_at, published_at) VALUES (?, ?, 'old', 'Old', '{}', ?, ?)")) {
            q.setObject(1, id);
            q.setString(2, topic);
            q.setTimestamp(3, Timestamp.from(createdAt));
            q.setTimestamp(4, publishedAt == null ? null : Timestamp.from(publishedAt));
            q.executeUpdate();
        }
        return id;
    }

    private boolean exists(UUID id) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement q = c.prepareStatement("SELECT 1 FROM outbox_event WHERE id = ?")) {
            q.setObject(1, id);
            try (ResultSet row = q.executeQuery()) {
                return row.next();
            }
        }
    }

    private void delete(UUID id) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement q = c.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
            q.setObject(1, id);
            q.executeUpdate();
        }
    }

    private static void advisory(Connection connection, String function) throws Exception {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SELECT " + function + "(" + RELAY_LOCK + ")");
        }
    }
}
