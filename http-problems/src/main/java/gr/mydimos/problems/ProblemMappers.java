package gr.mydimos.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a service answers is an RFC 9457 problem: its own {@link Problem}s, JAX-RS' exceptions (404, 405 with
 * {@code Allow}, 415, ...), bean validation (all invalid fields together), refused tokens and roles, and anything
 * unexpected — the last as a 500 whose body says nothing about the code (the stack trace goes to the log only).
 */
public class ProblemMappers {

    static final URI ABOUT_BLANK = URI.create("about:blank");
    static final String TYPES = "https://mydimos.gov.gr/problems/";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response problem(Problem problem, UriInfo uri) {
        return answer(problem, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return answer(unauthenticated("Bearer"), uri);
    }

    @ServerExceptionMapper
    public Response refusedToken(AuthenticationFailedException e, UriInfo uri) {
        return answer(unauthenticated("Bearer error=\"invalid_token\""), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(forbidden(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(jakarta.ws.rs.ForbiddenException e, UriInfo uri) {
        return answer(forbidden(), uri);
    }

    /** Quarkus' own mapper for this subclass would win over one for ConstraintViolationException (nearest wins). */
    @ServerExceptionMapper
    public Response invalid(ResteasyReactiveViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(v -> v.getExecutableReturnValue() != null)) {
            return unexpected(e, uri); // an answer of ours that breaks its own constraints is our fault
        }
        List<Map<String, String>> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("field", field(violation));
            v.put("message", violation.getMessage());
            violations.add(v);
        }
        violations.sort(java.util.Comparator.comparing(v -> v.get("field")));
        return answer(Problem.builder().withType(URI.create(TYPES + "invalid-field")).withTitle("Invalid fields")
                .withStatus(400)
                .withDetail(violations.stream().map(v -> v.get("field") + ": " + v.get("message"))
                        .collect(Collectors.joining("; ")))
                .with("field", violations.isEmpty() ? "" : violations.get(0).get("field"))
                .with("violations", violations).build(), uri);
    }

    /** Quarkus maps this subclass itself (the nearest class wins), so it is named here too. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /**
     * A body that is not the JSON an endpoint takes (an array or a number for a form, a string for a date, nesting
     * deeper than the parser allows): the field where reading stopped, not the parser's message.
     */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping ? mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        return answer(Problem.builder().withType(URI.create(TYPES + "invalid-field")).withTitle("Unreadable request body")
                .withStatus(400)
                .withDetail(field.isEmpty() ? "The body is not the JSON this endpoint takes."
                        : field + ": not the type or format this endpoint takes.")
                .with("field", field).build(), uri);
    }

    /**
     * 404, 405, 415 and the like raised by the framework or by our code: a fixed text per status, never the
     * exception's message, which may hold what the caller sent or the framework's internals.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        Problem.Builder problem = Problem.builder().withStatus(status).withTitle(reason)
                .withType(URI.create(TYPES + switch (status) {
                    case 404 -> "not-found";
                    case 405 -> "method-not-allowed";
                    case 406 -> "not-acceptable";
                    case 415 -> "unsupported-media-type";
                    default -> "bad-request";
                }))
                .withDetail(switch (status) {
                    case 404 -> "There is nothing at this address.";
                    case 405 -> "This address does not take the method " + "used; see the Allow header.";
                    case 406 -> "This address answers in JSON only.";
                    case 415 -> "The body must be JSON (Content-Type: application/json).";
                    default -> "The request is not one this address takes.";
                });
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            problem.withHeader("Allow", allow);
        }
        return answer(problem.build(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // the path may name a person (a tax number): the log line's request and trace ids lead to the request instead
        LOG.error("unexpected failure answering a request", e);
        return answer(Problem.builder().withType(URI.create(TYPES + "internal-error")).withTitle("Internal error")
                .withStatus(500).withDetail("Something went wrong on our side; nothing was changed. Please try again later.")
                .build(), uri);
    }

    /**
     * A token refused before any endpoint runs (expired, tampered with, of another audience): Quarkus' HTTP security
     * fails the route, and its own answer would be an empty 401.
     */
    void refusedTokens(@Observes Router router) {
        router.route().order(-100).failureHandler(context -> {
            if (!context.response().ended() && context.failure() instanceof AuthenticationFailedException) {
                Problem problem = unauthenticated("Bearer error=\"invalid_token\"");
                context.response().setStatusCode(401).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("WWW-Authenticate", (String) problem.getHeaders().get("WWW-Authenticate"))
                        .end(write(problem.body(context.normalizedPath())));
            } else {
                context.next();
            }
        });
    }

    private static Problem unauthenticated(String challenge) {
        return Problem.builder().withType(URI.create(TYPES + "unauthenticated")).withTitle("Sign-in required")
                .withStatus(401).withDetail("A valid access token of the citizens' or the employees' sign-in is required.")
                .withHeader("WWW-Authenticate", challenge).build();
    }

    private static Problem forbidden() {
        return Problem.builder().withType(URI.create(TYPES + "forbidden")).withTitle("Forbidden").withStatus(403)
                .withDetail("Your role does not allow this.").build();
    }

    private Response answer(Problem problem, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(problem.getStatusCode())
                .type(Problem.MEDIA_TYPE).entity(write(problem.body(uri == null ? null : uri.getPath())));
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
