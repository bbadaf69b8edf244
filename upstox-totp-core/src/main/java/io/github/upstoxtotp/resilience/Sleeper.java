package io.github.upstoxtotp.resilience;

import java.util.concurrent.TimeUnit;

/**
 * How {@link ResilientStepTransport} waits: for its pacing turn and between retries. Tests inject
 * one that records the waits (and advances a fake clock) instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits at least {@code nanos} nanoseconds; returns at once for zero or less.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleepNanos(long nanos) throws InterruptedException;

    /**
     * The real one: {@link Thread#sleep(long)} rounded up to the next millisecond, so that it never
     * wakes early (the pacing guarantee is "at least").
     */
    static Sleeper system() {
        return nanos -> {
            if (nanos > 0) {
                long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
                Thread.sleep(nanos % 1_000_000L == 0 ? millis : millis + 1);
            }
        };
    }
}
