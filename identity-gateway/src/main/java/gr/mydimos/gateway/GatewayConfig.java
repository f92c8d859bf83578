package gr.mydimos.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Named routes: requests whose path starts with the prefix go to the service at url, path unchanged. */
    Map<String, Route> routes();

    /** Path prefixes of APIs that only services call one another on: answered 404 here, as if they did not exist. */
    @WithDefault("/api/availability/holds")
    List<String> internalPaths();

    @WithDefault("PT2S")
    Duration connectTimeout();

    /** A service whose response has not begun after this long is given up on: 504. */
    @WithDefault("PT25S")
    Duration responseTimeout();

    /** A service that sends nothing for this long is given up on. */
    @WithDefault("PT30S")
    Duration idleTimeout();

    interface Route {
        String prefix();

        URI url();
    }
}
