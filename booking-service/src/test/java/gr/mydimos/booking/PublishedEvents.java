package gr.mydimos.booking;

import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/** What booking-service publishes in tests, read from the real Kafka (topic booking-events-test) while it is open. */
public final class PublishedEvents implements AutoCloseable {

    private final KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092");
    private final ConsumerTask<String, String> consumer = kafka.consumeStrings().fromTopics("booking-events-test");

    public List<ConsumerRecord<String, String>> records() {
        return consumer.getRecords();
    }

    /** The latest event of that type for the booking, once it is on Kafka. */
    public JsonPath latest(String reference, String type) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> records().stream()
                .anyMatch(r -> reference.equals(r.key()) && JsonPath.from(r.value()).getString("type").equals(type)));
        return records().stream().filter(r -> reference.equals(r.key()))
                .map(ConsumerRecord::value).map(JsonPath::from).filter(j -> j.getString("type").equals(type))
                .reduce((a, b) -> b).orElseThrow();
    }

    @Override
    public void close() {
        consumer.close();
        kafka.close();
    }
}
