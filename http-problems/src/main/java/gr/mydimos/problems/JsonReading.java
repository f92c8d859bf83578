package gr.mydimos.problems;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.temporal.TemporalAccessor;

/**
 * How the services read JSON: a date or a time only from its ISO-8601 text ({@code "start": 12345} is an invalid
 * field, not a moment of 1970; nor is {@code [2026, 12, 1]} a date), and every unreadable field of a request body noted
 * so that all are reported together ({@link InvalidBodies}).
 */
@Singleton
public class JsonReading implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("text-only-times");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription type,
                                                          JsonDeserializer<?> deserializer) {
                return TemporalAccessor.class.isAssignableFrom(type.getBeanClass())
                        ? new TextOnly(deserializer, type.getBeanClass()) : deserializer;
            }
        });
        mapper.registerModule(module);
        mapper.addHandler(new InvalidBodies.Handler());
    }

    /** A date or time deserialiser that takes its value from a JSON string only. */
    static final class TextOnly extends DelegatingDeserializer {
        private final Class<?> type;

        TextOnly(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(type, p);
            }
            return super.deserialize(p, context);
        }
    }
}
