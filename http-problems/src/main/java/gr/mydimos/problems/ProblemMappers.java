package gr.mydimos.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import gr.mydimos.problems.types.Language;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a service answers is an RFC 9457 problem of a {@link ProblemType}, in Greek unless the request prefers
 * English: its own {@link Problem}s, JAX-RS' exceptions (404, 405 with {@code Allow}, 415, ...), bean validation (all
 * invalid fields together), unreadable bodies, refused tokens and roles, and anything unexpected — the last as a 500
 * whose body says nothing about the code (the stack trace goes to the log only).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ObjectMapper json;
    @Inject
    AllowedMethods allowed;

    @ServerExceptionMapper
    public Response problem(Problem problem, UriInfo uri, HttpHeaders headers) {
        return answer(problem, uri, headers);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return answer(unauthenticated("Bearer"), uri, headers);
    }

    @ServerExceptionMapper
    public Response refusedToken(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return answer(unauthenticated("Bearer error=\"invalid_token\""), uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return answer(forbidden(), uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(jakarta.ws.rs.ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return answer(forbidden(), uri, headers);
    }

    /**
     * Every invalid field at once, each with the validator's message in the request's language (Quarkus resolves the
     * locale from Accept-Language; see this library's microprofile-config.properties). Quarkus' own mapper for this
     * subclass would win over one for ConstraintViolationException (nearest wins).
     */
    @ServerExceptionMapper
    public Response invalid(ResteasyReactiveViolationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getConstraintViolations().stream().anyMatch(v -> v.getExecutableReturnValue() != null)) {
            return unexpected(e, uri, headers); // an answer of ours that breaks its own constraints is our fault
        }
        List<Map<String, String>> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(violation(field(violation), violation.getMessage()));
        }
        return answer(invalidFields(violations), uri, headers);
    }

    /** Quarkus maps this subclass itself (the nearest class wins), so it is named here too. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadable(e, uri, headers);
    }

    /**
     * A body that is not the JSON an endpoint takes: a field of the wrong type or format ({@code "start": 12345}, a
     * word for a number, an unknown enum constant) is named as an invalid field; a body that is not JSON, or not
     * the object the endpoint takes, is unreadable. The parser's own message never reaches the caller.
     */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        if (field.isEmpty()) {
            return answer(unreadableBody(), uri, headers);
        }
        return answer(Problem.invalidField(field, WRONG_TYPE.el(), WRONG_TYPE.en()), uri, headers);
    }

    /**
     * 404, 405, 415 and the like raised by the framework or by our code: a fixed text per status, never the
     * exception's message, which may hold what the caller sent or the framework's internals.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return answer(unauthenticated("Bearer"), uri, headers);
        }
        Problem.Builder problem = switch (status) {
            case 404 -> Problem.of(ProblemType.NOT_FOUND)
                    .detail("Δεν υπάρχει τίποτα σε αυτή τη διεύθυνση.", "There is nothing at this address.");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED)
                    .detail("Αυτή η διεύθυνση δεν δέχεται τη μέθοδο του αιτήματος· δείτε την κεφαλίδα Allow.",
                            "This address does not take the method used; see the Allow header.");
            case 406 -> Problem.of(ProblemType.NOT_ACCEPTABLE)
                    .detail("Αυτή η διεύθυνση απαντά μόνο σε JSON.", "This address answers in JSON only.");
            case 413 -> Problem.of(ProblemType.BODY_TOO_LARGE).detail(BODY_TOO_LARGE);
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE)
                    .detail("Το σώμα πρέπει να είναι JSON (Content-Type: application/json).",
                            "The body must be JSON (Content-Type: application/json).");
            case 400 -> Problem.of(ProblemType.MALFORMED_REQUEST)
                    .detail("Το αίτημα δεν είναι της μορφής που δέχεται αυτή η διεύθυνση.",
                            "The request is not one this address takes.");
            default -> null; // no other status is raised this way: should one be, it is a fault to fix, not to hide
        };
        if (problem == null) {
            return unexpected(e, uri, headers);
        }
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow == null && status == 405 && uri != null) {
            allow = allowed.of(uri.getPath());
        }
        if (allow != null) {
            problem.withHeader("Allow", allow);
        }
        return answer(problem.build(), uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (Outages.outOfReach(e)) {
            LOG.warnf("the database or a service was out of reach: %s", e.toString());
            return answer(Problem.of(ProblemType.DEPENDENCY_UNAVAILABLE).withHeader("Retry-After", 5)
                    .detail("Μέρος του συστήματός μας δεν ήταν προσωρινά διαθέσιμο. Παρακαλούμε δοκιμάστε ξανά σε λίγα δευτερόλεπτα.",
                            "Part of our system was briefly out of reach. Please try again in a few seconds.")
                    .build(), uri, headers);
        }
        // the path may name a person (a tax number): the log line's request and trace ids lead to the request instead
        LOG.error("unexpected failure answering a request", e);
        return answer(Problem.of(ProblemType.INTERNAL_ERROR)
                .detail("Παρουσιάστηκε σφάλμα στο σύστημά μας· δεν άλλαξε τίποτα. Παρακαλούμε δοκιμάστε ξανά αργότερα.",
                        "Something went wrong on our side; nothing was changed. Please try again later.")
                .build(), uri, headers);
    }

    /**
     * A token refused before any endpoint runs (expired, tampered with, of another audience): Quarkus' HTTP security
     * fails the route, and its own answer would be an empty 401.
     */
    void refusedTokens(@Observes Router router) {
        router.route().order(-100).failureHandler(context -> {
            if (!context.response().ended() && context.failure() instanceof AuthenticationFailedException) {
                answer(context, unauthenticated("Bearer error=\"invalid_token\""));
            } else {
                context.next();
            }
        });
    }

    /** A problem answered by a route of ours, before any endpoint runs. */
    void answer(RoutingContext context, Problem problem) {
        Language language = Language.preferredBy(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        HttpServerResponse response = context.response().setStatusCode(problem.getStatusCode())
                .putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Content-Language", language.tag())
                .putHeader("Vary", HttpHeaders.ACCEPT_LANGUAGE);
        problem.getHeaders().forEach((name, value) -> response.putHeader(name, String.valueOf(value)));
        response.end(write(problem.body(context.normalizedPath(), language)));
    }

    private static final Text BODY_TOO_LARGE = Text.of("Το σώμα του αιτήματος είναι μεγαλύτερο από όσο δέχεται αυτή η διεύθυνση.",
            "The request body is larger than this address accepts.");

    static Problem bodyTooLarge() {
        return Problem.of(ProblemType.BODY_TOO_LARGE).detail(BODY_TOO_LARGE).build();
    }

    private static final Text BODY_TOO_SLOW = Text.of("Το σώμα του αιτήματος δεν έφτασε εγκαίρως.",
            "The request body did not arrive in time.");

    static Problem bodyTooSlow() {
        return Problem.of(ProblemType.BODY_TOO_SLOW).detail(BODY_TOO_SLOW).build();
    }

    /** What a field Jackson could not read is told. */
    static final Text WRONG_TYPE = Text.of("δεν έχει τον τύπο ή τη μορφή που δέχεται αυτή η διεύθυνση",
            "not the type or format this address takes");

    static Map<String, String> violation(String field, String message) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("field", field);
        v.put("message", message);
        return v;
    }

    /** One invalid-field problem listing every violation by field; their messages are in the request's language. */
    static Problem invalidFields(List<Map<String, String>> violations) {
        violations.sort(Comparator.comparing((Map<String, String> v) -> v.get("field")).thenComparing(v -> v.get("message")));
        String detail = violations.stream().map(v -> v.get("field") + ": " + v.get("message")).collect(Collectors.joining("; "));
        return Problem.of(ProblemType.INVALID_FIELD).detail(detail, detail)
                .with("field", violations.isEmpty() ? "" : violations.get(0).get("field"))
                .with("violations", violations).build();
    }

    static Problem unreadableBody() {
        return Problem.of(ProblemType.UNREADABLE_BODY)
                .detail("Το σώμα του αιτήματος δεν είναι το αντικείμενο JSON που δέχεται αυτή η διεύθυνση.",
                        "The body is not the JSON object this address takes.").build();
    }

    private static Problem unauthenticated(String challenge) {
        return Problem.of(ProblemType.UNAUTHENTICATED)
                .detail("Χρειάζεται έγκυρο διακριτικό πρόσβασης από τη σύνδεση πολιτών ή υπαλλήλων· συνδεθείτε ξανά.",
                        "A valid access token of the citizens' or the employees' sign-in is required; sign in again.")
                .withHeader("WWW-Authenticate", challenge).build();
    }

    private static Problem forbidden() {
        return Problem.of(ProblemType.FORBIDDEN)
                .detail("Ο ρόλος σας δεν επιτρέπει αυτή την ενέργεια.", "Your role does not allow this.").build();
    }

    private Response answer(Problem problem, UriInfo uri, HttpHeaders headers) {
        Language language = Language.preferredBy(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Response.ResponseBuilder response = Response.status(problem.getStatusCode())
                .type(Problem.MEDIA_TYPE).header("Content-Language", language.tag()).header("Vary", HttpHeaders.ACCEPT_LANGUAGE)
                .entity(write(problem.body(uri == null ? null : uri.getPath(), language)));
        problem.getHeaders().forEach(response::header);
        return response.build();
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a map of strings, numbers and lists always serialises
        }
    }

    /**
     * The field as the caller named it: the body's property path ({@code person.email}), or the name of the query,
     * path or header parameter — not the Java method and parameter the validator reports.
     */
    static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        Method method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                List<Class<?>> types = node.as(Path.MethodNode.class).getParameterTypes();
                method = find(violation.getRootBeanClass(), node.getName(), types.toArray(Class<?>[]::new));
            } else if (node.getKind() == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                if (method != null) {
                    String declared = declaredName(method.getParameterAnnotations()[index]);
                    if ("".equals(declared)) {
                        declared = method.getParameters()[index].getName(); // @RestQuery and the like without a value
                    }
                    if (declared != null) {
                        names.add(declared);
                    }
                }
            } else {
                // the index of a list element is reported on the node that follows the list
                if (node.isInIterable() && !names.isEmpty()) {
                    Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                    names.set(names.size() - 1, names.get(names.size() - 1) + "[" + (at == null ? "" : at) + "]");
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    names.add(node.getName());
                }
            }
        }
        return String.join(".", names);
    }

    /**
     * The resource method as declared: the validator may name the class Quarkus generates for an intercepted bean
     * (a subclass whose overriding methods carry no parameter annotations), so the search goes up to the declaration.
     */
    private static Method find(Class<?> type, String name, Class<?>[] parameters) {
        Method found = null;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                found = c.getDeclaredMethod(name, parameters);
                if (java.util.Arrays.stream(found.getParameterAnnotations()).anyMatch(a -> a.length > 0)) {
                    return found;
                }
            } catch (NoSuchMethodException e) {
                // declared higher up
            }
        }
        return found;
    }

    private static String declaredName(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            } else if (a instanceof PathParam p) {
                return p.value();
            } else if (a instanceof HeaderParam h) {
                return h.value();
            } else if (a instanceof FormParam f) {
                return f.value();
            } else if (a instanceof CookieParam c) {
                return c.value();
            } else if (a instanceof BeanParam) {
                return null;
            } else if (a instanceof org.jboss.resteasy.reactive.RestQuery q) {
                return q.value();
            } else if (a instanceof org.jboss.resteasy.reactive.RestPath p) {
                return p.value();
            }
        }
        return null; // the body: its properties name the field
    }
}
