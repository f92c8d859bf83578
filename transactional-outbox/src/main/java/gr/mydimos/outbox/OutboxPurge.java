package gr.mydimos.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes published events once they are older than {@code outbox.keep-published}: Kafka has them, and they carry
 * what the changes carried (names, e-mail addresses). Unpublished events are never deleted. Idempotent, so every
 * instance may run it.
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);
    private static final String PURGE = "DELETE FROM outbox_event WHERE published_at IS NOT NULL AND published_at < :before";

    @Inject
    Clock clock;
    @ConfigProperty(name = "outbox.keep-published", defaultValue = "P7D")
    Duration keepPublished;

    @Scheduled(every = "${outbox.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    /** Deletes the published events older than their time; answers how many. */
    public Uni<Integer> purge() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(PURGE)
                        .setParameter("before", clock.instant().minus(keepPublished)).executeUpdate()))
                .invoke(purged -> {
                    if (purged > 0) {
                        LOG.infof("Deleted %d published event(s) older than %s", purged, keepPublished);
                    }
                });
    }
}
