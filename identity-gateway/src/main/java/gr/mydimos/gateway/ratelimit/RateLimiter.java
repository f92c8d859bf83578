package gr.mydimos.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j) per client address for every API request, and per person and per address for the rules
 * that protect costly or abusable operations (booking creation, slot search). Buckets live in this instance's memory;
 * with several gateway replicas each enforces its share, which bounds abuse within a factor of the replica count.
 */
@ApplicationScoped
public class RateLimiter {

    private record Limit(long capacity, Duration period) {
        static Limit parse(String value) {
            String[] parts = value.split("/", 2);
            return new Limit(Long.parseLong(parts[0].trim()), Duration.parse(parts[1].trim()));
        }
    }

    private final Cache<String, Bucket> buckets;
    private final Limit perAddress;
    private final Map<String, RateLimitConfig.Rule> rules;

    @Inject
    public RateLimiter(RateLimitConfig config) {
        this.buckets = Caffeine.newBuilder().maximumSize(config.maxTrackedClients()).expireAfterAccess(Duration.ofHours(1)).build();
        this.perAddress = Limit.parse(config.perAddress());
        this.rules = config.rules();
    }

    /** Empty when the request may pass; otherwise the seconds until it may be tried again. */
    public OptionalLong admit(RoutingContext context) {
        String address = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().host();
        String person = person(context);
        String method = context.request().method().name();
        String path = context.normalizedPath(); // what the router routes (non-canonical spellings are refused anyway)
        List<String> keys = new ArrayList<>();
        List<Limit> limits = new ArrayList<>();
        keys.add("address:" + address);
        limits.add(perAddress);
        rules.forEach((name, rule) -> {
            if (!rule.method().equalsIgnoreCase(method) || !matches(rule.path(), path)
                    || rule.roles().isPresent() && rule.roles().get().stream().noneMatch(role -> hasRole(context, role))) {
                return;
            }
            rule.perAddress().ifPresent(l -> {
                keys.add(name + ":address:" + address);
                limits.add(Limit.parse(l));
            });
            if (person != null) {
                rule.perPerson().ifPresent(l -> {
                    keys.add(name + ":person:" + person);
                    limits.add(Limit.parse(l));
                });
            }
        });
        long waitNanos = 0;
        for (int i = 0; i < keys.size(); i++) {
            Limit limit = limits.get(i);
            ConsumptionProbe probe = buckets.get(keys.get(i), k -> Bucket.builder()
                            .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                            .build())
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                waitNanos = Math.max(waitNanos, probe.getNanosToWaitForRefill());
            }
        }
        return waitNanos == 0 ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1)));
    }

    private static boolean hasRole(RoutingContext context, String role) {
        return context.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity().hasRole(role);
    }

    private static String person(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return user.getSecurityIdentity().getPrincipal().getName();
        }
        return null;
    }

    private static boolean matches(String pattern, String path) {
        return pattern.endsWith("*") ? path.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(path);
    }
}
