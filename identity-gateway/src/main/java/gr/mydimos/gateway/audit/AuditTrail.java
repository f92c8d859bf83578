package gr.mydimos.gateway.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Appends entries to the hash-chained audit trail (ID-3). Requests only enqueue; one writer per instance appends
 * them in batches, each batch under a database lock that serialises the chain across gateway instances. A batch
 * that cannot be written stays queued and is retried; shutdown writes what is queued. The writer runs a moment after
 * the first entry it has not written arrives, never while nothing is queued: an idle gateway does not wake up.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final String INSERT = """
            INSERT INTO audit_entry (seq, at, actor, actor_name, municipality, address, action, record, outcome,
                                     request_id, client_request_id, previous_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)""";

    private final ConcurrentLinkedDeque<AuditEntry> queue = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();

    @Inject
    Pool database;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "gateway.audit.write-every", defaultValue = "PT0.2S")
    Duration writeEvery;
    @ConfigProperty(name = "gateway.audit.batch-size", defaultValue = "500")
    int batchSize;

    void start(@Observes StartupEvent started, io.micrometer.core.instrument.MeterRegistry metrics) {
        // entries waiting to be appended: grows while the database is unreachable
        metrics.gauge("gateway.audit.queued", queue, ConcurrentLinkedDeque::size);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!queue.isEmpty() && System.nanoTime() < deadline) {
            if (writing.get()) {
                Thread.sleep(10); // a scheduled write under way: its entries count once it is done
            } else if (write().onFailure().recoverWithItem(0).await().atMost(Duration.ofSeconds(10)) == 0) {
                break;
            }
        }
        if (!queue.isEmpty()) {
            LOG.errorf("audit: %d entries could not be written at shutdown", queue.size());
        }
    }

    public void append(AuditEntry entry) {
        queue.addLast(entry);
        scheduleWrite();
    }

    /**
     * A write in writeEvery, unless one is already scheduled; after it, the next batch at once if it was full (a
     * backlog), else in writeEvery while entries are left (or it failed).
     */
    private void scheduleWrite() {
        if (writeScheduled.compareAndSet(false, true)) {
            vertx.setTimer(writeEvery.toMillis(), id -> runScheduledWrite());
        }
    }

    private void runScheduledWrite() {
        writeScheduled.set(false);
        write().subscribe().with(written -> {
            if (written == batchSize && writeScheduled.compareAndSet(false, true)) {
                runScheduledWrite();
            } else if (!queue.isEmpty()) {
                scheduleWrite();
            }
        }, failure -> scheduleWrite());
    }

    /** Writes one batch of queued entries; answers how many. */
    Uni<Integer> write() {
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        List<AuditEntry> batch = new ArrayList<>();
        for (AuditEntry entry; batch.size() < batchSize && (entry = queue.pollFirst()) != null; ) {
            batch.add(entry);
        }
        return database.withTransaction(connection -> append(connection, batch))
                .onFailure().invoke(failure -> {
                    for (int i = batch.size() - 1; i >= 0; i--) {
                        queue.addFirst(batch.get(i)); // kept, in order, for the next round
                    }
                    LOG.errorf("audit: %d entries not yet written, retrying: %s", queue.size(), failure.toString());
                })
                .eventually(() -> writing.set(false));
    }

    private Uni<Integer> append(SqlConnection connection, List<AuditEntry> batch) {
        return connection.query("SELECT pg_advisory_xact_lock(7365236524)").execute()
                .flatMap(locked -> connection.query("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
                        .execute())
                .flatMap(last -> {
                    long seq = 0;
                    String previous = AuditEntry.GENESIS;
                    if (last.iterator().hasNext()) {
                        Row row = last.iterator().next();
                        seq = row.getLong("seq");
                        previous = row.getString("hash");
                    }
                    List<Tuple> rows = new ArrayList<>(batch.size());
                    for (AuditEntry e : batch) {
                        seq++;
                        String hash = e.hash(seq, previous);
                        rows.add(Tuple.from(new Object[] {seq, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC),
                                e.actor(), e.actorName(), e.municipality(), e.address(), e.action(), e.record(),
                                e.outcome(), e.requestId(), e.clientRequestId(), previous, hash}));
                        previous = hash;
                    }
                    return connection.preparedQuery(INSERT).executeBatch(rows).replaceWith(batch.size());
                });
    }
}
