package gr.mydimos.booking.stats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Business metric {@code bookings_upcoming{status}}: appointments from now on, by status, read from the database every
 * {@code booking.metrics-every} (one grouped query on the start-time index). Changes as they happen are counted by the
 * outbox relay ({@code outbox_published_total{type}}), which counts committed changes only.
 */
@ApplicationScoped
public class UpcomingBookingsGauge {

    @Inject
    MeterRegistry metrics;
    @Inject
    Clock clock;

    private MultiGauge upcoming;

    @PostConstruct
    void register() {
        upcoming = MultiGauge.builder("bookings.upcoming").description("Upcoming appointments by status").register(metrics);
    }

    @Scheduled(every = "${booking.metrics-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT status, count(*) FROM booking WHERE starts_at >= :now GROUP BY status",
                                Object[].class)
                        .setParameter("now", clock.instant()).getResultList()))
                .invoke(rows -> upcoming.register(rows.stream()
                        .map(row -> MultiGauge.Row.of(Tags.of("status", (String) row[0]), ((Number) row[1]).doubleValue()))
                        .toList(), true))
                .replaceWithVoid();
    }
}
