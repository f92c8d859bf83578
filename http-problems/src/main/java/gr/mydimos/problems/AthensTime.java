package gr.mydimos.problems;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every time a service writes (answers, events, calls to other services) carries the Europe/Athens offset:
 * {@code 2026-12-08T09:10:00+02:00}, never {@code …07:10:00Z}, whatever type holds it in the code. The instant is the
 * same; a person and a front end read the local time directly.
 */
@Singleton
public class AthensTime implements ObjectMapperCustomizer {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d/M/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Athens"));

    private final ZoneId zone;

    public AthensTime(@ConfigProperty(name = "api.time-zone", defaultValue = "Europe/Athens") ZoneId zone) {
        this.zone = zone;
    }

    /** An instant (or a time with an offset) as a person reads it in a message, in Greek time: {@code 8/12/2026 09:10}. */
    public static String readable(java.time.temporal.TemporalAccessor instant) {
        return READABLE.format(instant);
    }

    /** Applied after Quarkus' own customizers, whose java.time module would otherwise write these types. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("athens-time");
        module.addSerializer(Instant.class, new Local<>(zone, instant -> instant));
        module.addSerializer(OffsetDateTime.class, new Local<>(zone, OffsetDateTime::toInstant));
        module.addSerializer(ZonedDateTime.class, new Local<>(zone, ZonedDateTime::toInstant));
        mapper.registerModule(module);
    }

    /** Writes the instant as ISO-8601 with the zone's offset at that instant. */
    static final class Local<T> extends JsonSerializer<T> {
        private final ZoneId zone;
        private final java.util.function.Function<T, Instant> instant;

        Local(ZoneId zone, java.util.function.Function<T, Instant> instant) {
            this.zone = zone;
            this.instant = instant;
        }

        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.apply(value).atZone(zone).toOffsetDateTime()));
        }
    }
}
