package gr.mydimos.gateway.proxy;

import java.util.function.LongSupplier;

/**
 * The gateway's requests waiting for a connection to one service, and how fast the service frees connections while
 * they wait: from these, how long a newcomer would wait. Under sustained overload — requests have been waiting for
 * longer than a burst takes to arrive — a request that would wait longer than a caller should be kept waiting is
 * refused at once (503 with Retry-After) instead of queuing for many seconds or until it times out (a late 503, or a
 * 504 once the service is reached). A burst that finds the queue empty — a thousand citizens pressing "book" in the
 * same second for the same ten slots — is queued whole, up to the pool's count and for up to the queue timeout, as is
 * the first stretch of an overload. A burst arriving over more than that stretch, or onto a queue already waiting
 * that long, is cut to what the service clears in the longest wait; while a backlog is over it, every request to
 * that service is refused, cheap ones too: the gateway cannot tell how long a request will take.
 * Thread-safe (the gateway's event loops share one per service); a few hundred nanoseconds per request.
 */
final class ServiceQueue {

    /**
     * Requests waiting for longer than this without a pause are a sustained overload, not a burst (the bench's 1,000
     * requests at once reach the gateway over some 1.6 s on a loaded two-core machine).
     */
    static final long SUSTAINED_NANOS = 3_000_000_000L;
    /** The rate is taken over the last WINDOW, in BUCKETS slices. */
    static final long WINDOW_NANOS = 2_000_000_000L;
    private static final int BUCKETS = 8;
    private static final long BUCKET_NANOS = WINDOW_NANOS / BUCKETS;

    private final LongSupplier nanoTime;
    private final long[] bucketGrants = new long[BUCKETS];
    private final long[] bucketIndex = new long[BUCKETS];
    private int waiting;
    /** When the queue last became non-empty; meaningless while it is empty. */
    private long waitingSince;

    ServiceQueue(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Whether a new request may wait for a connection, given the longest wait to promise; if so it is counted as
     * waiting, and {@link #granted} or {@link #gaveUp} must follow.
     */
    synchronized boolean admit(long maxWaitNanos) {
        long now = nanoTime.getAsLong();
        if (waiting > 0 && now - waitingSince >= SUSTAINED_NANOS) {
            // +1: a service that freed nothing in the window is not infinitely slow, only very (one request is let wait)
            double perNano = (grantsInWindow(now) + 1) / (double) (WINDOW_NANOS - BUCKET_NANOS
                    + Math.floorMod(now, BUCKET_NANOS) + 1);
            if ((waiting + 1) / perNano > maxWaitNanos) {
                return false;
            }
        }
        if (waiting++ == 0) {
            waitingSince = now;
        }
        return true;
    }

    /** The request got its connection. */
    synchronized void granted() {
        long now = nanoTime.getAsLong();
        long index = Math.floorDiv(now, BUCKET_NANOS);
        int slot = (int) Math.floorMod(index, (long) BUCKETS);
        if (bucketIndex[slot] != index) {
            bucketIndex[slot] = index;
            bucketGrants[slot] = 0;
        }
        bucketGrants[slot]++;
        waiting = Math.max(0, waiting - 1);
    }

    /** The request stopped waiting without a connection (refused by the pool, timed out). */
    synchronized void gaveUp() {
        waiting = Math.max(0, waiting - 1);
    }

    synchronized int waiting() {
        return waiting;
    }

    /** Grants in the current bucket and the seven before it: from 1.75 to 2 s, as far as the current one has come. */
    private long grantsInWindow(long now) {
        long current = Math.floorDiv(now, BUCKET_NANOS);
        long sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (current - bucketIndex[i] < BUCKETS) {
                sum += bucketGrants[i];
            }
        }
        return sum;
    }
}
