package gr.mydimos.gateway.proxy;

import gr.mydimos.correlation.CoarsePathTemplate;
import gr.mydimos.correlation.RequestCorrelation;
import gr.mydimos.gateway.GatewayConfig;
import gr.mydimos.gateway.Problems;
import gr.mydimos.gateway.audit.AuditRecorder;
import gr.mydimos.gateway.ratelimit.RateLimiter;
import gr.mydimos.problems.types.Language;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;

/**
 * Routes /api/** to the services with Vert.x's reverse proxy: bodies are streamed, not buffered. The token was
 * validated by Quarkus' HTTP security before this handler runs and is passed on for the services to check again: the
 * caller's bearer token, or the one the gateway holds for a browser's sign-in session.
 */
@ApplicationScoped
public class ReverseProxy {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReverseProxy.class);

    @Inject
    MeterRegistry metrics;

    private String publicHost;
    private String publicScheme;

    void route(@Observes Router router, Vertx vertx, GatewayConfig config, RateLimiter limiter, AuditRecorder audit) {
        publicHost = config.publicUrl().getAuthority();
        publicScheme = config.publicUrl().getScheme();
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setKeepAlive(true)
                // The pool retires an unused connection before the idle timeout closes it under a request just given it.
                .setKeepAliveTimeout((int) Math.max(1, config.idleTimeout().toSeconds() / 2))
                // It looks for them every 5 s, not every second (so that an idle gateway sleeps), and always in time.
                .setPoolCleanerPeriod((int) Math.min(5_000, config.idleTimeout().toMillis() / 4))
                .setMaxPoolSize(config.connectionsPerService())
                .setMaxWaitQueueSize(config.maxQueuedPerService())));
        // Longest prefix first, so that a more specific route wins.
        List<GatewayConfig.Route> routes = config.routes().values().stream()
                .sorted(Comparator.comparingInt((GatewayConfig.Route r) -> r.prefix().length()).reversed())
                .toList();
        // one queue per service address, as Vert.x pools connections per address; found by route on each request
        Map<String, ServiceQueue> byAddress = new HashMap<>();
        Map<GatewayConfig.Route, ServiceQueue> queues = new IdentityHashMap<>();
        routes.forEach(r -> queues.put(r, byAddress.computeIfAbsent(address(r), a -> new ServiceQueue(System::nanoTime))));
        proxy.origin(context -> origin(context, routes, queues, config.queueTimeout(), config.maxExpectedWait()));
        proxy.addInterceptor(new UpstreamFailures(vertx, config.responseTimeout().toMillis(),
                config.retryAfter().toSeconds(), metrics));
        List<String> cacheable = config.cacheablePaths();
        proxy.addInterceptor(new ProxyInterceptor() {
            /** A body that came without a length was read whole and counted (MalformedRequests); it is sent as read. */
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                MalformedRequests.bufferedBody().ifPresent(body -> {
                    context.request().headers().remove("Transfer-Encoding");
                    context.request().setBody(Body.body(body));
                });
                return context.sendRequest();
            }

            /**
             * The answer carries the gateway's correlation id already; the service's copy would be a second header. A
             * service never sets cookies on the site's origin, where the browsers' sign-in sessions live. Every answer
             * is no-store (the gateway's default header) but those of the public APIs listed as cacheable (the slot
             * search: kept, revalidated by its ETag), whose service says how they may be cached: taken at its word
             * instead of beside no-store, which would win. Nothing personal is ever kept by a browser or a proxy.
             */
            @Override
            public Future<Void> handleProxyResponse(ProxyContext context) {
                MultiMap headers = context.response().headers();
                headers.remove(RequestCorrelation.HEADER).remove(HttpHeaders.SET_COOKIE);
                HttpServerRequest edge = context.request().proxiedRequest();
                if (headers.contains(HttpHeaders.CACHE_CONTROL)) {
                    if (cacheable.stream().anyMatch(edge.path()::equals)) {
                        edge.response().headers().remove(HttpHeaders.CACHE_CONTROL);
                    } else {
                        headers.remove(HttpHeaders.CACHE_CONTROL);
                    }
                }
                return context.sendResponse();
            }
        });
        List<String> internal = config.internalPaths();
        MalformedRequests malformed = new MalformedRequests(config.maxBodySize().asLongValue(), config.maxUriLength(),
                config.bodyTimeout().toMillis());
        router.route("/api/*").handler(context -> {
            audit.onEnd(context); // whatever answers from here on, malformed or not
            // every request counts against its address, malformed ones too (each is audited)
            if (!limited(context, limiter)) {
                malformed.handle(context);
            }
        });
        router.route("/api/*").handler(context -> forward(context, proxy, routes, internal));
    }

    private void forward(RoutingContext context, HttpProxy proxy, List<GatewayConfig.Route> routes,
                         List<String> internal) {
        String path = context.normalizedPath();
        if (routes.stream().noneMatch(r -> path.startsWith(r.prefix())) || internal.stream().anyMatch(path::startsWith)) {
            Problems.refuse(context, ProblemType.NOT_FOUND, Text.of("Δεν υπάρχει API σε αυτή τη διεύθυνση.",
                    "There is no API at this address."));
            return;
        }
        // One line per proxied request; the logging context adds its trace and correlation ids. The path is logged by
        // its template (it may hold a tax number), the query (which may hold search words) is left out.
        long began = System.nanoTime();
        String template = CoarsePathTemplate.of(path);
        context.addEndHandler(ended -> LOG.infof("%s %s -> %d in %d ms", context.request().method(), template,
                context.response().getStatusCode(), (System.nanoTime() - began) / 1_000_000));
        // So that links the services write (Location) point at the gateway's public address, not at themselves, nor at
        // a Host the caller made up.
        context.request().headers().set("X-Forwarded-Host", publicHost).set("X-Forwarded-Proto", publicScheme)
                .remove("X-Forwarded-Port").remove("Forwarded").remove("X-Forwarded-Prefix");
        // the services get the gateway's trace context, set when the request goes out, never a client's (EdgePropagation)
        context.request().headers().remove("traceparent").remove("tracestate").remove("baggage");
        // A browser signed in here sent its session cookie: the services get the access token the session holds
        // (AccessTokenCredential, refreshed by Quarkus before it expires) and never the cookie.
        if (!context.request().headers().contains(HttpHeaders.AUTHORIZATION) && context.user() instanceof QuarkusHttpUser user) {
            AccessTokenCredential token = user.getSecurityIdentity().getCredential(AccessTokenCredential.class);
            if (token != null) {
                context.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
            }
        }
        context.request().headers().remove(HttpHeaders.COOKIE);
        // the services trust the gateway's word on the caller's address, so it is the gateway's own finding
        if (context.request().remoteAddress() != null) {
            context.request().headers().set("X-Forwarded-For", context.request().remoteAddress().host());
        } else {
            context.request().headers().remove("X-Forwarded-For");
        }
        proxy.handle(context.request());
    }

    /** Answers 429 when the request is over one of its limits (ID-4). */
    private boolean limited(RoutingContext context, RateLimiter limiter) {
        OptionalLong retryAfter = limiter.admit(context);
        if (retryAfter.isEmpty()) {
            return false;
        }
        metrics.counter("gateway.rate.limited").increment();
        context.response().putHeader("Retry-After", String.valueOf(retryAfter.getAsLong()));
        Problems.refuse(context, ProblemType.TOO_MANY_REQUESTS, Text.of(
                "Πάρα πολλά αιτήματα σε λίγο χρόνο· δοκιμάστε ξανά σε " + retryAfter.getAsLong()
                        + (retryAfter.getAsLong() == 1 ? " δευτερόλεπτο." : " δευτερόλεπτα."),
                "Too many requests in a short time; try again in " + retryAfter.getAsLong() + " s."));
        return true;
    }

    /**
     * The request to the service, on one of the pooled connections to it. This is where load is shed: a service has at
     * most connections-per-service of the gateway's requests at a time; more wait here, up to max-queued-per-service
     * of them for at most queue-timeout. Under sustained overload a request is refused at once (503, see
     * {@link ServiceBusy}) when, at the rate the service has been freeing connections, it would wait longer than
     * max-expected-wait ({@link ServiceQueue}); so is one beyond the count, and one that waited the whole timeout all
     * the same. So an overloaded service works through a short backlog, and the excess learns so at once. A request
     * whose caller has gone (or was given its 504) by the time a connection is free is not sent at all.
     */
    private static Future<HttpClientRequest> origin(ProxyContext context, List<GatewayConfig.Route> routes,
                                                    Map<GatewayConfig.Route, ServiceQueue> queues, Duration queueTimeout,
                                                    Duration maxExpectedWait) {
        HttpServerRequest edge = context.request().proxiedRequest();
        GatewayConfig.Route route = routes.stream().filter(r -> edge.path().startsWith(r.prefix())).findFirst()
                .orElseThrow(); // forward() answered 404 for any path without a route
        RequestOptions options = new RequestOptions().setConnectTimeout(queueTimeout.toMillis())
                .setServer(SocketAddress.inetSocketAddress(port(route), route.url().getHost()));
        ServiceQueue queue = queues.get(route);
        if (!queue.admit(maxExpectedWait.toNanos())) {
            return Future.failedFuture(new ServiceBusy("it would wait longer than " + maxExpectedWait.toMillis() + " ms"));
        }
        Future<HttpClientRequest> connection;
        try {
            connection = context.client().request(options);
        } catch (RuntimeException closed) { // the client closed under a request, at shutdown
            queue.gaveUp();
            throw closed;
        }
        return connection
                .onSuccess(granted -> queue.granted())
                .onFailure(refused -> queue.gaveUp())
                .recover(failure -> Future.failedFuture(failure instanceof ConnectionPoolTooBusyException
                        || failure instanceof TimeoutException ? new ServiceBusy(failure.getMessage()) : failure))
                .compose(request -> {
                    if (edge.response().ended() || edge.response().closed()) {
                        request.reset(); // not sent yet: the connection goes back to the pool
                        return Future.failedFuture(new CallerGone());
                    }
                    return Future.succeededFuture(UpstreamRequests.resetOnlyInFlight(request));
                });
    }

    /** The service already has as many of the gateway's requests as it is allowed, and more would wait too long for it. */
    static final class ServiceBusy extends RuntimeException {
        ServiceBusy(String why) {
            super(why, null, false, false);
        }
    }

    static final class CallerGone extends RuntimeException {
        CallerGone() {
            super("the caller has gone", null, false, false);
        }
    }

    /** A service that cannot be reached or does not answer in time is a 502 or 504 problem, never an empty reply. */
    static final class UpstreamFailures implements ProxyInterceptor {
        private final Vertx vertx;
        private final long timeoutMillis;
        private final String retryAfter;
        private final io.micrometer.core.instrument.Counter busy;

        UpstreamFailures(Vertx vertx, long timeoutMillis, long retryAfterSeconds, MeterRegistry metrics) {
            this.vertx = vertx;
            this.timeoutMillis = timeoutMillis;
            this.retryAfter = String.valueOf(retryAfterSeconds);
            this.busy = metrics.counter("gateway.upstream.busy");
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
                String path = CoarsePathTemplate.of(context.request().proxiedRequest().path());
                if (failure instanceof CallerGone) {
                    LOG.debugf("%s %s: not sent, the caller has gone", context.request().getMethod(), path);
                    return Future.succeededFuture(problem(context, ProblemType.UPSTREAM_UNAVAILABLE));
                }
                if (failure instanceof ServiceBusy) {
                    busy.increment();
                    LOG.debugf("%s %s: refused, the service is busy (%s)", context.request().getMethod(), path, failure.getMessage());
                    return Future.succeededFuture(problem(context, ProblemType.SERVICE_BUSY));
                }
                boolean timeout = failure instanceof TimeoutException || failure instanceof io.netty.channel.ConnectTimeoutException;
                LOG.warnf("%s %s: upstream %s: %s", context.request().getMethod(), path, timeout ? "timed out" : "failed",
                        failure.toString());
                return Future.succeededFuture(timeout
                        ? problem(context, ProblemType.UPSTREAM_TIMEOUT)
                        : problem(context, ProblemType.UPSTREAM_UNAVAILABLE));
            });
        }

        private ProxyResponse problem(ProxyContext context, ProblemType type) {
            Language language = Language.preferredBy(context.request().headers().get("Accept-Language"));
            String body = Problems.body(type, Text.of("Παρακαλούμε δοκιμάστε ξανά σε λίγο.", "Please try again shortly."),
                    context.request().proxiedRequest().path(), language, null);
            ProxyResponse response = context.request().response().setStatusCode(type.status()).putHeader("Retry-After", retryAfter);
            Problems.headers(response.headers(), language);
            return response.setBody(Body.body(Buffer.buffer(body)));
        }
    }

    /** The address Vert.x pools the connections to a route's service by. */
    private static String address(GatewayConfig.Route route) {
        return route.url().getHost() + ":" + port(route);
    }

    private static int port(GatewayConfig.Route route) {
        return route.url().getPort() > 0 ? route.url().getPort() : "https".equals(route.url().getScheme()) ? 443 : 80;
    }

}
