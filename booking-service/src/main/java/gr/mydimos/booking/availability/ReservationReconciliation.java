package gr.mydimos.booking.availability;

import gr.mydimos.booking.BookingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Finds the reservations availability keeps that no booking uses, and frees them (AV-6: a time taken for a booking
 * not made is given back). A booking takes its reservation before the booking's own transaction commits; if this
 * service dies in between, or the release after a failed commit is lost, an employee's time would stay taken for
 * nobody. So, on its own, every {@code booking.reconcile-every}: the
 * reservations taken in the last {@code booking.reconcile-lookback}, up to {@code booking.reconcile-grace} ago
 * (a booking being made right now is not yet committed), are compared with those that bookings and open transfer
 * proposals hold; the others are released, each logged and counted.
 */
@ApplicationScoped
public class ReservationReconciliation {

    private static final Logger LOG = Logger.getLogger(ReservationReconciliation.class);

    @RestClient
    AvailabilityApi availability;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;
    @Inject
    BookingConfig config;

    @Scheduled(every = "${booking.reconcile-every}", delayed = "${booking.reconcile-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return reconcile().onFailure().recoverWithItem(failure -> {
            LOG.warnf("reservation reconciliation failed, trying again next time: %s", failure.toString());
            return 0;
        }).replaceWithVoid();
    }

    /** Releases the reservations no booking uses; answers how many. */
    public Uni<Integer> reconcile() {
        Instant now = clock.instant();
        return availability.kept(now.minus(config.reconcileLookback()), now.minus(config.reconcileGrace())).flatMap(confirmed -> confirmed.isEmpty()
                ? Uni.createFrom().item(0)
                : inUse(confirmed.stream().map(AvailabilityApi.Reservation::id).toList()).flatMap(used -> {
                    List<AvailabilityApi.Reservation> orphans = confirmed.stream().filter(r -> !used.contains(r.id())).toList();
                    return Multi.createFrom().iterable(orphans)
                            .onItem().transformToUniAndConcatenate(r -> availability.release(r.id(), r.bookingReference())
                                    .map(released -> {
                                        LOG.warnf("released reservation %s of %s: no booking uses it", r.id(), r.bookingReference());
                                        metrics.counter("booking.reservations.orphaned").increment();
                                        return true;
                                    })
                                    .onFailure().recoverWithItem(failure -> { // the others are still released
                                        LOG.warnf("reservation %s of %s not released now, next time: %s", r.id(),
                                                r.bookingReference(), failure.toString());
                                        return false;
                                    }))
                            .filter(released -> released).collect().asList().map(List::size);
                }));
    }

    /**
     * Which of the reservations a booking (not cancelled) or an open transfer proposal holds, read in one statement:
     * a proposal accepted meanwhile is seen either as the open proposal or as the booking's reservation, never as
     * neither. SQL rather than the entities, so that reading them does not tie this package to the bookings'.
     */
    private static Uni<Set<UUID>> inUse(List<UUID> reservations) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        SELECT reservation_id FROM transfer WHERE reservation_id IN (:ids) AND status = 'PROPOSED'
                        UNION SELECT reservation_id FROM booking WHERE reservation_id IN (:ids) AND status <> 'CANCELLED'""",
                        UUID.class).setParameter("ids", reservations).getResultList()))
                .map(HashSet::new);
    }
}
