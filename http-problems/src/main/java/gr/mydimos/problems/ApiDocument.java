package gr.mydimos.problems;

import gr.mydimos.problems.types.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document says beyond its annotations, so that a front end can trust it (issue 18,
 * item 3): the two sign-ins as OpenID Connect schemes with their discovery URLs, and per operation the realm(s)
 * whose roles may call it; every error answer as the problem schema of docs/problems.md, with the errors every
 * operation of its kind can answer (400 for any input, 401/403 when signed in, 404 with a path parameter, 406 when
 * it answers with a body, 415 with a body, 500); the parameters the API shares described once; and properties that
 * may be null declared so (OpenAPI 3.1: {@code "null"} among the types).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class ApiDocument implements OASFilter {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Set<String> CITIZEN_ROLES = Set.of("citizen", "business-rep");
    private static final Map<String, String> GENERIC = Map.of(
            "400", "Invalid input (`invalid-field`, `unreadable-body`, `malformed-request`); `field` and `violations` name it.",
            "401", "Not signed in, or the access token was refused (`unauthenticated`).",
            "403", "The caller's role or municipality does not allow this (`forbidden`).",
            "404", "Nothing at this address, or what it names does not exist or is not the caller's (`not-found`).",
            "406", "The Accept header names no media type this operation answers in (`not-acceptable`).",
            "415", "The body is not JSON (`unsupported-media-type`).",
            "500", "Something failed on the platform's side; nothing was changed (`internal-error`).");

    /** What the parameters the API shares mean, written once; an operation's own description wins. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("municipality", "The municipality's code, e.g. `thessaloniki`."),
            Map.entry("code", "The municipality's code, e.g. `thessaloniki`."),
            Map.entry("service", "The service's id in the municipality's catalogue."),
            Map.entry("serviceId", "The service's id in the municipality's catalogue."),
            Map.entry("mode", "How the person is served: `IN_PERSON`, `PHONE` or `VIDEO`."),
            Map.entry("from", "The first day (YYYY-MM-DD), in Athens time."),
            Map.entry("to", "The last day (YYYY-MM-DD), in Athens time, included."),
            Map.entry("date", "The day (YYYY-MM-DD), in Athens time; today if left out."),
            Map.entry("employee", "An employee's id."),
            Map.entry("unit", "A unit's (department's) id."),
            Map.entry("reference", "The booking's reference, e.g. `K7QX-M4PA`."),
            Map.entry("booking", "The booking's reference, e.g. `K7QX-M4PA`."),
            Map.entry("id", "The id of the resource."),
            Map.entry("q", "Words of the name or code to look for, ignoring case and accents."),
            Map.entry("postalCode", "A Greek postal code of five digits, e.g. `546 40`."),
            Map.entry("taxId", "A person's tax number (ΑΦΜ), nine digits."),
            Map.entry("Idempotency-Key", "Any unique text of up to 100 characters; repeating a request with the same key"
                    + " answers with what the first one did instead of doing it twice."));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema(PROBLEM, problemSchema());
        signIns(api);
        if (api.getPaths() != null) {
            api.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(this::operation));
        }
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().forEach((name, schema) -> {
                if (!PROBLEM.equals(name)) {
                    nullable(schema);
                }
            });
        }
    }

    /** The citizens' and the employees' sign-in, each an OpenID Connect provider of its own (two Keycloak realms). */
    private static void signIns(OpenAPI api) {
        String keycloak = ConfigProvider.getConfig().getOptionalValue("api.sign-in-url", String.class)
                .or(() -> ConfigProvider.getConfig().getOptionalValue("keycloak.url", String.class))
                .orElse("https://id.mydimos.gov.gr");
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put("citizens", OASFactory.createSecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(keycloak + "/realms/citizens/.well-known/openid-configuration")
                .description("Citizens and business representatives, signed in with TaxisNet (the citizens' realm)."));
        schemes.put("employees", OASFactory.createSecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(keycloak + "/realms/employees/.well-known/openid-configuration")
                .description("Municipal staff and central admins (the employees' realm)."));
        api.getComponents().setSecuritySchemes(schemes);
    }

    private void operation(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            operation.setSecurity(realms(operation.getSecurity()));
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.stream().filter(p -> p.getDescription() == null && PARAMETERS.containsKey(p.getName()))
                .forEach(p -> p.setDescription(PARAMETERS.get(p.getName())));
        boolean body = operation.getRequestBody() != null;
        add(responses, "400", body || !parameters.isEmpty());
        add(responses, "401", secured);
        add(responses, "403", secured);
        add(responses, "404", parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH));
        add(responses, "406", responses.getAPIResponses().entrySet().stream().anyMatch(r -> r.getKey().startsWith("2")
                && r.getValue().getContent() != null && r.getValue().getContent().getMediaTypes() != null
                && !r.getValue().getContent().getMediaTypes().isEmpty()));
        add(responses, "415", body);
        add(responses, "500", true);
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.length() == 3 && status.charAt(0) >= '4') {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
        });
        // statuses in ascending order, as a reader looks for them
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(sorted);
    }

    private static void add(APIResponses responses, String status, boolean applies) {
        if (applies && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(GENERIC.get(status)));
        } else if (responses.hasAPIResponse(status) && GENERIC.containsKey(status)
                && isFrameworkDefault(responses.getAPIResponse(status).getDescription())) {
            responses.getAPIResponse(status).setDescription(GENERIC.get(status));
        }
    }

    private static boolean isFrameworkDefault(String description) {
        return description == null || description.equals("Not Authorized") || description.equals("Not Allowed")
                || description.equals("Bad Request");
    }

    /** The roles an operation names (as the scopes of its requirement) decide which sign-in may call it. */
    private static List<SecurityRequirement> realms(List<SecurityRequirement> requirements) {
        List<String> roles = requirements.stream().flatMap(r -> r.getSchemes().values().stream())
                .flatMap(scopes -> scopes == null ? java.util.stream.Stream.empty() : scopes.stream()).distinct().toList();
        boolean citizens = roles.isEmpty() || roles.stream().anyMatch(CITIZEN_ROLES::contains);
        boolean employees = roles.isEmpty() || roles.stream().anyMatch(r -> !CITIZEN_ROLES.contains(r));
        List<SecurityRequirement> realms = new ArrayList<>();
        if (citizens) {
            realms.add(OASFactory.createSecurityRequirement().addScheme("citizens",
                    roles.stream().filter(CITIZEN_ROLES::contains).toList()));
        }
        if (employees) {
            realms.add(OASFactory.createSecurityRequirement().addScheme("employees",
                    roles.stream().filter(r -> !CITIZEN_ROLES.contains(r)).toList()));
        }
        return realms;
    }

    /** Properties not required may come back null (the services write nulls): say so, recursively. */
    private static void nullable(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (!required.contains(name)) {
                allowNull(property);
            }
            nullable(property);
            if (property.getItems() != null) {
                nullable(property.getItems());
            }
        });
    }

    private static void allowNull(Schema property) {
        if (property.getRef() != null) {
            Schema ref = OASFactory.createSchema().ref(property.getRef());
            property.setRef(null);
            property.setAnyOf(new ArrayList<>(List.of(ref, OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
        } else if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
    }

    /** RFC 9457 with the platform's extension members; {@code type} is one of docs/problems.md. */
    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An error (RFC 9457), in Greek or, with Accept-Language: en, in English. The types, their"
                        + " statuses and meanings are listed in docs/problems.md.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .enumeration(Arrays.stream(ProblemType.values()).map(t -> (Object) t.uri().toString())
                                .collect(Collectors.toList())))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The part of the request that is wrong: a body property path, a parameter or a header."))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation)
                        .description("Every invalid field, when there are several."))
                .addProperty("bookings", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))
                        .description("schedule-conflict: the booked appointments the change would strand."))
                .addProperty("appointments", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))
                        .description("employee-has-appointments: the employee's booked appointments."))
                .required(List.of("type", "title", "status"));
    }
}
