package gr.mydimos.notification.retention;

import gr.mydimos.notification.NotificationConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps personal data no longer than needed: messages hold names, addresses and the booking as the event
 * carried it, so they are deleted {@code notification.keep-for} after the appointment ended; processed event ids
 * as long, far beyond any redelivery.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    @Inject
    NotificationConfig config;
    @Inject
    Clock clock;

    @Scheduled(every = "${notification.retention-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return forget().replaceWithVoid();
    }

    /** Deletes what is past retention; answers how many messages went. */
    public Uni<Integer> forget() {
        Instant before = clock.instant().minus(config.keepFor());
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("DELETE FROM message WHERE appointment_end < :before")
                .setParameter("before", before).executeUpdate()
                .call(deleted -> session.createNativeQuery("DELETE FROM processed_event WHERE processed_at < :before")
                        .setParameter("before", before).executeUpdate())))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("Deleted %d messages of appointments that ended before %s", deleted, before);
                    }
                });
    }
}
