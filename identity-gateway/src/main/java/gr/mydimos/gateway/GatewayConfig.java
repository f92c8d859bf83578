package gr.mydimos.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Named routes: requests whose path starts with the prefix go to the service at url, path unchanged. */
    Map<String, Route> routes();

    /** Where the public reaches the API (scheme, host and port): the services' links point there. */
    URI publicUrl();

    /** Path prefixes of APIs that only services call one another on: answered 404 here, as if they did not exist. */
    @WithDefault("/api/availability/reservations,/api/availability/internal")
    List<String> internalPaths();

    @WithDefault("PT2S")
    Duration connectTimeout();

    /** A service whose response has not begun after this long is given up on: 504. */
    @WithDefault("PT25S")
    Duration responseTimeout();

    /** A service that sends nothing for this long is given up on. */
    @WithDefault("PT30S")
    Duration idleTimeout();

    /**
     * Open connections to each service; more concurrent requests wait for one. Vert.x's default of 5 queued a busy
     * gateway's requests behind each other while the services had cores to spare.
     */
    @WithDefault("64")
    int connectionsPerService();

    /**
     * Requests that may wait for a connection to one service when all are busy; beyond that the service is shed: 503
     * at once, with Retry-After. Together with the connections this bounds the work an overloaded service has queued.
     */
    @WithDefault("1000")
    int maxQueuedPerService();

    /** A request that has waited this long for a connection to its service is refused with 503 instead of being sent. */
    @WithDefault("PT20S")
    Duration queueTimeout();

    /**
     * Under sustained overload of a service (requests have waited for it for 3 s on end), a request that would wait
     * longer than this for it, at the rate it has been freeing connections, is refused at once with 503.
     */
    @WithDefault("PT5S")
    Duration maxExpectedWait();

    /**
     * Public APIs whose answers browsers and proxies may keep as their service says (its Cache-Control); every other
     * answer is no-store, whatever the service says.
     */
    @WithDefault("/api/availability/slots")
    List<String> cacheablePaths();

    /** What the 502, 503 and 504 problems tell the caller to wait before trying again. */
    @WithDefault("PT5S")
    Duration retryAfter();

    /** The largest request body (by its Content-Length) passed on; a larger one is refused with 413. */
    @WithDefault("64K")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    /** A body sent without a length must have arrived whole within this time; otherwise 408. */
    @WithDefault("PT10S")
    Duration bodyTimeout();

    /** The longest address (path and query) passed on; a longer one is refused with 414 (the services take 4096). */
    @WithDefault("4000")
    int maxUriLength();

    /** The citizen portal's built pages (Vite's output), served at / from the same origin as the API; empty: none. */
    Optional<String> portalDir();

    /** The back office's built pages, served at /office/ (signed in through the employees' realm); empty: none. */
    Optional<String> backofficeDir();

    interface Route {
        String prefix();

        URI url();

        /** Whether the service writes an OpenAPI document to merge (the video calls' WebSocket is described here). */
        @WithDefault("true")
        boolean documented();
    }
}
