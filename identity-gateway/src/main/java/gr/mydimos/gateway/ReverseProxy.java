package gr.mydimos.gateway;

import gr.mydimos.gateway.ratelimit.RateLimiter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Routes /api/** to the services with Vert.x's reverse proxy: bodies are streamed, not buffered. The token was
 * validated by Quarkus' HTTP security before this handler runs and is passed on for the services to check again.
 */
@ApplicationScoped
public class ReverseProxy {

    static final String REQUEST_ID = "X-Request-Id";

    void route(@Observes Router router, Vertx vertx, GatewayConfig config, RateLimiter limiter) {
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setKeepAlive(true)));
        // Longest prefix first, so that a more specific route wins.
        List<GatewayConfig.Route> routes = config.routes().values().stream()
                .sorted(Comparator.comparingInt((GatewayConfig.Route r) -> r.prefix().length()).reversed())
                .toList();
        proxy.originSelector(request -> routes.stream()
                .filter(r -> request.path().startsWith(r.prefix()))
                .findFirst()
                .map(r -> Future.succeededFuture(SocketAddress.inetSocketAddress(port(r), r.url().getHost())))
                .orElseGet(() -> Future.failedFuture("no route")));
        router.route("/api/*").handler(context -> forward(context, proxy, routes, limiter));
    }

    private static void forward(RoutingContext context, HttpProxy proxy, List<GatewayConfig.Route> routes, RateLimiter limiter) {
        String path = context.request().path();
        if (routes.stream().noneMatch(r -> path.startsWith(r.prefix()))) {
            context.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "https://mydimos.gov.gr/problems/no-such-api").put("title", "Not Found")
                            .put("status", 404).put("detail", "No API at " + path).encode());
            return;
        }
        OptionalLong retryAfter = limiter.admit(context);
        if (retryAfter.isPresent()) {
            context.response().setStatusCode(429).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Retry-After", String.valueOf(retryAfter.getAsLong()))
                    .end(new JsonObject().put("type", "https://mydimos.gov.gr/problems/too-many-requests")
                            .put("title", "Too many requests").put("status", 429)
                            .put("detail", "Too many requests in a short time; try again in " + retryAfter.getAsLong() + " s")
                            .encode());
            return;
        }
        // A correlation id for every request, passed to the service and echoed to the caller.
        String requestId = context.request().getHeader(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
            requestId = UUID.randomUUID().toString();
            context.request().headers().set(REQUEST_ID, requestId);
        }
        context.response().putHeader(REQUEST_ID, requestId);
        // So that links the services write (Location) point at the gateway, not at themselves.
        context.request().headers()
                .set("X-Forwarded-Host", context.request().authority() == null ? "" : context.request().authority().toString())
                .set("X-Forwarded-Proto", context.request().scheme());
        proxy.handle(context.request());
    }

    private static int port(GatewayConfig.Route route) {
        return route.url().getPort() > 0 ? route.url().getPort() : "https".equals(route.url().getScheme()) ? 443 : 80;
    }

}
