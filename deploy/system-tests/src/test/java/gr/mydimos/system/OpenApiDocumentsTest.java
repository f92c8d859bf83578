package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 18, item 3: the OpenAPI documents are valid OpenAPI 3.1 by a validator independent of the implementation
 * that writes them (swagger-parser), the gateway serves one document of everything the front ends may call, and every
 * answer the gateway gave the other system tests (recorded by {@link LiveAnswers}; this class runs last) is one the
 * document declares: its status, its media type and a body of the declared schema.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> SERVICES = Map.of("municipality-registry", 9084,
            "availability-service", 9082, "booking-service", 9081, "notification-service", 9083);
    /** Errors a request meets before it reaches an operation: an address that is none of the API's, refused at the edge. */
    private static final Set<Integer> BEFORE_ANY_OPERATION = Set.of(400, 401, 403, 404, 405, 408, 413, 414, 429);

    @Test
    @Order(1)
    void everyServicesDocumentAndTheCombinedOneAreValidOpenApi31() {
        SERVICES.forEach((service, port) -> valid(service,
                given().get("http://127.0.0.1:" + port + "/q/openapi?format=json").then().statusCode(200).extract().asString()));
        valid("gateway", combined());
    }

    @Test
    @Order(2)
    void theCombinedDocumentHasEveryRoutedServiceAndTheGatewaysOwnApiButNoInternalPath() throws Exception {
        JsonNode document = JSON.readTree(combined());
        Set<String> paths = new TreeSet<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/audit", "/api/audit/verify", "/api/bookings", "/api/availability/slots",
                "/api/registry/municipalities", "/api/notifications", "/api/availability/national-closures");
        assertThat(paths).noneMatch(p -> p.startsWith("/api/availability/reservations"));
        assertThat(document.get("components").get("schemas").has("ReservationRequest")).as("a schema of the reservations only").isFalse();
        document.get("components").get("securitySchemes").forEach(scheme ->
                assertThat(scheme.get("openIdConnectUrl").asText()).startsWith(Demo.KEYCLOAK + "/realms/"));
        assertThat(document.at("/paths/~1api~1bookings/post/responses/201").isMissingNode()).isFalse();
        assertThat(document.at("/paths/~1api~1registry~1certificates/post/responses/201").isMissingNode()).isFalse();
        assertThat(document.at("/paths/~1api~1bookings/post/responses/429/content/application~1problem+json").isMissingNode())
                .isFalse();
    }

    @Test
    @Order(3)
    void everyAnswerTheSystemTestsGotIsOneTheDocumentDeclares() throws Exception {
        JsonNode document = JSON.readTree(combined());
        assertThat(LiveAnswers.ANSWERS).as("the answers of the other system tests").hasSizeGreaterThan(100);
        List<String> failures = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (LiveAnswers.Answer answer : LiveAnswers.ANSWERS) {
            if ("OPTIONS".equals(answer.method())) {
                continue; // a browser's preflight (refused: no CORS), not an operation of the API
            }
            Optional<Map.Entry<String, JsonNode>> operation = operation(document, answer.method(), answer.path());
            if (operation.isEmpty()) {
                if (!BEFORE_ANY_OPERATION.contains(answer.status())) {
                    failures.add(answer.method() + " " + answer.path() + " -> " + answer.status() + ": no such operation");
                }
                continue;
            }
            String where = answer.method() + " " + operation.get().getKey() + " -> " + answer.status();
            checked.add(answer.method() + " " + operation.get().getKey());
            JsonNode responses = operation.get().getValue().get("responses");
            JsonNode declared = responses.has(String.valueOf(answer.status())) ? responses.get(String.valueOf(answer.status()))
                    : responses.get("default");
            if (declared == null) {
                failures.add(where + ": status not declared");
                continue;
            }
            if (answer.body() == null || answer.body().isEmpty()) {
                continue;
            }
            JsonNode media = declared.path("content").get(answer.mediaType());
            if (media == null) {
                List<String> declaredTypes = new ArrayList<>();
                declared.path("content").fieldNames().forEachRemaining(declaredTypes::add);
                failures.add(where + ": answered " + answer.mediaType() + ", declared " + declaredTypes);
                continue;
            }
            List<String> wrong = new ArrayList<>();
            conforms(document, media.get("schema"), JSON.readTree(answer.body()), "body", wrong);
            wrong.stream().limit(3).forEach(w -> failures.add(where + ": " + w));
        }
        assertThat(checked).as("operations the system tests exercised").hasSizeGreaterThan(25);
        assertThat(failures.stream().distinct().sorted().toList()).isEmpty();
    }

    private static String combined() {
        return given().get(Demo.GATEWAY + "/api/openapi").then().statusCode(200).extract().asString();
    }

    private static void valid(String name, String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getOpenAPI()).as(name).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).as(name).startsWith("3.1");
        assertThat(result.getMessages()).as(name + ": " + result.getMessages()).isEmpty();
    }

    /** The operation whose path template matches (literal segments before parameters) and method. */
    private static Optional<Map.Entry<String, JsonNode>> operation(JsonNode document, String method, String path) {
        List<Map.Entry<String, JsonNode>> matches = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> template = it.next();
            String regex = Pattern.quote(template.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            JsonNode operation = template.getValue().get(method.toLowerCase());
            if (operation != null && path.matches(regex)) {
                matches.add(Map.entry(template.getKey(), operation));
            }
        }
        return matches.stream().min(Comparator.comparingLong(m -> m.getKey().chars().filter(c -> c == '{').count()));
    }

    /** A small JSON Schema check of what the API's schemas use: $ref, anyOf/oneOf, type, enum, required, properties, items, date-time. */
    private static void conforms(JsonNode document, JsonNode schema, JsonNode value, String at, List<String> wrong) {
        if (schema == null) {
            return;
        }
        if (schema.has("$ref")) {
            conforms(document, document.at(schema.get("$ref").asText().substring(1)), value, at, wrong);
            return;
        }
        for (String choice : new String[] {"anyOf", "oneOf"}) {
            if (schema.has(choice)) {
                boolean any = false;
                for (JsonNode option : schema.get(choice)) {
                    List<String> inner = new ArrayList<>();
                    conforms(document, option, value, at, inner);
                    any |= inner.isEmpty();
                }
                if (!any) {
                    wrong.add(at + " matches none of " + choice);
                }
                return;
            }
        }
        if (schema.has("type")) {
            List<String> types = new ArrayList<>();
            if (schema.get("type").isArray()) {
                schema.get("type").forEach(t -> types.add(t.asText()));
            } else {
                types.add(schema.get("type").asText());
            }
            if (types.stream().noneMatch(t -> is(t, value))) {
                wrong.add(at + " is " + value.getNodeType() + ", declared " + types);
                return;
            }
        }
        if (value.isNull()) {
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                wrong.add(at + " = " + value + " is not one of " + schema.get("enum"));
            }
        }
        if ("date-time".equals(schema.path("format").asText()) && value.isTextual()) {
            try {
                OffsetDateTime.parse(value.asText());
            } catch (DateTimeParseException e) {
                wrong.add(at + " = " + value + " is not a date-time with offset");
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(name -> {
                if (!value.has(name.asText())) {
                    wrong.add(at + "." + name.asText() + " is required but missing");
                }
            });
            schema.path("properties").fields().forEachRemaining(property -> {
                if (value.has(property.getKey())) {
                    conforms(document, property.getValue(), value.get(property.getKey()), at + "." + property.getKey(), wrong);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                conforms(document, schema.get("items"), item, at + "[" + i++ + "]", wrong);
            }
        }
    }

    private static boolean is(String type, JsonNode value) {
        return switch (type) {
            case "null" -> value.isNull();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }
}
