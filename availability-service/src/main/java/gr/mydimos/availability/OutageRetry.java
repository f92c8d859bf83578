package gr.mydimos.availability;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How the Kafka consumers apply an event: a database restart or failover (pooled connections reset) is waited out,
 * the work built anew for each try; a long outage fails the channel (health DOWN, restart), and the uncommitted
 * offset brings the event back.
 */
public final class OutageRetry {

    private OutageRetry() {
    }

    public static <T> Uni<T> applied(Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().deferred(work)
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).atMost(6);
    }
}
