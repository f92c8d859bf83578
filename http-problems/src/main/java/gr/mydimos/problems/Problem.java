package gr.mydimos.problems;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem a service answers with: thrown (or returned as a failure) from any layer, written by
 * {@link ProblemMappers} as {@code application/problem+json} with {@code instance} set to the request's path.
 * Extension members (such as {@code field}) sit beside the standard ones; headers (such as {@code Retry-After}) go
 * with the answer.
 */
public class Problem extends RuntimeException {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final URI type;
    private final String title;
    private final int status;
    private final String detail;
    private final Map<String, Object> extensions;
    private final Map<String, Object> headers;

    private Problem(Builder builder) {
        super(builder.title + ": " + builder.detail, null, false, false); // no stack: a problem is an answer, not a fault
        this.type = builder.type;
        this.title = builder.title;
        this.status = builder.status;
        this.detail = builder.detail;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extensions));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatusCode() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public Map<String, Object> getExtensions() {
        return extensions;
    }

    public Map<String, Object> getHeaders() {
        return headers;
    }

    /** The members of the body, in the order RFC 9457 lists them, then the extensions. */
    Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        extensions.forEach(body::putIfAbsent);
        return body;
    }

    public static final class Builder {
        private URI type = ProblemMappers.ABOUT_BLANK;
        private String title;
        private int status = 500;
        private String detail;
        private final Map<String, Object> extensions = new LinkedHashMap<>();
        private final Map<String, Object> headers = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder withType(URI type) {
            this.type = type;
            return this;
        }

        public Builder withTitle(String title) {
            this.title = title;
            return this;
        }

        public Builder withStatus(Response.StatusType status) {
            return withStatus(status.getStatusCode());
        }

        public Builder withStatus(int status) {
            this.status = status;
            return this;
        }

        public Builder withDetail(String detail) {
            this.detail = detail;
            return this;
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
            if (title == null) {
                title = Response.Status.fromStatusCode(status) == null ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase();
            }
            return new Problem(this);
        }
    }
}
