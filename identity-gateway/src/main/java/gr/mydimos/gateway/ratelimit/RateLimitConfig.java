package gr.mydimos.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ID-4 abuse limits, as "requests/ISO-8601 period" (e.g. {@code 10/PT1M}): one for every API request per address, and
 * stricter named rules per person (token subject) and per address for chosen method and path.
 */
@ConfigMapping(prefix = "gateway.rate-limits")
public interface RateLimitConfig {

    /** Every /api request, per client address. */
    @WithDefault("600/PT1M")
    String perAddress();

    /** How many clients' buckets are kept in memory at most (least recently used go first). */
    @WithDefault("100000")
    long maxTrackedClients();

    Map<String, Rule> rules();

    interface Rule {
        /** HTTP method the rule applies to. */
        String method();

        /** The path; a trailing '*' makes it a prefix. */
        String path();

        /** When set, the rule applies only to callers with one of these roles (clerks book many calls a day). */
        Optional<Set<String>> roles();

        Optional<String> perPerson();

        Optional<String> perAddress();
    }
}
