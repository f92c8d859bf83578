package gr.mydimos.gateway.proxy;

import io.vertx.core.http.HttpClientRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.jboss.logging.Logger;

/**
 * Vert.x 4.5's HTTP/1 client closes the connection when a request is reset after its response arrived
 * (eclipse-vertx/vert.x#6294), although by then the pool may have given that connection to the next request, which
 * fails with "Connection was closed" without ever reaching the service: a 502 for a stranger. The reverse proxy resets
 * its request to the service whenever the caller goes away or writing the answer to the caller fails, which under load
 * happens after the answer is in. So the proxy gets its requests through this wrapper, which lets a reset through only
 * while the service has not answered — then it does cancel the service's work, and the connection is the request's own.
 */
final class UpstreamRequests {

    private static final Logger LOG = Logger.getLogger(UpstreamRequests.class);

    private UpstreamRequests() {
    }

    static HttpClientRequest resetOnlyInFlight(HttpClientRequest request) {
        return (HttpClientRequest) Proxy.newProxyInstance(UpstreamRequests.class.getClassLoader(),
                new Class<?>[] {HttpClientRequest.class}, (self, method, args) -> {
                    if (method.getName().equals("reset") && request.response().isComplete()) {
                        // answered: the rest of a body nobody reads is drained, the connection stays usable
                        LOG.debugf("not resetting %s %s: the service has answered", request.getMethod(), request.getURI());
                        if (request.response().succeeded()) {
                            request.response().result().handler(null).resume();
                        }
                        return false;
                    }
                    try {
                        Object result = method.invoke(request, args);
                        return result == request ? self : result; // fluent calls go on through the wrapper
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
