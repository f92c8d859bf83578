package gr.mydimos.booking;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What booking-service publishes in tests, read from the real Kafka (topic booking-events-test) while it is open. */
public final class PublishedEvents implements AutoCloseable {

    private final KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092");
    private final ConsumerTask<String, String> consumer = kafka.consumeStrings().fromTopics("booking-events-test");

    public List<ConsumerRecord<String, String>> records() {
        return consumer.getRecords();
    }

    @Override
    public void close() {
        consumer.close();
        kafka.close();
    }
}
