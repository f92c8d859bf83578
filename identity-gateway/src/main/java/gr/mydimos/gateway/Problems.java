package gr.mydimos.gateway;

import gr.mydimos.problems.types.Language;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own refusals, as RFC 9457 problems of the platform's catalogue (docs/problems.md), in Greek unless
 * the request prefers English — the same shape the services answer with.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** Ends the answer with the problem, unless it has already been sent. */
    public static void refuse(RoutingContext context, ProblemType type, Text detail) {
        refuse(context, type, detail, null);
    }

    /** As {@link #refuse(RoutingContext, ProblemType, Text)}, naming the field of the request that is wrong. */
    public static void refuse(RoutingContext context, ProblemType type, Text detail, String field) {
        if (context.response().ended()) {
            return;
        }
        Language language = Language.preferredBy(context.request().getHeader("Accept-Language"));
        headers(context.response().setStatusCode(type.status()).headers(), language);
        context.response().end(body(type, detail, context.normalizedPath(), language, field));
    }

    /** The problem's JSON in the given language. */
    public static String body(ProblemType type, Text detail, String instance, Language language, String field) {
        JsonObject body = new JsonObject().put("type", type.uri().toString()).put("title", type.title().in(language))
                .put("status", type.status()).put("detail", detail.in(language));
        if (instance != null) {
            body.put("instance", instance);
        }
        if (field != null) {
            body.put("field", field);
        }
        return body.encode();
    }

    /** Content-Type and the language headers of a problem answer. */
    public static MultiMap headers(MultiMap headers, Language language) {
        return headers.set("Content-Type", MEDIA_TYPE).set("Content-Language", language.tag()).add("Vary", "Accept-Language");
    }
}
