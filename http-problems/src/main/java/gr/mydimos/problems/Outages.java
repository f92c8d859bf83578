package gr.mydimos.problems;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
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

    /**
     * How a Kafka consumer applies an event: an outage is waited out, the work built anew for each try; a long one fails
     * the channel (health DOWN, restart), and the uncommitted offset brings the event back. Each try runs on the Vert.x
     * context the event arrived on, which Hibernate Reactive's sessions are bound to. Any
     * other failure would fail again at every delivery and hold up the partition behind it: it is logged, with what
     * the event was, and the event is passed over.
     */
    public static Uni<Void> waitedOut(String event, Supplier<Uni<?>> work) {
        return Uni.createFrom().deferred(work)
                .onFailure(Outages::outOfReach).invoke(failure -> LOG.warnf("%s met an outage (%s); waiting it out", event, failure))
                .onFailure(Outages::outOfReach).retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10))
                .withExecutor(onThisContext()).atMost(6)
                .onFailure(failure -> !outOfReach(failure)).recoverWithItem(failure -> {
                    LOG.errorf(failure, "%s could not be applied and is passed over", event);
                    return null;
                })
                .replaceWithVoid();
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

        static boolean outOfReach(Throwable e) {
            return e instanceof io.vertx.sqlclient.ClosedConnectionException
                    || e instanceof io.vertx.sqlclient.DatabaseException database && STATES.contains(database.getSqlState());
        }
    }
}
