package gr.mydimos.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Each measured request's latency and status, per phase, so that warm-up is left out and each phase prints its own
 * line: throughput, p50/p95/p99 and the answers by status.
 */
final class Figures {

    /** endedAt: wall-clock milliseconds, which the bench's CPU samples are taken by too. */
    private record Sample(long nanos, int status, long endedAt, boolean retryAfter) {
    }

    private final Map<String, ConcurrentLinkedQueue<Sample>> phases = new ConcurrentHashMap<>();

    void record(String phase, long nanos, int status) {
        record(phase, nanos, status, false);
    }

    private void record(String phase, long nanos, int status, boolean retryAfter) {
        phases.computeIfAbsent(phase, p -> new ConcurrentLinkedQueue<>())
                .add(new Sample(nanos, status, System.currentTimeMillis(), retryAfter));
    }

    /**
     * The scenarios' booking request (the session's token, key and body), timed into these figures under name;
     * Gatling counts the statuses outside accepted as failures.
     */
    ChainBuilder timedBooking(String name, Integer... accepted) {
        return exec(session -> session.set("sent", System.nanoTime()))
                .exec(http(name).post("/api/bookings").header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{key}").body(StringBody("#{body}"))
                        .check(status().in(accepted)).check(status().saveAs("status"))
                        .check(header("Retry-After").optional().saveAs("retryAfter")))
                .exec(session -> {
                    record(name, System.nanoTime() - session.getLong("sent"),
                            session.contains("status") ? session.getInt("status") : 0, session.contains("retryAfter"));
                    return session.remove("retryAfter");
                });
    }

    /**
     * One line: requests, throughput over the phase's span (from startedMillis, wall clock, to the last answer),
     * latency percentiles, statuses.
     */
    String line(String phase, long startedMillis) {
        List<Sample> samples = new ArrayList<>(phases.getOrDefault(phase, new ConcurrentLinkedQueue<>()));
        if (samples.isEmpty()) {
            return "%-16s no requests".formatted(phase);
        }
        long last = samples.stream().mapToLong(Sample::endedAt).max().orElseThrow();
        double seconds = (last - startedMillis) / 1e3;
        List<Double> millis = samples.stream().map(s -> s.nanos() / 1e6).sorted().toList();
        Map<Integer, Integer> statuses = new TreeMap<>();
        samples.forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
        long serverErrors = samples.stream().filter(s -> s.status() >= 500 || s.status() == 0).count();
        return "%-16s %6d requests in %5.1f s = %7.1f req/s   p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms   statuses %s   5xx/none %d"
                .formatted(phase, samples.size(), seconds, samples.size() / seconds, LocalSystem.percentile(millis, 50),
                        LocalSystem.percentile(millis, 95), LocalSystem.percentile(millis, 99), statuses, serverErrors);
    }

    /**
     * The phase's span and how many operations of it succeeded (the statuses given), for deploy/local/bench to put the
     * CPU each process spent in that span per operation: {@code PHASE name fromMillis toMillis operations}.
     */
    String span(String phase, long startedMillis, int... succeeded) {
        List<Sample> samples = new ArrayList<>(phases.getOrDefault(phase, new ConcurrentLinkedQueue<>()));
        long last = samples.stream().mapToLong(Sample::endedAt).max().orElse(startedMillis);
        long operations = samples.stream().filter(s -> java.util.Arrays.stream(succeeded).anyMatch(ok -> ok == s.status())).count();
        return "PHASE %s %d %d %d".formatted(phase, startedMillis, last, operations);
    }

    /**
     * The phase's answers by status, each with its latency (p50, p99, max) and how many carried Retry-After: whether
     * the excess of an overload was refused at once and told when to come back.
     */
    String byStatus(String phase) {
        Map<Integer, List<Sample>> statuses = new TreeMap<>();
        phases.getOrDefault(phase, new ConcurrentLinkedQueue<>()).forEach(s -> statuses.computeIfAbsent(s.status(),
                x -> new ArrayList<>()).add(s));
        StringBuilder line = new StringBuilder("%-16s".formatted(phase));
        statuses.forEach((status, samples) -> {
            List<Double> millis = samples.stream().map(s -> s.nanos() / 1e6).sorted().toList();
            line.append("   %d × %d: p50 %.1f ms, p99 %.1f ms, max %.1f ms, Retry-After on %d".formatted(samples.size(),
                    status, LocalSystem.percentile(millis, 50), LocalSystem.percentile(millis, 99),
                    millis.get(millis.size() - 1), samples.stream().filter(Sample::retryAfter).count()));
        });
        return line.toString();
    }

    long count(String phase, int status) {
        return phases.getOrDefault(phase, new ConcurrentLinkedQueue<>()).stream().filter(s -> s.status() == status).count();
    }
}
