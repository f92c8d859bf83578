package gr.mydimos.problems;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import gr.mydimos.problems.types.Language;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Every invalid field of a request body is reported at once. Jackson stops at the first value it cannot read (an
 * unknown enum constant, a number for a time), which would hide every other mistake of the form; so, while a body is
 * read, such a value is noted with its path and read as null, and the body is then checked by bean validation as
 * well. Anything noted fails the request with one invalid-field problem listing all of it; a body without such values
 * goes on to the endpoint, whose own validation works as usual. Outside a body being read by an endpoint (a REST
 * client reading a peer's answer), Jackson's strict behaviour is unchanged.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER) // a REST client reading a peer's answer stays strict (Quarkus registers providers there too)
public class InvalidBodies implements ReaderInterceptor {

    private static final ThreadLocal<List<String>> UNREADABLE = new ThreadLocal<>();

    @Inject
    Validator validator;
    @Inject
    HttpHeaders headers;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        List<String> unreadable = new ArrayList<>();
        List<String> outer = UNREADABLE.get(); // a read within a read keeps the outer one's notes
        UNREADABLE.set(unreadable);
        Object body;
        try {
            body = context.proceed(); // deserialised on this thread
        } finally {
            if (outer == null) {
                UNREADABLE.remove();
            } else {
                UNREADABLE.set(outer);
            }
        }
        if (unreadable.isEmpty()) {
            return body;
        }
        if (!isList(context.getType()) && unreadable.stream().anyMatch(field -> field.startsWith("["))) {
            // an array where the endpoint takes an object: the body as a whole is wrong
            throw ProblemMappers.unreadableBody();
        }
        Language language = Language.preferredBy(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        List<Map<String, String>> violations = new ArrayList<>();
        unreadable.stream().distinct().forEach(field ->
                violations.add(ProblemMappers.violation(field, ProblemMappers.WRONG_TYPE.in(language))));
        if (body != null) {
            for (ConstraintViolation<Object> v : validator.validate(body)) {
                String field = ProblemMappers.field(v);
                if (!unreadable.contains(field)) { // a value that was there but unreadable is not also "required"
                    violations.add(ProblemMappers.violation(field, v.getMessage()));
                }
            }
        }
        throw ProblemMappers.invalidFields(violations);
    }

    private static boolean isList(Class<?> type) {
        return type.isArray() || java.util.Collection.class.isAssignableFrom(type);
    }

    /** Notes a value Jackson cannot read, when a body is being read and the value is a field of it. */
    static final class Handler extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> type, String value, String failureMsg) {
            return note(ctxt.getParser());
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> type, Number value, String failureMsg) {
            return note(ctxt.getParser());
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType type, JsonToken token, JsonParser p,
                                            String failureMsg) throws IOException {
            Object noted = note(p);
            if (noted != NOT_HANDLED && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
                p.skipChildren(); // the whole unreadable value, not just its first token
            }
            return noted;
        }

        private static Object note(JsonParser p) {
            List<String> unreadable = UNREADABLE.get();
            String field = p == null ? "" : path(p.getParsingContext());
            if (unreadable == null || field.isEmpty()) {
                return NOT_HANDLED; // not a body being read, or the body as a whole is wrong: Jackson's own failure
            }
            unreadable.add(field);
            return null;
        }

        /** The field's path as the caller wrote it: {@code units[0].hours[1].closes}. */
        private static String path(JsonStreamContext context) {
            List<String> parts = new ArrayList<>();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject() && c.getCurrentName() != null) {
                    parts.add("." + c.getCurrentName());
                } else if (c.inArray() && c.getCurrentIndex() >= 0) { // at the array's own start there is no element yet
                    parts.add("[" + c.getCurrentIndex() + "]");
                }
            }
            Collections.reverse(parts);
            String path = String.join("", parts);
            return path.startsWith(".") ? path.substring(1) : path;
        }
    }
}
