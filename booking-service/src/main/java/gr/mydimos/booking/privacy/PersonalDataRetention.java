package gr.mydimos.booking.privacy;

import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.booking.Booking;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * a configurable time after an appointment ends, the booking's personal data is erased (the person's name,
 * contacts, tax number, who created it, the video link); published events, which carry names and emails, are deleted
 * by the outbox itself after the same time ({@code outbox.keep-published}). Counts for statistics survive. Idempotent,
 * so several instances may run it.
 */
@ApplicationScoped
public class PersonalDataRetention {

    private static final Logger LOG = Logger.getLogger(PersonalDataRetention.class);

    /** Bookings erased per transaction: short transactions, however many fall due at once. */
    private static final int PAGE = 500;

    @Inject
    Clock clock;
    @Inject
    BookingConfig config;

    @Scheduled(every = "${booking.anonymise-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> anonymise() {
        Instant now = clock.instant();
        return anonymiseDue(now, now.minus(config.keepPersonalDataFor()), 0);
    }

    /**
     * One page of bookings whose time ended before {@code before}, each erased by its own rule ({@link Booking#anonymise}),
     * then the next page. Rows are locked: another instance waits, then finds them erased and skips them.
     */
    private Uni<Void> anonymiseDue(Instant now, Instant before, int erased) {
        return Panache.withTransaction(() -> Booking.<Booking>find("anonymisedAt is null and endsAt < ?1", before)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, PAGE).list()
                        .invoke(due -> due.forEach(b -> b.anonymise(now))).map(List::size))
                .flatMap(count -> {
                    if (count == PAGE) {
                        return anonymiseDue(now, before, erased + count);
                    }
                    if (erased + count > 0) {
                        LOG.infof("Personal data erased from %d booking(s)", erased + count);
                    }
                    return Uni.createFrom().voidItem();
                });
    }
}
