package gr.mydimos.booking;

import gr.mydimos.events.EventContract;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/**
 * What booking-service publishes in tests, read from the real Kafka (topic booking-events-test) while it is open.
 * The producer's side of the events' contract: every event published while it is open must keep it (event-contracts).
 */
public final class PublishedEvents implements AutoCloseable {

    private final long opened = System.currentTimeMillis();
    private final KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092");
    private final ConsumerTask<String, String> consumer = kafka.consumeStrings().fromTopics("booking-events-test");

    public List<ConsumerRecord<String, String>> records() {
        return consumer.getRecords();
    }

    /** The latest event of that type for the booking, once it is on Kafka. */
    public JsonPath latest(String reference, String type) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> records().stream()
                .anyMatch(r -> reference.equals(r.key()) && JsonPath.from(r.value()).getString("type").equals(type)));
        String latest = records().stream().filter(r -> reference.equals(r.key())).map(ConsumerRecord::value)
                .filter(value -> JsonPath.from(value).getString("type").equals(type)).reduce((a, b) -> b).orElseThrow();
        EventContract.bookingEvent(latest);
        return JsonPath.from(latest);
    }

    /** Closes the consumer, once every event published meanwhile is found to keep the contract. */
    @Override
    public void close() {
        try {
            records().stream().filter(r -> r.timestamp() >= opened).forEach(r -> EventContract.bookingEvent(r.value()));
        } finally {
            consumer.close();
            kafka.close();
        }
    }
}
