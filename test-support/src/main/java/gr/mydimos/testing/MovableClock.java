package gr.mydimos.testing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The tests' clock: replaces the default system clock bean, so a test sets "now" instead of sleeping. Every test
 * starts at {@link #TESTS_NOW}, so dates in tests are fixed whatever the real date ({@link ResetClockAfterEachTest}).
 */
@Singleton
public class MovableClock extends Clock {

    /** Tuesday 1 December 2026, 09:00 in Athens. */
    public static final String TESTS_NOW = "2026-12-01T09:00";

    private volatile Instant now;

    public MovableClock() {
        reset();
    }

    /** Sets "now" to a local date-time in Athens, e.g. "2026-12-01T09:00". */
    public void setAthens(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Athens")).toInstant();
    }

    public void advance(java.time.Duration by) {
        now = now.plus(by);
    }

    public void reset() {
        setAthens(TESTS_NOW);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
