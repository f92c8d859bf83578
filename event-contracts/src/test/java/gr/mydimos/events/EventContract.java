package gr.mydimos.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * The events' contract (module event-contracts) as tests on either side of Kafka hold events to it: a producer's
 * test reads what its service wrote strictly (no field the contract does not define, none it requires missing), and a
 * consumer's test publishes only events that keep it.
 */
public final class EventContract {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventContract() {
    }

    /** A booking event as booking-service published it; an AssertionError if it breaks the contract. */
    public static BookingEvent bookingEvent(String json) {
        BookingEvent event = read(json, BookingEvent.class);
        requireKept(event.problems(), json);
        return event;
    }

    /** A registry event as municipality-registry published it; an AssertionError if it breaks the contract. */
    public static RegistryEvent registryEvent(String json) {
        RegistryEvent event = read(json, RegistryEvent.class);
        requireKept(event.problems(), json);
        return event;
    }

    /** The JSON a consumer's test publishes, once the event keeps the contract. */
    public static String json(BookingEvent event) {
        requireKept(event.problems(), event);
        return write(event);
    }

    public static String json(RegistryEvent event) {
        requireKept(event.problems(), event);
        return write(event);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a " + type.getSimpleName() + " of the contract: " + e.getOriginalMessage() + "\n" + json);
        }
    }

    private static String write(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireKept(List<String> problems, Object event) {
        if (!problems.isEmpty()) {
            throw new AssertionError("the event breaks the contract: " + problems + "\n" + event);
        }
    }
}
