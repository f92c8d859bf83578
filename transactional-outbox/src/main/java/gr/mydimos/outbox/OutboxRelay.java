package gr.mydimos.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.mutiny.Uni;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

/**
 * Hands committed outbox events to Kafka (channel {@code outbox}, topic per event) and marks them published once the
 * broker has acknowledged them. It runs when PostgreSQL says that a transaction which wrote events has committed
 * (LISTEN on {@code outbox_event}, notified by the table's trigger), so callers only add events inside their
 * transaction; a slow poll is the safety net for what a lost connection missed, e.g. during a Kafka outage. One relay
 * runs at a time across all instances of a service (a transaction-scoped advisory lock), so events leave in commit
 * order; a crash between the broker's ack and the commit re-sends, which consumers absorb by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory-lock key of the relay (any constant; each service has its own database). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    /** The channel the table's trigger notifies (R__transactional_outbox.sql). */
    private static final String CHANNEL = "outbox_event";
    private static final long RECONNECT_AFTER_MS = 1_000;
    /*
     * The lock is taken by an update-shaped statement and the events are claimed in HQL: Hibernate Reactive caches a
     * native select's query plan under a key that never matches again, so each native select would add a plan to the
     * cache and push the real ones out (docs/performance.md, "Native queries").
     */
    private static final String TRY_LOCK = "SELECT 1 WHERE pg_try_advisory_xact_lock(:key)";
    private static final String CLAIM = "FROM OutboxEvent WHERE publishedAt IS NULL ORDER BY createdAt";

    @Channel("outbox")
    MutinyEmitter<String> kafka;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;
    @Inject
    Vertx vertx;
    private volatile AtomicLong lag;
    @ConfigProperty(name = "outbox.batch-size", defaultValue = "100")
    int batchSize;
    /** Appended to every topic, so that tests publish beside a running system without disturbing it. */
    @ConfigProperty(name = "outbox.topic-suffix")
    Optional<String> topicSuffix;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    private PgSubscriber commits;
    private boolean stopped;
    /** A relay is under way in this instance; wake-ups meanwhile make it go round once more instead of racing it. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    void startListening(@Observes StartupEvent start) {
        listen();
    }

    /**
     * Listens on a connection of its own. A lost connection is opened again by the subscriber, and subscribed again it
     * relays what committed while it was down; one that could not be opened at all is tried again with a new
     * subscriber (a PgSubscriber whose first connect failed never connects).
     */
    private synchronized void listen() {
        if (stopped) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl.replaceFirst("^vertx-reactive:", ""))
                .setUser(databaseUser).setPassword(databasePassword).setTcpKeepAlive(true);
        PgSubscriber attempt = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempts -> RECONNECT_AFTER_MS);
        attempt.channel(CHANNEL).subscribeHandler(subscribed -> wakeUp()).handler(notification -> wakeUp());
        commits = attempt;
        attempt.connect().onFailure(failure -> {
            LOG.warnf("Not listening for committed events yet (%s); the poll relays them meanwhile", failure.toString());
            attempt.close();
            vertx.setTimer(RECONNECT_AFTER_MS, again -> listen());
        });
    }

    synchronized void stop(@Observes ShutdownEvent stop) {
        stopped = true;
        if (commits != null) {
            commits.close();
        }
    }

    /** The safety net: picks up whatever a notification missed, e.g. after a crash or a Kafka outage. */
    @Scheduled(every = "${outbox.poll-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wakeUp();
    }

    /** Relays now, or once more right after the relay under way. */
    void wakeUp() {
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            relayOnItsOwnContext();
        }
    }

    /** On a context of its own, whichever thread woke it: the scheduler's, the listener's event loop. */
    private void relayOnItsOwnContext() {
        wanted.set(false);
        io.vertx.core.Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> relay().subscribe().with(
                published -> {
                    if (published == batchSize) {
                        wanted.set(true); // a full batch: more are waiting
                    }
                    finished();
                },
                failure -> {
                    LOG.debugf("Outbox relay failed, the next poll retries: %s", failure.toString());
                    wanted.set(false);
                    finished();
                }));
    }

    private void finished() {
        running.set(false);
        if (wanted.get() && running.compareAndSet(false, true)) {
            relayOnItsOwnContext();
        }
    }

    /** Publishes the oldest waiting events, if no other instance is relaying; answers how many it published. */
    Uni<Integer> relay() {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(TRY_LOCK).setParameter("key", RELAY_LOCK).executeUpdate()
                        .flatMap(locked -> locked == 0 ? Uni.createFrom().item(0)
                                : session.createSelectionQuery(CLAIM, OutboxEvent.class).setMaxResults(batchSize)
                                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                                .getResultList().invoke(this::measureLag)
                                .flatMap(events -> publish(events).replaceWith(events.size())))));
    }

    /** The event continues the trace of the request that wrote it: the Kafka send becomes a child of that request. */
    private static Message<String> traced(Message<String> message, OutboxEvent event) {
        if (event.traceparent == null) {
            return message;
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), event.traceparent, TRACEPARENT);
        return message.addMetadata(TracingMetadata.withCurrent(parent));
    }

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    /**
     * Outbox lag (metric {@code outbox_lag_seconds}): how long the oldest event still waiting had waited when the
     * relay last looked; it grows while Kafka is unreachable, and an operator alerts on it.
     */
    private void measureLag(List<OutboxEvent> claimed) {
        if (lag == null) {
            lag = metrics.gauge("outbox.lag.seconds", new AtomicLong());
        }
        lag.set(claimed.isEmpty() ? 0 : Math.max(0, Duration.between(claimed.get(0).createdAt, clock.instant()).toSeconds()));
    }

    /** Sends are issued in order (Kafka keeps that order per key) and all acknowledged before the commit. */
    private Uni<Void> publish(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = events.stream().map(event -> kafka
                        .sendMessage(traced(Message.of(event.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withTopic(event.topic + topicSuffix.orElse("")).withKey(event.eventKey).build()), event))
                        .invoke(() -> {
                            event.publishedAt = clock.instant();
                            metrics.counter("outbox.published", "type", event.type).increment();
                        }))
                .toList();
        return Uni.join().all(sends).andCollectFailures().replaceWithVoid();
    }
}
