package gr.mydimos.availability.reservation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Releases holds nobody confirmed in time (AV-6). Slot search already ignores them; the sweep makes the state true in
 * the table too. Safe on several instances at once: each runs one idempotent UPDATE.
 */
@ApplicationScoped
public class HoldSweeper {

    private static final Logger LOG = Logger.getLogger(HoldSweeper.class);

    @Inject
    Reservations reservations;
    @Inject
    MeterRegistry metrics;

    @Scheduled(every = "${availability.hold-sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> sweep() {
        return Panache.withTransaction(reservations::expireDueHolds)
                .invoke(expired -> {
                    if (expired > 0) {
                        metrics.counter("availability.holds.expired").increment(expired);
                        LOG.infof("Expired %d unconfirmed holds", expired);
                    }
                }).replaceWithVoid();
    }
}
