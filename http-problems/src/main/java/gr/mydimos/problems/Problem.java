package gr.mydimos.problems;

import gr.mydimos.problems.types.Language;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem a service answers with: thrown (or returned as a failure) from any layer, written by
 * {@link ProblemMappers} as {@code application/problem+json} in the language the request prefers, with
 * {@code instance} set to the request's path. Its type (and so its status and title) is one of {@link ProblemType};
 * its detail is written for a person, in Greek and English. Extension members (such as {@code field}) sit beside the
 * standard ones; headers (such as {@code Retry-After}) go with the answer.
 */
public class Problem extends RuntimeException {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final ProblemType type;
    private final Text detail;
    private final Map<String, Object> extensions;
    private final Map<String, Object> headers;

    private Problem(Builder builder) {
        super(builder.type.slug() + ": " + builder.detail.en(), null, false, false); // no stack: an answer, not a fault
        this.type = builder.type;
        this.detail = builder.detail;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extensions));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    }

    public static Builder of(ProblemType type) {
        return new Builder(type);
    }

    /** A field of the request is invalid; {@code el} and {@code en} say why, after the field's name. */
    public static Problem invalidField(String field, String el, String en) {
        return of(ProblemType.INVALID_FIELD).detail(field + ": " + el, field + ": " + en).with("field", field).build();
    }

    public ProblemType getType() {
        return type;
    }

    public int getStatusCode() {
        return type.status();
    }

    public Text getDetail() {
        return detail;
    }

    public Map<String, Object> getExtensions() {
        return extensions;
    }

    public Map<String, Object> getHeaders() {
        return headers;
    }

    /** The members of the body, in the order RFC 9457 lists them, then the extensions. */
    public Map<String, Object> body(String instance, Language language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title().in(language));
        body.put("status", type.status());
        body.put("detail", detail.in(language));
        if (instance != null) {
            body.put("instance", instance);
        }
        extensions.forEach(body::putIfAbsent);
        return body;
    }

    public static final class Builder {
        private final ProblemType type;
        private Text detail;
        private final Map<String, Object> extensions = new LinkedHashMap<>();
        private final Map<String, Object> headers = new LinkedHashMap<>();

        private Builder(ProblemType type) {
            this.type = type;
            this.detail = type.title();
        }

        public Builder detail(Text detail) {
            this.detail = detail;
            return this;
        }

        public Builder detail(String el, String en) {
            return detail(Text.of(el, en));
        }

        /** An extension member of the body, e.g. {@code field}. */
        public Builder with(String name, Object value) {
            extensions.put(name, value);
            return this;
        }

        public Builder withHeader(String name, Object value) {
            headers.put(name, value);
            return this;
        }

        public Problem build() {
            return new Problem(this);
        }
    }
}
