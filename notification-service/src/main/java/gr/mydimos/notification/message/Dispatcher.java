package gr.mydimos.notification.message;

import gr.mydimos.notification.NotificationConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends due messages. Rows are claimed with FOR UPDATE SKIP LOCKED, so instances running side by side never send
 * the same message; a failed send is retried with a doubling delay, then marked FAILED for an operator.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final String CLAIM = """
            SELECT * FROM message WHERE status = 'PENDING' AND next_attempt_at <= :now
            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""";

    @Inject
    ReactiveMailer mailer;
    @Inject
    MailComposer composer;
    @Inject
    NotificationConfig config;
    @Inject
    Clock clock;

    @Scheduled(every = "${notification.dispatch.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> dispatch() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(CLAIM, Message.class)
                        .setParameter("now", now).setParameter("limit", config.dispatch().batchSize()).getResultList())
                .flatMap(this::sendAll));
    }

    /** Sends right after new messages are planned instead of waiting for the next tick; runs on its own context. */
    public void wakeUp() {
        Context context = VertxContext.createNewDuplicatedContext();
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> dispatch().subscribe().with(
                done -> { },
                failure -> LOG.debugf("Dispatch wake-up failed, the next tick retries: %s", failure.toString())));
    }

    private Uni<Void> sendAll(List<Message> messages) {
        return Multi.createFrom().iterable(messages)
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> send(Message message) {
        return mailer.send(composer.compose(message))
                .invoke(() -> {
                    message.attempts++;
                    message.status = Message.Status.SENT;
                    message.sentAt = clock.instant();
                })
                .onFailure().recoverWithItem(failure -> {
                    message.attempts++;
                    message.lastError = failure.toString();
                    if (message.attempts >= config.dispatch().maxAttempts()) {
                        message.status = Message.Status.FAILED;
                        LOG.errorf("Message %s (%s of booking %s) FAILED after %d attempts: %s", message.id,
                                message.kind, message.bookingReference, message.attempts, failure.toString());
                    } else {
                        message.nextAttemptAt = clock.instant()
                                .plus(config.dispatch().firstRetryDelay().multipliedBy(1L << (message.attempts - 1)));
                        LOG.warnf("Message %s not sent (attempt %d), retrying at %s: %s", message.id,
                                message.attempts, message.nextAttemptAt, failure.toString());
                    }
                    return null;
                });
    }
}
