package gr.mydimos.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Who waits for a connection to a busy service and who is told at once to come back later. */
class ServiceQueueTest {

    private static final long FIVE_SECONDS = TimeUnit.SECONDS.toNanos(5);

    private long now = TimeUnit.HOURS.toNanos(1);
    private final ServiceQueue queue = new ServiceQueue(() -> now);

    @Test
    void aBurstIsQueuedWholeHoweverLongItWillTake() {
        long admitted = IntStream.range(0, 1_000).filter(i -> queue.admit(FIVE_SECONDS)).count();

        assertThat(admitted).isEqualTo(1_000);
        assertThat(queue.waiting()).isEqualTo(1_000);
    }

    @Test
    void underSustainedOverloadOnlyWhatTheServiceClearsInTimeWaitsAndTheRestIsRefusedAtOnce() {
        // offered 200 a second, served 50 a second, for twenty seconds
        long refusedWhileItMightBeABurst = 0;
        long refused = 0;
        for (int tenth = 0; tenth < 200; tenth++) {
            for (int i = 0; i < 20; i++) {
                boolean admitted = queue.admit(FIVE_SECONDS);
                refused += admitted ? 0 : 1;
                refusedWhileItMightBeABurst += admitted || tenth >= 30 ? 0 : 1;
            }
            for (int i = 0; i < 5; i++) {
                queue.granted();
            }
            now += TimeUnit.MILLISECONDS.toNanos(100);
        }

        assertThat(refusedWhileItMightBeABurst).as("nothing refused in the first 3 s").isZero();
        assertThat(refused).isPositive();
        // the 450 queued in the first 3 s are worked off; then, at 50 a second, 5 s of waiting is 250 requests: the
        // queue stays there
        assertThat(queue.waiting()).isBetween(240, 250);
        assertThat(queue.admit(FIVE_SECONDS)).isFalse();
        for (int i = 0; i < 100; i++) {
            queue.granted();
        }
        assertThat(queue.admit(FIVE_SECONDS)).as("room again once the queue has moved on").isTrue();
    }

    @Test
    void aServiceThatFreesNothingKeepsOneRequestWaitingAndRefusesTheRest() {
        assertThat(queue.admit(FIVE_SECONDS)).isTrue();
        now += ServiceQueue.SUSTAINED_NANOS;

        // counted as freeing one per window (here 1.75 s): a second request would wait 3.5 s, a third 5.25 s
        assertThat(queue.admit(FIVE_SECONDS)).as("one more is within 5 s even at one per window").isTrue();
        assertThat(IntStream.range(0, 10).filter(i -> queue.admit(FIVE_SECONDS)).count()).isZero();
    }

    @Test
    void aQueueThatHasClearedTakesANewBurstWholeAgain() {
        for (int i = 0; i < 10; i++) {
            queue.admit(FIVE_SECONDS);
        }
        now += ServiceQueue.SUSTAINED_NANOS * 2;
        for (int i = 0; i < 10; i++) {
            queue.gaveUp();
        }

        assertThat(queue.waiting()).isZero();
        assertThat(IntStream.range(0, 1_000).filter(i -> queue.admit(FIVE_SECONDS)).count())
                .as("a new burst after a quiet spell is a burst again").isEqualTo(1_000);
    }
}
