package gr.mydimos.gateway.openapi;

import gr.mydimos.gateway.GatewayConfig;
import gr.mydimos.gateway.Problems;
import gr.mydimos.gateway.ratelimit.RateLimiter;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One OpenAPI document of everything the front ends may call, at {@code GET /api/openapi} (public): each service's
 * own document, as its build wrote it (copied into this module's resources at build; see pom.xml), without the paths
 * the gateway does not route, merged with the gateway's own API (the audit trail) and with the answers the gateway
 * itself gives to any request (rate limits, bodies too large or too slow, a service unavailable, busy or too slow).
 * A schema two services name alike but define differently is kept apart under the service's name. The sign-in
 * discovery addresses are this deployment's.
 */
@ApplicationScoped
public class ApiDocuments {

    private static final Logger LOG = Logger.getLogger(ApiDocuments.class);
    private static final String REFS = "#/components/schemas/";
    private static final String SERVICES = "services/";

    @Inject
    GatewayConfig config;
    @ConfigProperty(name = "keycloak.url")
    String keycloak;
    @Inject
    RateLimiter limiter;

    private volatile String combined;

    void routes(@Observes Router router) {
        router.route("/api/openapi").method(HttpMethod.GET).method(HttpMethod.HEAD).order(-10).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        OptionalLong retryAfter = limiter.admit(context); // anonymous and large: limited like every other request
        if (retryAfter.isPresent()) {
            context.response().putHeader("Retry-After", String.valueOf(retryAfter.getAsLong()));
            Problems.refuse(context, ProblemType.TOO_MANY_REQUESTS, Text.of(
                    "Πάρα πολλά αιτήματα σε λίγο χρόνο· δοκιμάστε ξανά σε λίγο.", "Too many requests in a short time; try again shortly."));
            return;
        }
        if (combined == null) {
            try {
                combined = build().encode(); // the same for the life of the process
            } catch (IllegalStateException e) {
                LOG.error("the combined API document cannot be built", e);
                Problems.refuse(context, ProblemType.INTERNAL_ERROR, Text.of(
                        "Το έγγραφο του API δεν είναι διαθέσιμο.", "The API document is not available."));
                return;
            }
        }
        context.response().putHeader("Content-Type", "application/json").end(combined);
    }

    JsonObject build() {
        JsonObject combined = resource("gateway-openapi.json");
        config.routes().entrySet().stream().filter(route -> route.getValue().documented()).map(java.util.Map.Entry::getKey)
                .sorted().forEach(name -> merge(combined, resource(SERVICES + name + "/openapi.json"), name));
        edgeAnswers(combined);
        unreachableSchemasRemoved(combined);
        combined.getJsonObject("components").getJsonObject("securitySchemes").forEach(scheme -> {
            JsonObject s = (JsonObject) scheme.getValue();
            s.put("openIdConnectUrl", keycloak + "/realms/" + scheme.getKey() + "/.well-known/openid-configuration");
        });
        return combined;
    }

    /** The gateway's own part (info, servers, the audit trail's operations), or a service's document. */
    private static JsonObject resource(String name) {
        try (InputStream in = ApiDocuments.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: build the services before the gateway");
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(name + " cannot be read", e);
        }
    }

    private void merge(JsonObject combined, JsonObject service, String name) {
        JsonObject components = combined.getJsonObject("components");
        components.getJsonObject("securitySchemes").mergeIn(service.getJsonObject("components", new JsonObject())
                .getJsonObject("securitySchemes", new JsonObject()));
        JsonObject schemas = components.getJsonObject("schemas");
        JsonObject theirs = service.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        String prefix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        // A schema another service already defined differently is renamed, with every reference to it in this
        // document; renaming may make another one differ (it refers to the renamed one), so until nothing changes.
        Map<String, Object> renames = new HashMap<>();
        JsonObject renamed = service;
        for (boolean more = true; more; ) {
            more = false;
            renamed = renames.isEmpty() ? service : (JsonObject) rename(service, renames);
            JsonObject mine = renamed.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
            for (String schema : mine.fieldNames()) {
                if (schemas.containsKey(schema) && !schemas.getValue(schema).equals(mine.getValue(schema))) {
                    if (renames.containsValue(REFS + schema) || schemas.containsKey(prefix + schema)) {
                        throw new IllegalStateException("schema " + schema + " of " + name + " collides even when renamed");
                    }
                    renames.put(REFS + schema, REFS + prefix + schema);
                    more = true;
                }
            }
        }
        service = renamed;
        theirs = service.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        theirs.forEach(schema -> schemas.put(schema.getKey(), schema.getValue()));
        JsonObject paths = combined.getJsonObject("paths");
        service.getJsonObject("paths", new JsonObject()).forEach(path -> {
            if (config.internalPaths().stream().noneMatch(path.getKey()::startsWith)) {
                paths.put(path.getKey(), path.getValue());
            }
        });
        JsonObject tags = new JsonObject();
        combined.getJsonArray("tags", new JsonArray()).forEach(t -> tags.put(((JsonObject) t).getString("name"), t));
        service.getJsonArray("tags", new JsonArray()).forEach(t -> tags.put(((JsonObject) t).getString("name"), t));
        combined.put("tags", new JsonArray(new ArrayList<>(tags.getMap().values())));
    }

    private static Object rename(Object node, Map<String, Object> renames) {
        if (node instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(e -> copy.put(e.getKey(), "$ref".equals(e.getKey()) && renames.containsKey(e.getValue())
                    ? renames.get(e.getValue()) : rename(e.getValue(), renames)));
            if (copy.containsKey("components") && copy.getJsonObject("components").containsKey("schemas")) {
                JsonObject schemas = copy.getJsonObject("components").getJsonObject("schemas");
                JsonObject renamed = new JsonObject();
                schemas.forEach(s -> renamed.put(((String) renames.getOrDefault(REFS + s.getKey(), REFS + s.getKey()))
                        .substring(REFS.length()), s.getValue()));
                copy.getJsonObject("components").put("schemas", renamed);
            }
            return copy;
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(v -> copy.add(rename(v, renames)));
            return copy;
        }
        return node;
    }

    /** Schemas only the paths left out use (the reservations between services) are not part of the front ends' API. */
    private static void unreachableSchemasRemoved(JsonObject combined) {
        JsonObject schemas = combined.getJsonObject("components").getJsonObject("schemas");
        Set<String> reached = new HashSet<>();
        Deque<Object> pending = new ArrayDeque<>(List.of(combined.getJsonObject("paths")));
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (node instanceof JsonObject object) {
                Object ref = object.getValue("$ref");
                if (ref instanceof String name && name.startsWith(REFS) && reached.add(name.substring(REFS.length()))
                        && schemas.containsKey(name.substring(REFS.length()))) {
                    pending.push(schemas.getValue(name.substring(REFS.length())));
                }
                object.forEach(e -> pending.push(e.getValue() == null ? "" : e.getValue()));
            } else if (node instanceof JsonArray array) {
                array.forEach(v -> pending.push(v == null ? "" : v));
            }
        }
        new ArrayList<>(schemas.fieldNames()).stream().filter(name -> !reached.contains(name)).forEach(schemas::remove);
    }

    /** What the gateway itself may answer to any request it passes on, besides what the service answers. */
    private static void edgeAnswers(JsonObject combined) {
        combined.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).forEach(method -> {
            if (!(method.getValue() instanceof JsonObject operation) || !operation.containsKey("responses")) {
                return;
            }
            JsonObject responses = operation.getJsonObject("responses");
            boolean body = operation.containsKey("requestBody");
            answer(responses, "400", "Invalid input, or an address not in canonical form (`non-canonical-path`).");
            answer(responses, "414", "The address is too long (`uri-too-long`).");
            answer(responses, "429", "Over a rate limit; wait for Retry-After (`too-many-requests`).");
            answer(responses, "502", "The service could not be reached (`upstream-unavailable`).");
            answer(responses, "503", "The service is busy, or one it needs did not answer (`service-busy`, `dependency-unavailable`).");
            answer(responses, "504", "The service did not answer in time (`upstream-timeout`).");
            if (body) {
                answer(responses, "408", "The body did not arrive in time (`body-too-slow`).");
                answer(responses, "413", "The body is too large (`body-too-large`).");
            }
        }));
    }

    private static void answer(JsonObject responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.put(status, new JsonObject().put("description", description).put("content", new JsonObject()
                    .put(Problems.MEDIA_TYPE, new JsonObject().put("schema", new JsonObject().put("$ref", REFS + "Problem")))));
        }
    }
}
