package gr.mydimos.problems;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods an address takes, for the {@code Allow} header of a 405 (RFC 9110 §15.5.6), which RESTEasy Reactive
 * leaves out: read once from the resource classes' {@code @Path} and method annotations.
 */
@Singleton
public class AllowedMethods {

    private record Route(Pattern path, String method) {}

    private volatile List<Route> routes;

    /** The methods the path takes, as the header's value, or null when none is known. */
    public String of(String path) {
        TreeSet<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
                if ("GET".equals(route.method())) {
                    methods.add("HEAD");
                }
            }
        }
        if (methods.isEmpty()) {
            return null;
        }
        methods.add("OPTIONS"); // answered by RESTEasy Reactive for every resource
        return String.join(", ", methods);
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path base = bean.getBeanClass().getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getMethods()) {
                    String http = httpMethod(method);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        found.add(new Route(template(base.value() + (sub == null ? "" : "/" + sub.value())), http));
                    }
                }
            }
            routes = List.copyOf(found);
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** {@code /api/bookings/{reference}/cancel} as a pattern; a parameter is one path segment. */
    private static Pattern template(String path) {
        String normalised = ("/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        StringBuilder regex = new StringBuilder();
        for (String part : normalised.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
