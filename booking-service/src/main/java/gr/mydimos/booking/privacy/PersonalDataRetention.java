package gr.mydimos.booking.privacy;

import gr.mydimos.booking.BookingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
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

    private static final String ANONYMISE = """
            UPDATE booking SET person_full_name = '', person_email = '', booker_email = NULL, person_phone = '', third_party_email = NULL,
                owner_tax_id = NULL, created_by = NULL, idempotency_key = NULL, request_hash = NULL, video_link = NULL,
                video_token = NULL, third_party_video_token = NULL, interpreter_video_token = NULL, identity_checked_by = NULL,
                status_changed_by = NULL, limit_override_reason = NULL, anonymised_at = :now
            WHERE anonymised_at IS NULL AND ends_at < :before""";

    @Inject
    Clock clock;
    @Inject
    BookingConfig config;

    @Scheduled(every = "${booking.anonymise-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> anonymise() {
        Instant now = clock.instant();
        Instant before = now.minus(config.keepPersonalDataFor());
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(ANONYMISE)
                        .setParameter("now", now).setParameter("before", before).executeUpdate()
                        .invoke(bookings -> {
                            if (bookings > 0) {
                                LOG.infof("Personal data erased from %d booking(s)", bookings);
                            }
                        })))
                .replaceWithVoid();
    }
}
