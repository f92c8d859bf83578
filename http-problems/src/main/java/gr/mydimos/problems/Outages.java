package gr.mydimos.problems;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** A database or a service briefly out of reach: what is waited out, and what is not. */
public final class Outages {

    private static final Logger LOG = Logger.getLogger(Outages.class);

    private Outages() {
    }

    /**
     * A database restarting or failing over (connections reset or refused, "shutting down", "starting up") or a service
     * not answering at the socket: the same work succeeds seconds later. A request failing so is answered 503 with
     * Retry-After, as a fault of ours it is not; a request interrupted so may have been done, and repeating it with its
     * Idempotency-Key is what makes that safe.
     */
    public static boolean outOfReach(Throwable failure) {
        Throwable e = failure;
        for (int depth = 0; e != null && depth < 32; e = e.getCause(), depth++) { // bounded: causes may form a cycle
            if (e instanceof java.net.SocketException || SqlClient.PRESENT && SqlClient.outOfReach(e)) {
                return true;
            }
        }
        return false;
    }

    /** Tries of an event before its channel fails: back-off 0.5, 1, 2, 4, 8, 10, 10 s (±50 %), about half a minute. */
    static final int TRIES = 8;

    /**
     * How a Kafka consumer applies an event: a failure is tried again, the work built anew for each try, each on the
     * Vert.x context the event arrived on (Hibernate Reactive's sessions are bound to it). A database or service out
     * of reach, a deadlock, a timeout all pass; one that lasts fails the channel (health DOWN, restart) and the
     * uncommitted offset brings the event back, so nothing is dropped. Only data the database can never store
     * ({@link #permanent}) would fail at every delivery and hold up the partition behind it for good: that event is
     * logged with what it was, counted in {@code events_passed_over_total{channel}}, and passed over.
     */
    public static Uni<Void> waitedOut(String channel, String event, Supplier<Uni<?>> work) {
        AtomicInteger failures = new AtomicInteger();
        return Uni.createFrom().deferred(work)
                .onFailure(failure -> !permanent(failure)).invoke(failure -> {
                    if (failures.incrementAndGet() < TRIES) {
                        LOG.warnf("%s failed (%s); trying again", event, failure);
                    } else {
                        LOG.errorf(failure, "%s failed %d times; its channel stops and the event is read again", event, TRIES);
                    }
                })
                .onFailure(failure -> !permanent(failure)).retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10))
                .withExecutor(onThisContext()).atMost(TRIES - 1)
                .onFailure(Outages::permanent).recoverWithItem(failure -> {
                    LOG.errorf(failure, "%s can never be applied and is passed over", event);
                    passedOver(channel, 1);
                    return null;
                })
                .replaceWithVoid();
    }

    /**
     * A failure that repeats at every try whatever the time: the database refusing the data itself (SQLSTATE class 22,
     * a data exception, or 23, a constraint violated).
     */
    public static boolean permanent(Throwable failure) {
        Throwable e = failure;
        for (int depth = 0; e != null && depth < 32; e = e.getCause(), depth++) {
            String state = e instanceof java.sql.SQLException sql ? sql.getSQLState()
                    : SqlClient.PRESENT ? SqlClient.state(e) : null;
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An event no version of the contract can read (not JSON, no value, without what every event carries): it would
     * fail at every delivery, so it is logged, counted with those {@link #waitedOut} passes over, and passed over.
     */
    public static Uni<Void> unreadable(String channel, String what) {
        LOG.errorf("Unreadable event on %s passed over: %s", channel, what);
        passedOver(channel, 1);
        return Uni.createFrom().voidItem();
    }

    /** Shows the channel's count of events passed over at 0 from its start, so that an alert sees the first one. */
    public static void countsPassedOver(String channel) {
        passedOver(channel, 0);
    }

    private static void passedOver(String channel, int events) {
        try {
            io.micrometer.core.instrument.Counter.builder("events_passed_over").tag("channel", channel)
                    .description("Events not applied: unreadable, or their data refused by the database for good (each logged)")
                    .register(io.micrometer.core.instrument.Metrics.globalRegistry).increment(events);
        } catch (NoClassDefFoundError noMetrics) {
            // a service without Micrometer: the error logged is all there is
        }
    }

    private static ScheduledExecutorService onThisContext() {
        return Vertx.currentContext() == null ? Infrastructure.getDefaultWorkerPool()
                : ContextAwareScheduler.delegatingTo(Infrastructure.getDefaultWorkerPool()).withCurrentContext();
    }

    /** The reactive SQL client, where a service has one (the video-call service has no database). */
    private static final class SqlClient {
        static final boolean PRESENT = present();

        private static boolean present() {
            try {
                Class.forName("io.vertx.sqlclient.DatabaseException", false, Outages.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }

        /**
         * Closed connections, and the SQLSTATEs of a connection lost or refused (class 08 but its protocol violation,
         * which a client's fault raises too), a server shutting down or starting (57P01-03), too many connections.
         */
        private static final Set<String> STATES = Set.of(
                "08000", "08001", "08003", "08004", "08006", "08007", "57P01", "57P02", "57P03", "53300");

        static String state(Throwable e) {
            return e instanceof io.vertx.sqlclient.DatabaseException database ? database.getSqlState() : null;
        }

        static boolean outOfReach(Throwable e) {
            return e instanceof io.vertx.sqlclient.ClosedConnectionException
                    || e instanceof io.vertx.sqlclient.DatabaseException database && STATES.contains(database.getSqlState());
        }
    }
}
