package gr.mydimos.gateway;

import gr.mydimos.gateway.audit.AuditRecorder;
import gr.mydimos.gateway.ratelimit.RateLimiter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;

/**
 * Routes /api/** to the services with Vert.x's reverse proxy: bodies are streamed, not buffered. The token was
 * validated by Quarkus' HTTP security before this handler runs and is passed on for the services to check again.
 */
@ApplicationScoped
public class ReverseProxy {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReverseProxy.class);

    @Inject
    MeterRegistry metrics;

    void route(@Observes Router router, Vertx vertx, GatewayConfig config, RateLimiter limiter, AuditRecorder audit) {
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setKeepAlive(true)
                // The pool retires an unused connection before the idle timeout closes it under a request just given it.
                .setKeepAliveTimeout((int) Math.max(1, config.idleTimeout().toSeconds() / 2))
                .setMaxPoolSize(config.connectionsPerService())));
        // Longest prefix first, so that a more specific route wins.
        List<GatewayConfig.Route> routes = config.routes().values().stream()
                .sorted(Comparator.comparingInt((GatewayConfig.Route r) -> r.prefix().length()).reversed())
                .toList();
        proxy.originSelector(request -> routes.stream()
                .filter(r -> request.path().startsWith(r.prefix()))
                .findFirst()
                .map(r -> Future.succeededFuture(SocketAddress.inetSocketAddress(port(r), r.url().getHost())))
                .orElseGet(() -> Future.failedFuture("no route")));
        proxy.addInterceptor(new UpstreamFailures(vertx, config.responseTimeout().toMillis()));
        List<String> internal = config.internalPaths();
        long maxBody = config.maxBodySize().asLongValue();
        router.route("/api/*").handler(context -> refuseMalformed(context, maxBody, config.maxUriLength()));
        router.route("/api/*").handler(context -> {
            audit.onEnd(context);
            forward(context, proxy, routes, internal, limiter);
        });
    }

    /**
     * Requests no service should have to parse are refused here with a problem: an address longer than the limit, a
     * path or query that decodes to control characters (a NUL breaks PostgreSQL text) or to no UTF-8 at all, and a
     * body announced larger than the limit (refused before any of it is read).
     */
    private static void refuseMalformed(RoutingContext context, long maxBody, int maxUri) {
        String uri = context.request().uri();
        if (uri.length() > maxUri) {
            refuse(context, 414, "uri-too-long", "Address too long", "The address is longer than the " + maxUri
                    + " characters this API accepts.");
            return;
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(uri.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            refuse(context, 400, "malformed-request", "Malformed address", "The address is not percent-encoded UTF-8.");
            return;
        }
        if (decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0xfffd)) {
            refuse(context, 400, "malformed-request", "Malformed address",
                    "The address holds control characters or bytes that are not UTF-8.");
            return;
        }
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > maxBody) {
            context.response().putHeader("Connection", "close");
            refuse(context, 413, "body-too-large", "Request body too large", "The request body is larger than the "
                    + maxBody + " bytes this API accepts.");
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String type, String title, String detail) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "https://mydimos.gov.gr/problems/" + type).put("title", title)
                        .put("status", status).put("detail", detail).encode());
    }

    private void forward(RoutingContext context, HttpProxy proxy, List<GatewayConfig.Route> routes,
                                List<String> internal, RateLimiter limiter) {
        String path = context.normalizedPath();
        if (routes.stream().noneMatch(r -> path.startsWith(r.prefix())) || internal.stream().anyMatch(path::startsWith)) {
            context.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "https://mydimos.gov.gr/problems/no-such-api").put("title", "Not Found")
                            .put("status", 404).put("detail", "No API at " + path).encode());
            return;
        }
        OptionalLong retryAfter = limiter.admit(context);
        if (retryAfter.isPresent()) {
            metrics.counter("gateway.rate.limited").increment();
            context.response().setStatusCode(429).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Retry-After", String.valueOf(retryAfter.getAsLong()))
                    .end(new JsonObject().put("type", "https://mydimos.gov.gr/problems/too-many-requests")
                            .put("title", "Too many requests").put("status", 429)
                            .put("detail", "Too many requests in a short time; try again in " + retryAfter.getAsLong() + " s")
                            .encode());
            return;
        }
        // One line per proxied request; the logging context adds its trace and correlation ids. The path names records
        // by reference only, the query (which may hold search words) is left out.
        long began = System.nanoTime();
        context.addEndHandler(ended -> LOG.infof("%s %s -> %d in %d ms", context.request().method(), path,
                context.response().getStatusCode(), (System.nanoTime() - began) / 1_000_000));
        // So that links the services write (Location) point at the gateway, not at themselves.
        context.request().headers()
                .set("X-Forwarded-Host", context.request().authority() == null ? "" : context.request().authority().toString())
                .set("X-Forwarded-Proto", context.request().scheme());
        proxy.handle(context.request());
    }

    /** A service that cannot be reached or does not answer in time is a 502 or 504 problem, never an empty reply. */
    static final class UpstreamFailures implements ProxyInterceptor {
        private final Vertx vertx;
        private final long timeoutMillis;

        UpstreamFailures(Vertx vertx, long timeoutMillis) {
            this.vertx = vertx;
            this.timeoutMillis = timeoutMillis;
        }

        /**
         * Until the service answers, a caller that goes away cancels the service's request (the proxy resets it). Once
         * the answer is here, no more: the caller often closes its connection the moment it has read the answer, and a
         * reset arriving after the service's request completed closed the pooled connection now serving someone
         * else's request — a 502 for them (Vert.x 4.5, eclipse-vertx/vert.x#6294). A body left half-read when the
         * caller goes away is freed by the idle timeout.
         */
        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            context.request().proxiedRequest().response().exceptionHandler(null);
            return context.sendResponse();
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            Promise<ProxyResponse> answer = Promise.promise();
            long timer = vertx.setTimer(timeoutMillis, id -> {
                if (answer.tryFail(new TimeoutException("no response within " + timeoutMillis + " ms"))) {
                    context.request().release(); // gives the upstream request up
                }
            });
            context.sendRequest().onComplete(result -> {
                vertx.cancelTimer(timer);
                boolean delivered = result.succeeded() ? answer.tryComplete(result.result()) : answer.tryFail(result.cause());
                if (!delivered && result.succeeded()) {
                    result.result().release(); // too late: the caller already has the 504
                }
            });
            return answer.future().recover(failure -> {
                boolean timeout = failure instanceof TimeoutException || failure instanceof io.netty.channel.ConnectTimeoutException;
                int status = timeout ? 504 : 502;
                LOG.warnf("%s %s: upstream %s: %s", context.request().getMethod(), context.request().proxiedRequest().path(),
                        timeout ? "timed out" : "failed", failure.toString());
                String body = new JsonObject()
                        .put("type", "https://mydimos.gov.gr/problems/" + (timeout ? "upstream-timeout" : "upstream-unavailable"))
                        .put("title", timeout ? "The service did not answer in time" : "The service is unavailable")
                        .put("status", status)
                        .put("detail", "Please try again shortly.").encode();
                return Future.succeededFuture(context.request().response().setStatusCode(status)
                        .putHeader("Content-Type", "application/problem+json").putHeader("Retry-After", "5")
                        .setBody(Body.body(Buffer.buffer(body))));
            });
        }
    }

    private static int port(GatewayConfig.Route route) {
        return route.url().getPort() > 0 ? route.url().getPort() : "https".equals(route.url().getScheme()) ? 443 : 80;
    }

}
