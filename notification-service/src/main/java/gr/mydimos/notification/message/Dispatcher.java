package gr.mydimos.notification.message;

import gr.mydimos.notification.NotificationConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

/**
 * Sends due messages. Rows are claimed with FOR UPDATE SKIP LOCKED inside the transaction that records the outcome,
 * so instances running side by side never send the same message and a crash before the commit leaves the message
 * PENDING to be claimed again. A failed send is retried with a doubling delay, then marked FAILED for an operator.
 * <p>
 * Idle, it reads the database only when something can be due: it keeps when the earliest pending message falls due,
 * and learns of messages planned (or made pending again) from a PostgreSQL notification (V4), whichever instance or
 * person wrote them.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** In HQL: a native select adds a query plan to Hibernate's cache at every call (docs/performance.md). */
    private static final String CLAIM = "FROM Message WHERE status = 'PENDING' AND nextAttemptAt <= :now ORDER BY nextAttemptAt";
    private static final String NEXT_DUE = "SELECT min(nextAttemptAt) FROM Message WHERE status = 'PENDING'";
    private static final String PLANNED_CHANNEL = "message_planned";
    private static final long RELISTEN_AFTER_MS = 5_000;
    /** Of the given reminders, those for which a later reminder of the same appointment to the same person is due too. */
    private static final String SUPERSEDED = """
            SELECT r.id FROM message r WHERE r.id IN (:ids) AND EXISTS (SELECT 1 FROM message l
                WHERE l.booking_reference = r.booking_reference AND l.recipient = r.recipient AND l.kind = 'REMINDER'
                AND l.status = 'PENDING' AND l.due_at > r.due_at AND l.due_at <= :now)""";

    @Inject
    MailServer mailServer;
    @Inject
    MailComposer composer;
    @Inject
    NotificationConfig config;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    private final AtomicBoolean wakeUpRunning = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger roundsInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean stopping;
    private final AtomicBoolean wakeUpAgain = new AtomicBoolean();
    private PgSubscriber subscriber;

    // When the earliest pending message falls due and when to read it again, as last read; guarded by this. Plannings
    // are counted so that a read begun before one cannot put off the messages it planned.
    private Instant nextDue = Instant.MIN;
    private Instant nextLook = Instant.MIN;
    private long plannings;

    @Scheduled(every = "${notification.dispatch.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        if (!somethingMayBeDue(clock.instant())) {
            return Uni.createFrom().voidItem();
        }
        return drain().chain(this::lookAhead);
    }

    synchronized boolean somethingMayBeDue(Instant now) {
        return !now.isBefore(nextDue) || !now.isBefore(nextLook);
    }

    /** Messages were planned, here or by another instance (or notifications may have been missed): the next tick reads. */
    private synchronized void planned() {
        plannings++;
        nextDue = Instant.MIN;
    }

    /** Reads when the earliest pending message falls due (a retry's next attempt included). */
    private Uni<Void> lookAhead() {
        long seen;
        synchronized (this) {
            seen = plannings;
        }
        Instant now = clock.instant();
        return Panache.withSession(() -> Panache.getSession()
                        .flatMap(session -> session.createSelectionQuery(NEXT_DUE, Instant.class).getSingleResultOrNull()))
                .invoke(earliest -> {
                    synchronized (this) {
                        nextLook = now.plus(config.dispatch().lookEvery());
                        if (plannings == seen) {
                            nextDue = earliest == null ? Instant.MAX : earliest;
                        }
                    }
                })
                .replaceWithVoid();
    }

    void startListening(@Observes StartupEvent started) {
        listen();
    }

    /**
     * Listens for new messages on a connection of its own. A lost connection is opened again by the subscriber, and
     * once it listens the next tick reads (what was planned meanwhile); one that could not be opened at all is tried
     * again with a new subscriber (a PgSubscriber whose first connect failed never connects).
     */
    private synchronized void listen() {
        if (stopping) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl.replaceFirst("^vertx-reactive:", ""))
                .setUser(databaseUser).setPassword(databasePassword).setTcpKeepAlive(true);
        PgSubscriber attempt = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RELISTEN_AFTER_MS);
        attempt.channel(PLANNED_CHANNEL).subscribeHandler(listening -> planned()).handler(payload -> planned());
        subscriber = attempt;
        attempt.connect().onFailure(failure -> {
            LOG.warnf("Not listening for planned messages, trying again in %d ms: %s", RELISTEN_AFTER_MS, failure.toString());
            attempt.close();
            vertx.setTimer(RELISTEN_AFTER_MS, id -> listen());
        });
    }

    private synchronized void stopListening() {
        stopping = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** One round: claims the due messages no other instance holds and sends them. */
    public Uni<Void> dispatch() {
        return round().replaceWithVoid();
    }

    /**
     * Rounds one after the other while they find full batches: a burst of due messages (reminders of a busy morning,
     * the backlog of an SMTP outage) is sent at the mail server's pace, not one batch per tick.
     */
    Uni<Void> drain() {
        int batch = config.dispatch().batchSize();
        return Multi.createBy().repeating().uni(this::round).whilst(claimed -> claimed == batch)
                .collect().last().replaceWithVoid();
    }

    /** Claims a batch and sends it; the number claimed (none once the service is stopping). */
    private Uni<Integer> round() {
        return Uni.createFrom().deferred(() -> {
            if (stopping) {
                return Uni.createFrom().item(0);
            }
            roundsInFlight.incrementAndGet();
            Instant now = clock.instant();
            return Panache.withTransaction(() -> Panache.getSession()
                            .flatMap(session -> session.createSelectionQuery(CLAIM, Message.class).setParameter("now", now)
                                    .setMaxResults(config.dispatch().batchSize()).setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                                    .getResultList())
                            .flatMap(claimed -> sendAll(claimed, now).replaceWith(claimed.size())))
                    .onTermination().invoke(roundsInFlight::decrementAndGet);
        });
    }

    /**
     * A restart (SIGTERM, a rolling update) lets the rounds under way finish: their mails are sent, and only their
     * commit records it. Stopped halfway, a round's mails would go out again from the next instance.
     */
    void finishRounds(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stopListening();
        long deadline = System.nanoTime() + config.dispatch().shutdownWait().toNanos();
        while (roundsInFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (roundsInFlight.get() > 0) {
            LOG.warnf("Stopping with %d dispatch rounds unfinished: their messages may be sent again", roundsInFlight.get());
        }
    }

    /**
     * Sends right after new messages are planned instead of waiting for the next tick, on a context of its own.
     * Wake-ups during a round coalesce into one more round, so a burst of events does not open a round per event.
     */
    public void wakeUp() {
        planned();
        wakeUpAgain.set(true);
        if (wakeUpRunning.compareAndSet(false, true)) {
            wakeUpRound();
        }
    }

    private void wakeUpRound() {
        wakeUpAgain.set(false);
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> drain().subscribe().with(
                done -> wakeUpDone(),
                failure -> {
                    LOG.debugf("Dispatch wake-up failed, the next tick retries: %s", failure.toString());
                    wakeUpDone();
                }));
    }

    private void wakeUpDone() {
        wakeUpRunning.set(false);
        if (wakeUpAgain.get() && wakeUpRunning.compareAndSet(false, true)) {
            wakeUpRound();
        }
    }

    /**
     * First decides, in one query on the round's database session, which messages are still to go; then sends those
     * several at a time (the mail server's round trips overlap). Outcomes are written when the round commits.
     */
    private Uni<Void> sendAll(List<Message> claimed, Instant now) {
        List<Message> reminders = claimed.stream()
                .filter(message -> message.kind == Message.Kind.REMINDER && !begun(message, now)).toList();
        return superseded(reminders, now).flatMap(superseded -> {
            List<Message> toSend = new ArrayList<>();
            for (Message message : claimed) {
                if (message.kind == Message.Kind.REMINDER && begun(message, now)) {
                    withdraw(message, "the appointment began before the reminder could be sent");
                } else if (superseded.contains(message.id)) {
                    withdraw(message, "a later reminder of the same appointment was due as well");
                } else {
                    toSend.add(message);
                }
            }
            return Multi.createFrom().iterable(toSend)
                    .onItem().transformToUni(this::send).merge(config.dispatch().concurrentSends())
                    .collect().last();
        }).replaceWithVoid();
    }

    private static boolean begun(Message message, Instant now) {
        return !message.appointmentStart.isAfter(now);
    }

    /**
     * After an outage several reminders of one appointment may be due at once (the one for a day and the one for an
     * hour before): only the latest is sent.
     */
    private static Uni<Set<UUID>> superseded(List<Message> reminders, Instant now) {
        if (reminders.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(SUPERSEDED, UUID.class)
                .setParameter("ids", reminders.stream().map(reminder -> reminder.id).toList())
                .setParameter("now", now).getResultList())
                .map(Set::copyOf);
    }

    private static void withdraw(Message message, String because) {
        message.status = Message.Status.CANCELLED;
        message.cancelledBecause = because;
        LOG.infof("Message %s (%s of booking %s) not sent: %s", message.id, message.kind, message.bookingReference,
                because);
    }

    private Uni<Void> send(Message message) {
        // Only composing is timed out here: a send given up on while it went on could still be delivered, then sent
        // again. The send is bounded by the mail server's timeout on every step of the dialogue instead.
        return Uni.createFrom().deferred(() -> composer.compose(message))
                .ifNoItem().after(config.dispatch().sendTimeout()).fail()
                .flatMap(mailServer::send)
                .invoke(() -> {
                    message.attempts++;
                    message.status = Message.Status.SENT;
                    message.sentAt = clock.instant();
                    message.lastError = null;
                    metrics.counter("notification.messages.sent", "kind", message.kind.name()).increment();
                    metrics.timer("notification.delivery.delay", "kind", message.kind.name())
                            .record(Duration.between(message.dueAt, message.sentAt));
                })
                .onFailure().recoverWithItem(failure -> {
                    failed(message, failure);
                    return null;
                });
    }

    private void failed(Message message, Throwable failure) {
        message.attempts++;
        message.lastError = failure.toString();
        if (message.attempts >= config.dispatch().maxAttempts()) {
            message.status = Message.Status.FAILED;
            metrics.counter("notification.messages.failed", "kind", message.kind.name()).increment();
            // Stable wording to alert on: a person will not receive this message without an operator.
            LOG.errorf("notification FAILED: message %s (%s of booking %s) gave up after %d attempts: %s",
                    message.id, message.kind, message.bookingReference, message.attempts, failure.toString());
            return;
        }
        Duration delay = config.dispatch().firstRetryDelay().multipliedBy(1L << Math.min(message.attempts - 1, 20));
        if (delay.compareTo(config.dispatch().maxRetryDelay()) > 0) {
            delay = config.dispatch().maxRetryDelay();
        }
        message.nextAttemptAt = clock.instant().plus(delay);
        metrics.counter("notification.messages.retried", "kind", message.kind.name()).increment();
        LOG.warnf("Message %s (%s of booking %s) not sent (attempt %d), retrying at %s: %s", message.id,
                message.kind, message.bookingReference, message.attempts, message.nextAttemptAt, failure.toString());
    }
}
